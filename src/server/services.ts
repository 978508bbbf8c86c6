// The long-lived parts every face shares, built once at start and handed to each plugin.
import type { Logger } from 'pino';
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { StaffAuthenticator } from '../auth/staffAuthenticator.ts';
import type { Config } from '../config/config.ts';
import type { ListCache } from '../medmij/lists/listCache.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Database } from '../store/database.ts';
import type { Readiness } from './health.ts';

export interface Services {
  config: Config;
  database: Database;
  audit: AuditTrail;
  metrics: Metrics;
  readiness: Readiness;
  logger: Logger;
  staffAuthenticator: StaffAuthenticator;
  /** The MedMij lists (OCL, Whitelist, ZAL, GNL), refreshed on a schedule. */
  medmijLists: ListCache;
}
