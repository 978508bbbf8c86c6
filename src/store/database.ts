// Chooses and opens the database: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is
// set, otherwise an embedded PGlite database persisted in DATA_DIR, which one process at a time
// may open (embeddedLock.ts). Both get the same Prisma client and the same SQL migrations.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { lockEmbeddedDatabase, type EmbeddedLock } from './embeddedLock.ts';
import { rawReader, type RawReader } from './rawReader.ts';
import { statementNames } from './statementNames.ts';
import type { SqlConnection } from './sqlConnection.ts';

export interface Database {
  kind: 'postgresql' | 'pglite';
  prisma: PrismaClient;
  /** Prisma's driver adapter beneath the client, for the statements every request runs. */
  reader: RawReader;
  /** The adapter factory, for Prisma's schema engine (migration checks). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** A dedicated connection for work that needs one session (migrations, COPY, advisory locks). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** A cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** Folder of the embedded database; `memory://` for a throw-away one. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data');
}

/**
 * `minimal` errors: otherwise Prisma captures a stack trace on every query, to quote our source
 * in its messages, a cost on every FHIR request for a code frame no log needs (errors are logged
 * with their message and stack, src/graphql/errors.ts).
 */
const clientOptions = { errorFormat: 'minimal' } as const;

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that breaks (server restart, failover) emits 'error' on the pool; without
  // a listener that would end the process. The pool replaces the connection, and the next query
  // reports any lasting problem to its caller.
  pool.on('error', () => {});
  const adapterFactory = new PrismaPg(pool, { statementNameGenerator: statementNames() });
  const prisma = new PrismaClient({ adapter: adapterFactory, ...clientOptions });
  // Over the same pool, with the same statement names: a second adapter, not a second driver.
  const adapter = await adapterFactory.connect();
  return {
    kind: 'postgresql',
    prisma,
    reader: rawReader(adapter),
    adapterFactory,
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (text) => void (await client.query(text)),
          raw: client,
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await prisma.$disconnect();
      await adapter.dispose();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  let location = dataDir;
  let lock: EmbeddedLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
    lock = await lockEmbeddedDatabase(resolve(dataDir));
  }
  let db: PGlite;
  try {
    db = await PGlite.create(location);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const adapterFactory = new PrismaPGlite(db);
  const prisma = new PrismaClient({ adapter: adapterFactory, ...clientOptions });
  const adapter = await adapterFactory.connect();
  return {
    kind: 'pglite',
    prisma,
    reader: rawReader(adapter),
    adapterFactory,
    // PGlite is a single connection; its own queue keeps callers from interleaving statements.
    async withConnection(work) {
      return work({
        query: async (text, params) => (await db.query(text, params)).rows as never,
        exec: async (text) => void (await db.exec(text)),
        raw: db,
      });
    },
    async ping() {
      await db.query('SELECT 1');
    },
    async close() {
      await prisma.$disconnect();
      await adapter.dispose();
      await db.close();
      await lock?.release();
    },
  };
}
