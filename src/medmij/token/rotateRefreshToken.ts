// Rotates a refresh token, all or nothing: marks the presented one used, issues a new access
// token and a new refresh token (renewing the grant to six months from now) and writes the
// audit entry in one transaction. As with codes, the conditional UPDATE lets exactly one of
// two concurrent uses win.
import { issueTokens, type IssuedWithIds } from './issueTokens.ts';
import type { StoredRefreshToken } from './findRefreshToken.ts';
import { auditToken } from './tokenAudit.ts';
import type { TokenContext } from './tokenContext.ts';

/** Undefined: the token was used (or revoked) concurrently. */
export async function rotateRefreshToken(
  context: TokenContext,
  token: StoredRefreshToken,
): Promise<IssuedWithIds | undefined> {
  return context.prisma.$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({
      where: { id: token.id, usedAt: null, revokedAt: null },
      data: { usedAt: context.now },
    });
    if (count === 0) return undefined;

    const issued = await issueTokens(tx, context, token.grant, token.grant.scope);
    await auditToken(tx, context, {
      action: 'token.refreshed',
      citizenId: token.grant.citizenId,
      outcome: 'SUCCESS',
      disclosed: {
        grantId: token.grant.id,
        previousRefreshTokenId: token.id,
        accessTokenId: issued.accessTokenId,
        refreshTokenId: issued.refreshTokenId ?? null,
        scope: token.grant.scope,
      },
    });
    return issued;
  });
}
