// Redeems an authorization code, all or nothing: marks it used, issues the tokens and writes
// the audit entry in one transaction. The first redemption wins atomically: the conditional
// UPDATE (`used_at IS NULL`) makes a concurrent second one wait for the row and then match
// nothing, after the winner's tokens are committed, so its revocation catches them.
import { issueTokens, type IssuedWithIds } from './issueTokens.ts';
import type { StoredCode } from './findCode.ts';
import { auditToken } from './tokenAudit.ts';
import type { TokenContext } from './tokenContext.ts';

/** Undefined: someone else redeemed the code first. */
export async function redeemCode(
  context: TokenContext,
  code: StoredCode,
): Promise<IssuedWithIds | undefined> {
  return context.prisma.$transaction(async (tx) => {
    const { count } = await tx.authorizationCode.updateMany({
      where: { id: code.id, usedAt: null },
      data: { usedAt: context.now },
    });
    if (count === 0) return undefined;

    const issued = await issueTokens(tx, context, code.grant, code.scope);
    await auditToken(tx, context, {
      action: 'token.issued',
      citizenId: code.grant.citizenId,
      outcome: 'SUCCESS',
      disclosed: {
        grantId: code.grant.id,
        authorizationCodeId: code.id,
        accessTokenId: issued.accessTokenId,
        refreshTokenId: issued.refreshTokenId ?? null,
        longTerm: code.grant.longTerm,
        scope: code.scope,
      },
    });
    return issued;
  });
}
