// Step 4 of the token checks for an unused refresh token: live (not revoked, not expired),
// issued to this client, under a long-term grant that is neither revoked nor expired, for a
// citizen who is still old enough (MedMij and RIVM: 16+, counted on the day of the request).
// Any failure is `invalid_grant`. (Whether it was used is decided atomically, rotateRefresh.ts.)
import { ageOn, MINIMUM_DISCLOSURE_AGE } from '../../rules/age.ts';
import { InvalidGrant } from './errors.ts';
import type { StoredRefreshToken } from './findRefreshToken.ts';

export function checkRefreshToken(token: StoredRefreshToken, clientId: string, now: Date): void {
  const { grant } = token;
  if (token.revokedAt) throw new InvalidGrant('refresh token revoked', 'refresh_revoked');
  if (grant.client.hostname !== clientId || !grant.client.active) {
    throw new InvalidGrant('refresh token was issued to another client', 'refresh_other_client');
  }
  if (now.getTime() >= token.expiresAt.getTime()) {
    throw new InvalidGrant('refresh token expired', 'refresh_expired');
  }
  if (!grant.longTerm) throw new InvalidGrant('consent is not long-term', 'grant_not_long_term');
  if (grant.revokedAt) throw new InvalidGrant('consent was withdrawn', 'grant_revoked');
  if (now.getTime() >= grant.expiresAt.getTime()) {
    throw new InvalidGrant('consent expired', 'grant_expired');
  }
  if (ageOn(grant.citizen.birthDate, now) < MINIMUM_DISCLOSURE_AGE) {
    // The description must not reveal the person's age to the PGO.
    throw new InvalidGrant('consent no longer valid', 'citizen_too_young');
  }
}
