// Reading the DigiD broker's userinfo (medmij-dva.md §4): a JWE (RSA-OAEP, A128CBC-HS256)
// around a JWS (RS256), or a plain JWS; refused when the signer, audience, issuer or lifetime
// is wrong, or when it is not a JWT at all. And the assurance levels that pass.
import {
  CompactEncrypt,
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_ASSURANCE_LEVELS, meetsAssurance } from '../src/medmij/login/assurance.ts';
import { readUserinfoJwt, UserinfoError } from '../src/medmij/login/userinfoJwt.ts';

const ISSUER = 'https://max.example.nl';
const CLIENT = 'entpoort';
const BSN = '999990019';

let broker: { privateKey: CryptoKey; publicKey: CryptoKey };
let stranger: { privateKey: CryptoKey; publicKey: CryptoKey };
let ours: { privateKey: CryptoKey; publicKey: CryptoKey };
let options: Parameters<typeof readUserinfoJwt>[1];

beforeAll(async () => {
  broker = await generateKeyPair('RS256');
  stranger = await generateKeyPair('RS256');
  ours = await generateKeyPair('RSA-OAEP');
  const jwk = { ...(await exportJWK(broker.publicKey)), kid: 'broker', alg: 'RS256', use: 'sig' };
  options = {
    decryptionKeys: [{ key: ours.privateKey, kid: 'ours' }],
    jwks: createLocalJWKSet({ keys: [jwk] }),
    issuer: ISSUER,
    clientId: CLIENT,
  };
});

async function jws(claims: Record<string, unknown> = {}, key = broker.privateKey) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    aud: CLIENT,
    sub: 'pairwise-sub',
    nbf: now - 10,
    exp: now + 60,
    bsn: BSN,
    loa_authn: 'http://eidas.europa.eu/LoA/substantial',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'broker' })
    .sign(key);
}

async function jwe(inner: string) {
  return new CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128CBC-HS256', cty: 'JWT', x5t: 'abc' })
    .encrypt(ours.publicKey);
}

describe('userinfo JWT', () => {
  it('decrypts the JWE, verifies the JWS inside and returns the claims', async () => {
    const claims = await readUserinfoJwt(await jwe(await jws()), options);
    expect(claims.bsn).toBe(BSN);
    expect(claims.loa_authn).toBe('http://eidas.europa.eu/LoA/substantial');
  });

  it('also accepts a plain signed JWS', async () => {
    expect((await readUserinfoJwt(await jws(), options)).sub).toBe('pairwise-sub');
  });

  it.each([
    ['signed by another key', () => jws({}, stranger.privateKey)],
    ['for another audience', () => jws({ aud: 'someone-else' })],
    ['from another issuer', () => jws({ iss: 'https://evil.example' })],
    ['expired', () => jws({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ['not yet valid', () => jws({ nbf: Math.floor(Date.now() / 1000) + 120 })],
  ])('refuses a JWS %s, inside a JWE or not', async (_what, make) => {
    const inner = await make();
    await expect(readUserinfoJwt(inner, options)).rejects.toThrow(UserinfoError);
    await expect(readUserinfoJwt(await jwe(inner), options)).rejects.toThrow(UserinfoError);
  });

  it('refuses a JWE it cannot decrypt, and JSON that merely has dots in it', async () => {
    const other = await generateKeyPair('RSA-OAEP');
    const foreign = await new CompactEncrypt(new TextEncoder().encode(await jws()))
      .setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128CBC-HS256' })
      .encrypt(other.publicKey);
    await expect(readUserinfoJwt(foreign, options)).rejects.toThrow(UserinfoError);
    const json = JSON.stringify({ sub: 's', bsn: BSN, loa: 'http://a.b/c' });
    await expect(readUserinfoJwt(json, options)).rejects.toThrow(UserinfoError);
  });

  it('never puts a claim value in its error messages', async () => {
    const error = await readUserinfoJwt(await jws({ aud: 'x' }), options).catch((e) => e);
    expect(String(error.message)).not.toContain(BSN);
  });
});

describe('assurance level', () => {
  it('accepts substantial and high, refuses basis, low and anything unknown', () => {
    expect(meetsAssurance('http://eidas.europa.eu/LoA/substantial')).toBe(true);
    expect(meetsAssurance('http://eidas.europa.eu/LoA/high')).toBe(true);
    expect(meetsAssurance('urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard')).toBe(true);
    expect(meetsAssurance('http://eidas.europa.eu/LoA/low')).toBe(false);
    expect(
      meetsAssurance('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'),
    ).toBe(false);
    expect(meetsAssurance(undefined)).toBe(false);
    expect(ACCEPTED_ASSURANCE_LEVELS.size).toBeGreaterThan(0);
  });
});
