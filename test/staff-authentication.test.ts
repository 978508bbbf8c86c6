// Staff bearer tokens are verified against the issuer's published keys over real HTTP: tokens
// from the development IdP pass with their roles; forged, expired, misdirected or unsigned ones
// do not; an issuer that was down is found again once it is up.
import {
  base64url,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAuthenticator } from '../src/auth/staffAuthenticator.ts';
import { AuthenticationError } from '../src/auth/staffAuthenticator.ts';
import { createStaffAuthenticator } from '../src/auth/staffTokens.ts';
import type { Config } from '../src/config/config.ts';
import { loadOrCreateDevIdpSecrets } from '../src/dev/idp/secrets.ts';
import { databaseKinds } from './support/databases.ts';
import {
  devStaffToken,
  freePort,
  startDevIdpServer,
  type DevIdpServer,
} from './support/devIdpServer.ts';

const bearer = (token: string) => `Bearer ${token}`;

async function refusal(authenticator: StaffAuthenticator, header: string | undefined) {
  const error = await authenticator.authenticate(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe.each(databaseKinds)('staff authentication against the dev IdP (%s)', (kind) => {
  let config: Config;
  let server: DevIdpServer;
  let authenticator: StaffAuthenticator;
  /** The dev IdP's own signing key, to forge tokens that differ from real ones in one way. */
  let idpKey: { jwk: JWK; key: Awaited<ReturnType<typeof importJWK>> };

  /** A token like the dev IdP's, signed with its key, with `changes` applied. */
  async function forged(changes: JWTPayload = {}, header: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: config.staffIssuer,
      aud: config.STAFF_OIDC_AUDIENCE,
      sub: 'forger',
      iat: now,
      exp: now + 600,
      roles: ['viewer'],
      ...changes,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: idpKey.jwk.kid, ...header })
      .sign(idpKey.key);
  }

  beforeAll(async () => {
    server = await startDevIdpServer(kind);
    config = server.config;
    authenticator = createStaffAuthenticator(config);
    const [jwk] = (await loadOrCreateDevIdpSecrets(config.DATA_DIR)).signingKeys;
    if (!jwk) throw new Error('the dev IdP has no signing key');
    idpKey = { jwk, key: await importJWK(jwk, 'RS256') };
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each(['viewer', 'registrar', 'auditor'] as const)(
    'accepts a token for role %s',
    async (role) => {
      const actor = await authenticator.authenticate(bearer(await devStaffToken(config, role)));
      expect(actor).toEqual({ kind: 'STAFF', id: `dev-${role}`, roles: new Set([role]) });
    },
  );

  it('accepts a token made as the dev IdP makes them (each forgery below differs)', async () => {
    const actor = await authenticator.authenticate(bearer(await forged()));
    expect(actor).toEqual({ kind: 'STAFF', id: 'forger', roles: new Set(['viewer']) });
  });

  it('refuses a missing, empty or non-bearer Authorization header', async () => {
    const token = await devStaffToken(config, 'viewer');
    await refusal(authenticator, undefined);
    await refusal(authenticator, 'Bearer ');
    await refusal(authenticator, `Basic ${token}`);
    await refusal(authenticator, 'Bearer not-a-jwt');
  });

  it('refuses a token whose claims or signature were changed', async () => {
    const [header, payload, signature] = (await devStaffToken(config, 'viewer')).split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
    const promoted = base64url.encode(JSON.stringify({ ...claims, roles: ['registrar'] }));
    const error = await refusal(authenticator, bearer(`${header}.${promoted}.${signature}`));
    expect(error.message).toMatch(/signature/);

    const flipped = `${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    await refusal(authenticator, bearer(`${header}.${payload}.${flipped}`));
  });

  it('refuses an expired token, and one not valid yet', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const expired = await forged({ iat: hourAgo - 600, exp: hourAgo });
    expect((await refusal(authenticator, bearer(expired))).message).toMatch(/exp/);
    const future = await forged({ nbf: Math.floor(Date.now() / 1000) + 3600 });
    expect((await refusal(authenticator, bearer(future))).message).toMatch(/nbf/);
  });

  it('refuses a token for another audience', async () => {
    const other = await forged({ aud: 'some-other-api' });
    expect((await refusal(authenticator, bearer(other))).message).toMatch(/aud/);
    // And a real token, at an Entpoort that expects another audience.
    const strict = createStaffAuthenticator({ ...config, STAFF_OIDC_AUDIENCE: 'elsewhere' });
    await refusal(strict, bearer(await devStaffToken(config, 'viewer')));
  });

  it('refuses a token from another issuer', async () => {
    const other = await forged({ iss: 'https://idp.example/' });
    expect((await refusal(authenticator, bearer(other))).message).toMatch(/iss/);
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const claims = { roles: ['auditor'], iat: now, exp: now + 600 };
    const sign = (kid: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(config.staffIssuer)
        .setAudience(config.STAFF_OIDC_AUDIENCE)
        .setSubject('intruder')
        .sign(privateKey);
    const unknownKid = await refusal(authenticator, bearer(await sign('unknown-kid')));
    expect(unknownKid.message).toMatch(/ERR_JWKS_NO_MATCHING_KEY/);
    // Claiming the real key's kid does not help either.
    await refusal(authenticator, bearer(await sign(idpKey.jwk.kid!)));
    expect((await exportJWK(publicKey)).n).not.toBe(idpKey.jwk.n);
  });

  it('refuses an unsigned token (alg none) and an HMAC one keyed with the public key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: config.staffIssuer,
      aud: config.STAFF_OIDC_AUDIENCE,
      sub: 'nobody',
      roles: ['registrar'],
      iat: now,
      exp: now + 600,
    };
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
    expect((await refusal(authenticator, bearer(unsigned))).message).toMatch(/alg/i);

    const { kty, n, e } = idpKey.jwk;
    const secret = new TextEncoder().encode(JSON.stringify({ e, kty, n }));
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: idpKey.jwk.kid })
      .sign(secret);
    expect((await refusal(authenticator, bearer(hmac))).message).toMatch(/alg/i);
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({ roles: ['viewer'] })
      .setProtectedHeader({ alg: 'RS256', kid: idpKey.jwk.kid })
      .setIssuer(config.staffIssuer)
      .setAudience(config.STAFF_OIDC_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(idpKey.key);
    expect((await refusal(authenticator, bearer(token))).message).toMatch(/sub/);
  });

  it('reads roles from a space-separated string and keeps only known ones', async () => {
    const token = await forged({ roles: 'auditor superuser viewer' });
    const actor = await authenticator.authenticate(bearer(token));
    expect(actor.roles).toEqual(new Set(['auditor', 'viewer']));

    const none = await authenticator.authenticate(bearer(await forged({ roles: ['root'] })));
    expect(none.roles).toEqual(new Set());
  });

  it('reads roles at a dotted path, or under a claim name that has dots', async () => {
    const nested = createStaffAuthenticator({ ...config, STAFF_ROLES_CLAIM: 'realm_access.roles' });
    const keycloakLike = await forged({ roles: undefined, realm_access: { roles: ['auditor'] } });
    expect((await nested.authenticate(bearer(keycloakLike))).roles).toEqual(new Set(['auditor']));
    expect((await nested.authenticate(bearer(await forged()))).roles).toEqual(new Set());

    const claim = 'https://rivm.nl/roles';
    const namespaced = createStaffAuthenticator({ ...config, STAFF_ROLES_CLAIM: claim });
    const token = await forged({ [claim]: ['registrar'] });
    expect((await namespaced.authenticate(bearer(token))).roles).toEqual(new Set(['registrar']));
  });

  it('tries discovery again after a failure, but not on every request', async () => {
    const port = await freePort();
    const issuer = { ...config, staffIssuer: `http://127.0.0.1:${port}/dev/idp` };
    let now = 0;
    const waiting = createStaffAuthenticator(issuer, { discoveryRetryMs: 5000, now: () => now });
    let later: DevIdpServer | undefined;
    try {
      // Nothing listens yet: discovery fails and so does the request.
      const down = await refusal(waiting, bearer(await forged()));
      expect(down.message).toMatch(/issuer unavailable/);

      later = await startDevIdpServer(kind, { PORT: String(port) });
      expect(later.config.staffIssuer).toBe(issuer.staffIssuer);
      const token = await devStaffToken(later.config, 'auditor');
      now += 1000;
      // Within the retry interval the failure stands, so a dead IdP is not hammered.
      expect((await refusal(waiting, bearer(token))).message).toMatch(/issuer unavailable/);
      now += 5000;
      const actor = await waiting.authenticate(bearer(token));
      expect(actor.roles).toEqual(new Set(['auditor']));
    } finally {
      await later?.close();
    }
  });
});
