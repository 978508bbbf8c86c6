// Fresh, migrated databases for tests: an in-memory PGlite always, and a PostgreSQL database
// of its own (created from TEST_DATABASE_URL's server, dropped afterwards) when that is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate, readMigrations } from '../../src/store/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgresql']
  : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** Connection string of the PostgreSQL test database; undefined for PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const { database, url, dropDatabase } =
    kind === 'pglite' ? await pglite() : await freshPostgres();
  if (options.migrated !== false) {
    await database.withConnection(async (c) => migrate(c, await readMigrations()));
  }
  return {
    database,
    url,
    async drop() {
      await database.close();
      await dropDatabase();
    },
  };
}

async function pglite() {
  const database = await openDatabase({ dataDir: 'memory://' });
  return { database, url: undefined, dropDatabase: async () => {} };
}

async function freshPostgres() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `entpoort_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    database,
    url,
    dropDatabase: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
