// Ends a grant at once: the grant itself and every access and refresh token issued under it.
// Used when a code or refresh token is presented a second time (a sign it leaked). Access
// tokens die through revokeTokensOfGrant, and verifyAccessToken also refuses any token whose
// grant is revoked, so a token committed in a race is dead as well.
import type { Prisma } from '../../store/generated/client.ts';
import { revokeTokensOfGrant } from '../pgoTokens.ts';

export interface Revoked {
  accessTokens: number;
  refreshTokens: number;
  grant: boolean;
}

export async function endGrant(
  tx: Prisma.TransactionClient,
  grantId: string,
  now: Date,
): Promise<Revoked> {
  const accessTokens = await revokeTokensOfGrant(tx, grantId, now);
  const refresh = await tx.refreshToken.updateMany({
    where: { grantId, revokedAt: null },
    data: { revokedAt: now },
  });
  const grant = await tx.grant.updateMany({
    where: { id: grantId, revokedAt: null },
    data: { revokedAt: now },
  });
  return { accessTokens, refreshTokens: refresh.count, grant: grant.count > 0 };
}
