// grant_type=authorization_code: the code is known, unused, issued to this client, presented
// with the same redirect_uri and unexpired (step 4), the client offers our service (step 5);
// then it is redeemed. A used code revokes what it led to before `invalid_grant` is answered.
import { checkCode } from './checkCode.ts';
import { InvalidGrant, InvalidRequest } from './errors.ts';
import { findCode, type StoredCode } from './findCode.ts';
import type { IssuedWithIds } from './issueTokens.ts';
import { redeemCode } from './redeemCode.ts';
import { revokeAfterReuse } from './reuseDetected.ts';
import { requireService } from './serviceCheck.ts';
import type { TokenContext } from './tokenContext.ts';
import type { TokenParameters } from './tokenParameters.ts';

export async function exchangeCode(
  context: TokenContext,
  parameters: TokenParameters,
): Promise<IssuedWithIds> {
  if (!parameters.code) throw new InvalidRequest('code is required');
  const code = await findCode(context.prisma, parameters.code);
  if (!code) throw new InvalidGrant('authorization code unknown', 'code_unknown');
  if (code.usedAt) await rejectReuse(context, code);

  checkCode(code, context.client.hostname, parameters.redirect_uri, context.now);
  requireService(context.client, context.settings.serviceId);

  const issued = await redeemCode(context, code);
  // Lost the race to a concurrent redemption: that, too, is a second presentation.
  if (!issued) return rejectReuse(context, code);
  return issued;
}

async function rejectReuse(context: TokenContext, code: StoredCode): Promise<never> {
  await revokeAfterReuse(context, {
    kind: 'authorization_code',
    id: code.id,
    grantId: code.grant.id,
    citizenId: code.grant.citizenId,
  });
  throw new InvalidGrant('authorization code already used', 'code_reused');
}
