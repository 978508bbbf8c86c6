// `entpoort serve`: runs the server until SIGTERM or SIGINT, and tells a newcomer where it is.
import { closeOnSignals, startServer } from '../../server/start.ts';
import { createLogger } from '../../observability/logger.ts';
import type { Command } from './index.ts';

export const serveCommand: Command = {
  summary: 'run the HTTP server (GraphQL, FHIR, OAuth) on HOST:PORT',
  async run(_args, config) {
    const log = createLogger(config.LOG_LEVEL);
    const server = await startServer(config, { logger: log });
    closeOnSignals(server, config.SHUTDOWN_GRACE_MS, log);
    const base = config.publicBaseUrl;
    const lines = [
      `Entpoort is running on ${server.url} (${server.services.database.kind} database)`,
      `  GraphQL      ${base}/graphql`,
      `  FHIR         ${config.fhir.base2.publicUrl} (2.0)  ${config.fhir.base1.publicUrl} (1.0)`,
      `  MedMij       ${base}/oauth/authorize  ${base}/oauth/token  ${base}/oauth/consents`,
      `  health       ${base}/healthz  ${base}/readyz  metrics ${base}/metrics`,
    ];
    if (config.devIdp) {
      lines.push(
        `  dev IdP      ${base}/dev/idp  (development only)`,
        '  staff token  npx entpoort staff-token --role viewer   (or registrar, auditor)',
        '  demo people  npx entpoort demo-citizens',
        '  PGO token    npx entpoort dev-token --bsn <a BSN from demo-citizens>',
      );
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    return new Promise<number>(() => {});
  },
};
