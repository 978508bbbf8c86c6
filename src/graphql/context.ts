// What every resolver receives: the caller, the per-request DataLoaders, the audit trail and
// the ids that tie log lines and audit entries to the request.
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.ts';
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { PrismaClient } from '../store/generated/client.ts';
import type { Loaders } from './loaders.ts';

export interface GraphQLContext {
  prisma: PrismaClient;
  /** Null when the request carried no valid credentials; resolvers then refuse. */
  actor: Actor | null;
  loaders: Loaders;
  audit: AuditTrail;
  requestId: string;
  correlationId: string | undefined;
  log: Logger;
  /** The instant the request is judged at (age rules, token expiry). */
  now: Date;
}
