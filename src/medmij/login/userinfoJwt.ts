// Reads the broker's userinfo response (medmij-dva.md §4): `application/jwt` holding a JWE
// (RSA-OAEP, A128CBC-HS256) around a JWS (RS256), or a plain JWS. We decrypt with our own key,
// verify the signature with the broker's JWKS, and check iss, aud (our client id), exp and nbf.
// Errors say what failed, never a claim's value (the payload carries the BSN).
import {
  compactDecrypt,
  decodeProtectedHeader,
  jwtVerify,
  type CryptoKey,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

export interface UserinfoVerification {
  decryptionKeys: { key: CryptoKey; kid?: string | undefined }[];
  /** The broker's signing keys (its `jwks_uri`). */
  jwks: JWTVerifyGetKey;
  issuer: string;
  clientId: string;
  now?: Date;
}

export class UserinfoError extends Error {
  override name = 'UserinfoError';
}

const KEY_MANAGEMENT = ['RSA-OAEP', 'RSA-OAEP-256'];
const CONTENT_ENCRYPTION = ['A128CBC-HS256', 'A256CBC-HS512', 'A128GCM', 'A256GCM'];
const SIGNATURES = ['RS256', 'PS256', 'ES256'];
/** nl-rdo-max sets nbf ten seconds in the past; allow that much clock difference as well. */
const CLOCK_TOLERANCE_SECONDS = 10;

async function decrypt(jwe: string, options: UserinfoVerification): Promise<string> {
  const { kid } = decodeProtectedHeader(jwe);
  const keys = options.decryptionKeys;
  // MAX names our certificate by x5t rather than kid: without a kid match, try each key.
  const candidates = keys.filter((k) => kid !== undefined && k.kid === kid);
  for (const { key } of candidates.length > 0 ? candidates : keys) {
    try {
      const { plaintext } = await compactDecrypt(jwe, key, {
        keyManagementAlgorithms: KEY_MANAGEMENT,
        contentEncryptionAlgorithms: CONTENT_ENCRYPTION,
      });
      return new TextDecoder().decode(plaintext);
    } catch {
      continue;
    }
  }
  throw new UserinfoError('userinfo JWE could not be decrypted with our keys');
}

export async function readUserinfoJwt(
  body: string,
  options: UserinfoVerification,
): Promise<JWTPayload> {
  const parts = body.trim().split('.').length;
  if (parts !== 5 && parts !== 3) throw new UserinfoError('userinfo is neither a JWE nor a JWS');
  const jws = parts === 5 ? await decrypt(body.trim(), options) : body.trim();
  if (jws.split('.').length !== 3) throw new UserinfoError('userinfo JWE does not hold a JWS');
  try {
    const { payload } = await jwtVerify(jws, options.jwks, {
      issuer: options.issuer,
      audience: options.clientId,
      algorithms: SIGNATURES,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.now,
    });
    return payload;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UserinfoError(
      `userinfo JWS refused (${typeof code === 'string' ? code : 'invalid'})`,
    );
  }
}
