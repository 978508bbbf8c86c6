// A real Entpoort HTTP server on a free port, over a fresh test database of the given kind.
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { loggerOptions } from '../../src/observability/logger.ts';
import type { Services } from '../../src/server/services.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export interface TestServer extends RunningServer {
  config: Config;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Every log line as written, for searching for things that must never be logged. */
  rawLogs(): string;
  stop(): Promise<void>;
}

export async function startTestServer(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  configure?: (app: FastifyInstance, services: Services) => void | Promise<void>,
): Promise<TestServer> {
  let database: TestDatabase | undefined;
  if (kind === 'postgresql') database = await createTestDatabase('postgresql');
  // A known port up front, so PUBLIC_BASE_URL (issuer URLs, FHIR links) is right from the start.
  const port = await freePort();
  const config = loadConfig({
    ENTPOORT_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATA_DIR: 'memory://',
    SEED_DEMO_DATA: 'false',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino(loggerOptions(config.LOG_LEVEL), sink);
  const server = await startServer(config, { logger, configure });
  const logs: Record<string, unknown>[] = [];
  return {
    ...server,
    config,
    get logs() {
      logs.splice(0, logs.length, ...lines.map((l) => JSON.parse(l) as Record<string, unknown>));
      return logs;
    },
    rawLogs: () => lines.join('\n'),
    async stop() {
      await server.close();
      await database?.drop();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
