// Starts Entpoort: configuration, database (migrated, and seeded when embedded and empty),
// the HTTP server, and a graceful shutdown on SIGTERM/SIGINT.
import type { FastifyInstance } from 'fastify';
import { createAuditTrail } from '../audit/auditTrail.ts';
import { createStaffAuthenticator } from '../auth/staffTokens.ts';
import type { Config } from '../config/config.ts';
import { seedDemoDataIfEmpty } from '../dev/demo/seed.ts';
import { createListCache } from '../medmij/lists/listCache.ts';
import { listReadinessCheck } from '../medmij/lists/listReadiness.ts';
import { listenBackChannel, type BackChannelListener } from '../medmij/tls/backChannelListener.ts';
import { mainHttpsOptions, wantsBackChannelListener } from '../medmij/tls/httpsOptions.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { openDatabase } from '../store/database.ts';
import { migrate, readMigrations } from '../store/migrate.ts';
import { buildApp } from './app.ts';
import type { Services } from './services.ts';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  /** The base URL the server listens on (not PUBLIC_BASE_URL, which may be a proxy's). */
  url: string;
  /** The back channel's own mutual-TLS listener, when TLS_BACK_CHANNEL=port and TLS is on. */
  backChannel: BackChannelListener | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Called with the assembled app before it listens (tests add routes here). */
  configure?: (app: FastifyInstance, services: Services) => void | Promise<void>;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    dataDir: config.DATA_DIR,
  });
  try {
    await database.withConnection(async (c) =>
      migrate(c, await readMigrations(), (message) => log.info({ event: 'migration' }, message)),
    );
    if (config.seedDemoData) {
      const seeded = await seedDemoDataIfEmpty(database.prisma);
      if (seeded) log.info({ event: 'demo_data.seeded', citizens: seeded.citizens });
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const medmijLists = createListCache({
    prisma: database.prisma,
    ...config.medmijLists,
    logger: log,
  });
  await medmijLists.start();
  const services: Services = {
    config,
    database,
    audit: createAuditTrail(database, config.AUDIT_CHAINS),
    metrics: createMetrics(),
    readiness: { checks: [listReadinessCheck(medmijLists)], shuttingDown: false },
    logger: log,
    staffAuthenticator: createStaffAuthenticator(config),
    medmijLists,
  };
  const app = await buildApp(services);
  await options.configure?.(app, services);
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const scheme = mainHttpsOptions(config.medmijTls) ? 'https' : 'http';
  const url = `${scheme}://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  const backChannel = wantsBackChannelListener(config.medmijTls)
    ? await listenBackChannel(app, config.medmijTls, config.HOST)
    : undefined;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      services.readiness.shuttingDown = true;
      // Fastify stops accepting connections, answers 503 to new requests on open ones and
      // waits for in-flight requests; the database goes last.
      await backChannel?.close();
      await app.close();
      await medmijLists.stop();
      await database.close();
    })();
    return closing;
  };
  return { app, services, url, backChannel, close };
}

/** Closes on SIGTERM/SIGINT, giving in-flight requests `graceMs` before forcing an exit. */
export function closeOnSignals(server: RunningServer, graceMs: number, log: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ event: 'shutdown.started', signal });
    const force = setTimeout(() => {
      log.error({ event: 'shutdown.forced', graceMs });
      process.exit(1);
    }, graceMs);
    force.unref();
    server.close().then(
      () => {
        log.info({ event: 'shutdown.completed' });
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ event: 'shutdown.failed', err: error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
