// A code or refresh token presented after it was used: RFC 6749 §4.1.2 (codes) and the OAuth
// security BCP (RFC 9700 §4.14, rotated refresh tokens) say deny it and revoke what it led to.
// This also catches the loser of two concurrent redemptions and an honest retry (MGO retries
// POSTs after timeouts): the retrying client never received the first answer's tokens, so
// revoking them costs it nothing it has, while a thief's copy dies.
import { endGrant, type Revoked } from '../../auth/grants/endGrant.ts';
import { auditToken } from './tokenAudit.ts';
import type { TokenContext } from './tokenContext.ts';

export interface Reuse {
  kind: 'authorization_code' | 'refresh_token';
  /** Row id of the code or refresh token. */
  id: string;
  grantId: string;
  citizenId: string;
}

export async function revokeAfterReuse(context: TokenContext, reuse: Reuse): Promise<Revoked> {
  return context.prisma.$transaction(async (tx) => {
    const revoked = await endGrant(tx, reuse.grantId, context.now);
    const code = reuse.kind === 'authorization_code';
    await auditToken(tx, context, {
      action: code ? 'authorization_code.reused' : 'refresh_token.reused',
      citizenId: reuse.citizenId,
      outcome: 'DENIED',
      disclosed: code
        ? { grantId: reuse.grantId, authorizationCodeId: reuse.id }
        : { grantId: reuse.grantId, refreshTokenId: reuse.id },
    });
    await auditToken(tx, context, {
      action: 'grant.tokens_revoked',
      citizenId: reuse.citizenId,
      outcome: 'SUCCESS',
      disclosed: { grantId: reuse.grantId, ...revoked },
    });
    return revoked;
  });
}
