// Our own keys towards the DigiD broker, from a JWKS of private keys (DIGID_CLIENT_KEYS_FILE):
// a `sig` key for private_key_jwt client authentication, and one or more `enc` keys that
// decrypt the broker's userinfo JWE. The public halves are what the broker registers for us.
import { readFile } from 'node:fs/promises';
import { importJWK, type CryptoKey, type JWK } from 'jose';

export interface ClientKeys {
  /** For private_key_jwt; absent: the client authenticates with `none` (PKCE only). */
  signing?: { key: CryptoKey; kid?: string | undefined; alg: string };
  decryption: { key: CryptoKey; kid?: string | undefined; alg: string }[];
  /** The public JWKS, to register with the broker. */
  publicJwks: { keys: JWK[] };
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export function publicJwk(jwk: JWK): JWK {
  return Object.fromEntries(
    Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.includes(name)),
  ) as JWK;
}

export async function clientKeysFromJwks(jwks: { keys: JWK[] }): Promise<ClientKeys> {
  const keys: ClientKeys = { decryption: [], publicJwks: { keys: [] } };
  for (const jwk of jwks.keys) {
    if (!jwk.d) throw new Error(`DigiD client key ${jwk.kid ?? '(no kid)'} has no private part`);
    if (jwk.use === 'sig' && !keys.signing) {
      const alg = jwk.alg ?? 'RS256';
      keys.signing = { key: (await importJWK(jwk, alg)) as CryptoKey, kid: jwk.kid, alg };
    } else if (jwk.use === 'enc') {
      const alg = jwk.alg ?? 'RSA-OAEP';
      keys.decryption.push({ key: (await importJWK(jwk, alg)) as CryptoKey, kid: jwk.kid, alg });
    } else {
      continue;
    }
    keys.publicJwks.keys.push(publicJwk(jwk));
  }
  if (keys.decryption.length === 0) {
    throw new Error('DigiD client keys: no `enc` key to decrypt the userinfo response with');
  }
  return keys;
}

export async function readClientKeysFile(path: string): Promise<ClientKeys> {
  const jwks = JSON.parse(await readFile(path, 'utf8')) as { keys?: JWK[] };
  if (!Array.isArray(jwks.keys)) throw new Error(`${path}: not a JWKS (no "keys" array)`);
  return clientKeysFromJwks({ keys: jwks.keys });
}
