// What every resolver receives: the caller, the per-request DataLoaders, the audit trail and
// what the request has disclosed so far, and the ids that tie log lines and audit entries to
// the request.
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.ts';
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { PrismaClient } from '../store/generated/client.ts';
import type { Disclosures } from './disclosures.ts';
import type { Loaders } from './loaders.ts';

export interface GraphQLContext {
  prisma: PrismaClient;
  /** Null when the request carried no valid credentials; the core then refuses. */
  actor: Actor | null;
  loaders: Loaders;
  audit: AuditTrail;
  /** How many audit chains there are, for changes that append inside their transaction. */
  auditChains: number;
  /** Reads of citizens' data so far, written to the audit trail before the response. */
  disclosures: Disclosures;
  requestId: string;
  correlationId: string | undefined;
  /** The operation's name, recorded with the audit entries. */
  operationName?: string | undefined;
  log: Logger;
  /** The instant the request is judged at (age rules, token expiry). */
  now: Date;
}
