// Applies the SQL migrations in prisma/migrations, keeping Prisma Migrate's bookkeeping table
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
//
// - One transaction per migration: a failing migration leaves no trace but its error.
// - Prisma's advisory lock key, held for the whole run: replicas starting together, or our
//   runner and `prisma migrate deploy`, apply each migration once.
// - A migration that Prisma recorded as failed stops the run, as it stops Prisma.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlConnection } from './sqlConnection.ts';

/** The key Prisma Migrate locks with (pg_advisory_lock), shared on purpose. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export const defaultMigrationsDir = fileURLToPath(
  new URL('../../prisma/migrations', import.meta.url),
);

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      // Prisma's checksum: SHA-256 of the file's bytes, hex.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const createBookkeeping = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrate(
  connection: SqlConnection,
  migrations: Migration[],
  onProgress: (message: string) => void = () => {},
): Promise<MigrationReport> {
  await connection.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  try {
    await connection.exec(createBookkeeping);
    const rows = await connection.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and was not resolved; ` +
          'repair the database, then mark it with `prisma migrate resolve`',
      );
    }
    const done = new Map(
      rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          onProgress(`warning: ${migration.name} was changed after it was applied`);
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      onProgress(`applying ${migration.name}`);
      await applyOne(connection, migration);
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(connection: SqlConnection, migration: Migration): Promise<void> {
  await connection.exec('BEGIN');
  try {
    await connection.exec(migration.sql);
    await connection.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK');
    throw new MigrationError(`migration ${migration.name} failed and was rolled back`, {
      cause: error,
    });
  }
}
