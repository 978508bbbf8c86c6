// A real Entpoort HTTP server for GraphQL tests: buildApp over a fresh test database, the
// staff stub for authentication, a statement-counting Prisma client and captured logs.
import { Writable } from 'node:stream';
import { PrismaPg } from '@prisma/adapter-pg';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { createAuditTrail } from '../../src/audit/auditTrail.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createListCache } from '../../src/medmij/lists/listCache.ts';
import { graphQLCoreFor, type GraphQLCore } from '../../src/graphql/core.ts';
import { loggerOptions } from '../../src/observability/logger.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Services } from '../../src/server/services.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';
import { countingPrisma, type StatementLog } from './countingPrisma.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';
import { staffStub } from './staffStub.ts';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
  };
}

export interface GraphQLServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  prisma: PrismaClient;
  core: GraphQLCore;
  sql: StatementLog;
  rawLogs(): string;
  post(
    query: string,
    options?: { variables?: Record<string, unknown>; token?: string | null; headers?: object },
  ): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

async function openCountingPrisma(t: TestDatabase) {
  if (!t.url) return { ...(await countingPrisma(t.database.adapterFactory)), end: async () => {} };
  // A pool of its own that shrugs off the backends DROP DATABASE ... WITH (FORCE) ends while
  // pg is still closing them (pg-pool's end() does not wait for the sockets to close).
  const pool = new pg.Pool({ connectionString: t.url, max: 5 });
  pool.on('error', () => {});
  return { ...(await countingPrisma(new PrismaPg(pool))), end: () => pool.end() };
}

export async function startGraphQLServer(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<GraphQLServer> {
  const t = await createTestDatabase(kind);
  const { prisma, reader, log: sql, end } = await openCountingPrisma(t);
  const config = {
    ...loadConfig({ ENTPOORT_ENV: 'test', LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false', ...env }),
    devIdp: false,
  };
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions(config.LOG_LEVEL), sink);
  const services: Services = {
    config,
    database: { ...t.database, prisma, reader },
    audit: createAuditTrail(t.database, config.AUDIT_CHAINS),
    metrics: createMetrics(),
    readiness: { checks: [], shuttingDown: false },
    logger,
    staffAuthenticator: staffStub,
    // Never started: GraphQL tests fetch no lists.
    medmijLists: createListCache({ prisma, ...config.medmijLists, logger }),
  };
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    app,
    services,
    prisma,
    core: graphQLCoreFor(services),
    sql,
    rawLogs: () => lines.join(''),
    async post(query, { variables, token = 'test-viewer', headers = {} } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse['body'];
      return { status: response.status, headers: response.headers, body };
    },
    async close() {
      await app.close();
      await prisma.$disconnect();
      await end();
      await t.drop();
    },
  };
}
