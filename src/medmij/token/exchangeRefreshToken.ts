// grant_type=refresh_token (or MGO's `refresh_code`): only under long-term consent. The token
// is rotated on every use; a used one presented again revokes the grant and all its tokens
// (RFC 9700 §4.14.2) before `invalid_grant` is answered.
import { checkRefreshToken } from './checkRefreshToken.ts';
import { InvalidGrant, InvalidRequest } from './errors.ts';
import { findRefreshToken, type StoredRefreshToken } from './findRefreshToken.ts';
import type { IssuedWithIds } from './issueTokens.ts';
import { revokeAfterReuse } from './reuseDetected.ts';
import { rotateRefreshToken } from './rotateRefreshToken.ts';
import { requireService } from './serviceCheck.ts';
import type { TokenContext } from './tokenContext.ts';
import type { TokenParameters } from './tokenParameters.ts';

export async function exchangeRefreshToken(
  context: TokenContext,
  parameters: TokenParameters,
): Promise<IssuedWithIds> {
  if (!parameters.refresh_token) throw new InvalidRequest('refresh_token is required');
  const token = await findRefreshToken(context.prisma, parameters.refresh_token);
  if (!token) throw new InvalidGrant('refresh token unknown', 'refresh_unknown');
  if (token.usedAt) await rejectReuse(context, token);

  checkRefreshToken(token, context.client.hostname, context.now);
  requireService(context.client, context.settings.serviceId);

  const issued = await rotateRefreshToken(context, token);
  if (!issued) {
    // Revoked in between (consent withdrawn): no reuse. Used in between: reuse.
    const current = await findRefreshToken(context.prisma, parameters.refresh_token);
    if (current?.usedAt) return rejectReuse(context, token);
    throw new InvalidGrant('refresh token revoked', 'refresh_revoked');
  }
  return issued;
}

async function rejectReuse(context: TokenContext, token: StoredRefreshToken): Promise<never> {
  await revokeAfterReuse(context, {
    kind: 'refresh_token',
    id: token.id,
    grantId: token.grant.id,
    citizenId: token.grant.citizenId,
  });
  throw new InvalidGrant('refresh token already used', 'refresh_reused');
}
