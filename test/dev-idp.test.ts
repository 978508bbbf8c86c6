// The development identity provider, mounted in the real app at /dev/idp: it publishes OpenID
// Connect discovery and keys, issues staff JWT access tokens with the configured roles claim
// and audience, keeps its keys across restarts, and refuses to start in production.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAuthenticator } from '../src/auth/staffAuthenticator.ts';
import { createStaffAuthenticator } from '../src/auth/staffTokens.ts';
import type { Config } from '../src/config/config.ts';
import { registerDevIdp } from '../src/dev/idp/plugin.ts';
import { createDevProvider } from '../src/dev/idp/provider.ts';
import { loadOrCreateDevIdpSecrets, secretsFileName } from '../src/dev/idp/secrets.ts';
import { DEV_STAFF_CLIENT_SECRET } from '../src/dev/idp/staffClients.ts';
import { databaseKinds } from './support/databases.ts';
import {
  devStaffToken,
  startDevIdpServer,
  temporaryDataDir,
  type DevIdpServer,
} from './support/devIdpServer.ts';

const bearer = (token: string) => `Bearer ${token}`;

async function tokenRequest(config: Config, clientId: string, secret: string, extra = {}) {
  const response = await fetch(`${config.staffIssuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(databaseKinds)('development identity provider (%s)', (kind) => {
  let dataDir: string;
  let config: Config;
  let server: DevIdpServer;
  let authenticator: StaffAuthenticator;

  beforeAll(async () => {
    server = await startDevIdpServer(kind);
    ({ config, dataDir } = server);
    authenticator = createStaffAuthenticator(config);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('publishes discovery: the staff issuer, its keys, the client credentials grant', async () => {
    expect(config.staffIssuer).toBe(`${config.publicBaseUrl}/dev/idp`);
    const response = await fetch(`${config.staffIssuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: config.staffIssuer,
      jwks_uri: `${config.staffIssuer}/jwks`,
      token_endpoint: `${config.staffIssuer}/token`,
    });
    expect(metadata.grant_types_supported).toContain('client_credentials');

    const jwks = (await (await fetch(`${config.staffIssuer}/jwks`)).json()) as {
      keys: Record<string, unknown>[];
    };
    const { signingKeys } = await loadOrCreateDevIdpSecrets(dataDir);
    expect(jwks.keys.map((k) => k.kid)).toEqual(signingKeys.map((k) => k.kid));
    // Public halves only.
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it("issues RFC 9068 JWT access tokens for the staff API, with the client's role", async () => {
    const token = await devStaffToken(config, 'registrar');
    const [key] = (await loadOrCreateDevIdpSecrets(dataDir)).signingKeys;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: key?.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: config.staffIssuer,
      aud: config.STAFF_OIDC_AUDIENCE,
      sub: 'dev-registrar',
      client_id: 'dev-registrar',
      roles: ['registrar'],
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('refuses a wrong secret, an unknown client and a resource not the staff API', async () => {
    const wrong = await tokenRequest(config, 'dev-viewer', 'guess');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const unknown = await tokenRequest(config, 'dev-root', DEV_STAFF_CLIENT_SECRET);
    expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const elsewhere = await tokenRequest(config, 'dev-viewer', DEV_STAFF_CLIENT_SECRET, {
      resource: 'https://elsewhere.example/api',
    });
    expect(elsewhere).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
    const ok = await tokenRequest(config, 'dev-viewer', DEV_STAFF_CLIENT_SECRET);
    expect(ok.status).toBe(200);
  });

  it('keeps its keys in DATA_DIR, so tokens outlive a restart', async () => {
    const file = join(dataDir, secretsFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const before = await readFile(file, 'utf8');
    const token = await devStaffToken(config, 'auditor');

    await server.restart();

    expect(await readFile(file, 'utf8')).toBe(before);
    // A fresh authenticator discovers the restarted IdP and fetches its keys anew.
    const actor = await createStaffAuthenticator(config).authenticate(bearer(token));
    expect(actor).toEqual({ kind: 'STAFF', id: 'dev-auditor', roles: new Set(['auditor']) });
    expect(await authenticator.authenticate(bearer(token))).toEqual(actor);
  });

  it('puts the roles claim where STAFF_ROLES_CLAIM says, for the configured audience', async () => {
    const env = { STAFF_ROLES_CLAIM: 'realm_access.roles', STAFF_OIDC_AUDIENCE: 'rivm-staff' };
    const other = await startDevIdpServer(kind, env);
    const otherConfig = other.config;
    try {
      const token = await devStaffToken(otherConfig, 'viewer');
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({ aud: 'rivm-staff', realm_access: { roles: ['viewer'] } });
      expect(claims).not.toHaveProperty('roles');
      const actor = await createStaffAuthenticator(otherConfig).authenticate(bearer(token));
      expect(actor.roles).toEqual(new Set(['viewer']));
      // The default configuration reads `roles` and expects `entpoort`: not this token.
      await expect(authenticator.authenticate(bearer(token))).rejects.toThrow();
    } finally {
      await other.close();
    }
  });

  it('refuses to start in production, whatever the caller checked', async () => {
    const production: Config = { ...config, production: true, devIdp: true };
    const app = Fastify();
    try {
      const services = { ...server.services, config: production };
      await expect(registerDevIdp(app, services)).rejects.toThrow(/production/);
      const { signingKeys, cookieKeys } = await loadOrCreateDevIdpSecrets(dataDir);
      expect(() => createDevProvider(production, { signingKeys, cookieKeys })).toThrow(
        /production/,
      );
      expect(app.hasRoute({ method: 'GET', url: '/dev/idp/*' })).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('development identity provider secrets', () => {
  it('keeps in-memory secrets per memory:// name, and the same ones for the same name', async () => {
    const a = await loadOrCreateDevIdpSecrets('memory://dev-idp-a');
    expect(await loadOrCreateDevIdpSecrets('memory://dev-idp-a')).toBe(a);
    const b = await loadOrCreateDevIdpSecrets('memory://dev-idp-b');
    expect(b.signingKeys[0]?.kid).not.toBe(a.signingKeys[0]?.kid);
  });

  it('reports a damaged secrets file instead of replacing it', async () => {
    const dir = await temporaryDataDir();
    try {
      await writeFile(join(dir, secretsFileName), '{"signingKeys": []}');
      await expect(loadOrCreateDevIdpSecrets(dir)).rejects.toThrow(/delete it/);
      expect(await readFile(join(dir, secretsFileName), 'utf8')).toBe('{"signingKeys": []}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
