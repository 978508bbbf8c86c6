// What the front channel's routes share: the store, the OCL, the DigiD client, settings and
// the loggers, built once in plugin.ts.
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AuditTrail } from '../../audit/auditTrail.ts';
import type { MedmijAuthorizeSettings } from '../../config/config.ts';
import type { PrismaClient } from '../../store/generated/client.ts';
import { createChainLog, type ChainLog } from '../chainLog.ts';
import type { GrantSettings } from '../../auth/grants/createGrant.ts';
import type { SessionSettings } from '../login/browserSession.ts';
import type { DigidClient } from '../login/digidClient.ts';
import type { ClientDirectory } from './clientDirectory.ts';

export interface FrontChannel {
  prisma: PrismaClient;
  audit: AuditTrail;
  clients: ClientDirectory;
  digid: DigidClient;
  settings: MedmijAuthorizeSettings;
  sessions: SessionSettings;
  grants: GrantSettings;
  /** Our public origin (the chain log's server_id). */
  publicBaseUrl: string;
  /** Our callback at the DigiD broker, exactly as registered there. */
  digidRedirectUri: string;
  logger: Logger;
  now(): Date;
}

/** The request's logger for our own events: the app's logger with the request id bound. */
export function eventLog(front: FrontChannel, request: FastifyRequest): Logger {
  return front.logger.child({ requestId: request.id });
}

export function chainLogFor(front: FrontChannel, request: FastifyRequest): ChainLog {
  return createChainLog(eventLog(front, request), new URL(front.publicBaseUrl).host, front.now);
}
