// Issues the tokens of one successful grant, inside the caller's transaction: an access token
// (src/auth/pgoTokens.ts) and, under long-term consent only, a refresh token. Refresh tokens
// are opaque (256 random bits), stored as SHA-256 only, and live `refreshMonths` from this use;
// the long-term grant is renewed to the same date ("six months from last use").
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken } from '../../auth/pgoTokens.ts';
import { hashOpaqueToken, newOpaqueToken } from '../../auth/opaqueTokens.ts';
import { addMonths } from '../../auth/grants/months.ts';
import type { IssuedTokens, TokenContext, Transaction } from './tokenContext.ts';

export interface GrantForIssue {
  id: string;
  citizenId: string;
  /** PgoClient.id */
  clientId: string;
  longTerm: boolean;
}

export interface IssuedWithIds extends IssuedTokens {
  accessTokenId: string;
  refreshTokenId?: string;
}

export async function issueTokens(
  tx: Transaction,
  context: TokenContext,
  grant: GrantForIssue,
  scope: string,
): Promise<IssuedWithIds> {
  const { now } = context;
  const access = await issueAccessToken(tx, {
    citizenId: grant.citizenId,
    clientId: grant.clientId,
    scope,
    grantId: grant.id,
    now,
  });
  const issued: IssuedWithIds = {
    accessToken: access.token,
    accessTokenId: access.id,
    expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS,
    scope,
    grantId: grant.id,
    citizenId: grant.citizenId,
  };
  if (!grant.longTerm) return issued;

  const expiresAt = addMonths(now, context.settings.refreshMonths);
  const refreshToken = newOpaqueToken();
  const row = await tx.refreshToken.create({
    data: {
      tokenHash: hashOpaqueToken(refreshToken),
      grantId: grant.id,
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  await tx.grant.update({ where: { id: grant.id }, data: { expiresAt } });
  return { ...issued, refreshToken, refreshTokenId: row.id };
}
