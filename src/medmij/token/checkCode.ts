// Step 4 of the token checks for an unused code (medmij-dva.md §6, §7; core.tknint.203–205):
// issued to this client, presented with the identical redirect_uri, not expired, its grant
// neither revoked nor expired. Any failure is `invalid_grant`, with a reason for the logs.
// (Whether the code was used is decided atomically when it is redeemed, redeemCode.ts.)
import { InvalidGrant, InvalidRequest } from './errors.ts';
import type { StoredCode } from './findCode.ts';

export function checkCode(
  code: StoredCode,
  clientId: string,
  redirectUri: string | undefined,
  now: Date,
): void {
  const { grant } = code;
  if (grant.client.hostname !== clientId || !grant.client.active) {
    throw new InvalidGrant('authorization code was issued to another client', 'code_other_client');
  }
  // RFC 6749 §4.1.3: required when the authorization request had one, which MedMij's always has.
  if (redirectUri === undefined) throw new InvalidRequest('redirect_uri is required');
  // Compared as strings, not as parsed URLs: core.tknint.205 asks for the identical value.
  if (redirectUri !== code.redirectUri) {
    throw new InvalidGrant('redirect_uri differs from the authorization request', 'redirect_uri');
  }
  if (now.getTime() >= code.expiresAt.getTime()) {
    throw new InvalidGrant('authorization code expired', 'code_expired');
  }
  if (grant.revokedAt) throw new InvalidGrant('consent was withdrawn', 'grant_revoked');
  if (now.getTime() >= grant.expiresAt.getTime()) {
    throw new InvalidGrant('consent expired', 'grant_expired');
  }
}
