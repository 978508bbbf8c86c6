// Opaque secrets (access tokens, and any other bearer secret): 256 random bits, base64url, and
// the SHA-256 hash under which they are stored. The secret itself is never written anywhere.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: twice the 128 bits MedMij asks for. */
const TOKEN_BYTES = 32;

/** base64url of 32 bytes, no padding. */
const tokenFormat = /^[A-Za-z0-9_-]{43}$/;

export function newOpaqueToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256, hex: the only form in which a token is stored and looked up. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a presented value could be one of our tokens at all, before any lookup. */
export function looksLikeOpaqueToken(value: string): boolean {
  return tokenFormat.test(value);
}
