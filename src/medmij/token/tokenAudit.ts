// The token side's entries in the access log (NEN 7513). Documented action names:
//   token.issued               a code was exchanged for tokens
//   token.refreshed            a refresh token was rotated for new tokens
//   authorization_code.reused  a used code came back (RFC 6749 §4.1.2)
//   refresh_token.reused       a rotated refresh token came back
//   grant.tokens_revoked       what such a reuse revoked
// Entries name row ids and counts, never a token, a code or a BSN.
import { randomInt } from 'node:crypto';
import { appendIn, type AuditRecord } from '../../audit/auditTrail.ts';
import type { TokenContext, Transaction } from './tokenContext.ts';

export type TokenAuditAction =
  | 'token.issued'
  | 'token.refreshed'
  | 'authorization_code.reused'
  | 'refresh_token.reused'
  | 'grant.tokens_revoked';

export async function auditToken(
  tx: Transaction,
  context: TokenContext,
  entry: {
    action: TokenAuditAction;
    citizenId: string;
    outcome: AuditRecord['outcome'];
    disclosed: Record<string, unknown>;
  },
): Promise<void> {
  await appendIn(
    tx,
    {
      actor: { kind: 'PGO', id: context.client.hostname },
      citizenId: entry.citizenId,
      action: entry.action,
      disclosed: entry.disclosed,
      outcome: entry.outcome,
      requestId: context.ids.requestId,
      correlationId: context.ids.correlationId,
    },
    randomInt(context.settings.auditChains),
  );
}
