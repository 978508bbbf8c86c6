import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { schemaCheckAdapter, schemaDiff } from '../src/store/schemaDiff.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

const schema = await readFile(new URL('../prisma/schema.prisma', import.meta.url), 'utf8');

async function diff(t: TestDatabase): Promise<string | null> {
  if (!t.url) return schemaDiff(schema, t.database.adapterFactory);
  const check = schemaCheckAdapter(t.url);
  try {
    return await schemaDiff(schema, check.adapter);
  } finally {
    await check.close();
  }
}

describe.each(databaseKinds)('migrations on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrated: false });
  });
  afterAll(async () => t?.drop());

  it('produce exactly the database that schema.prisma describes', async () => {
    const report = await t.database.withConnection(async (c) => migrate(c, await readMigrations()));
    expect(report.applied.length).toBeGreaterThan(0);
    // Prisma's schema engine compares tables, columns, types, nullability, defaults, indexes,
    // unique constraints, foreign keys and enums; no difference means no SQL to run.
    expect(await diff(t)).toBeNull();
  });

  it('detect a database that drifted from the schema', async () => {
    await t.database.withConnection((c) =>
      c.exec('ALTER TABLE citizen ALTER COLUMN initials SET NOT NULL'),
    );
    const drift = await diff(t);
    expect(drift).toMatch(/ALTER TABLE "citizen" ALTER COLUMN "initials" DROP NOT NULL/);
    await t.database.withConnection((c) =>
      c.exec('ALTER TABLE citizen ALTER COLUMN initials DROP NOT NULL'),
    );
  });

  it('record each migration once in _prisma_migrations, as Prisma Migrate does', async () => {
    const again = await t.database.withConnection(async (c) => migrate(c, await readMigrations()));
    expect(again.applied).toEqual([]);
    const rows = await t.database.withConnection((c) =>
      c.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations',
      ),
    );
    const migrations = await readMigrations();
    expect(rows.map((r) => r.migration_name).sort()).toEqual(migrations.map((m) => m.name));
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toBe(migrations.find((m) => m.name === row.migration_name)?.checksum);
    }
  });

  it('roll a failing migration back completely', async () => {
    const broken = [
      ...(await readMigrations()),
      {
        name: '29990101000000_broken',
        checksum: 'x',
        sql: 'CREATE TABLE half (id int); SELECT 1/0;',
      },
    ];
    await expect(t.database.withConnection((c) => migrate(c, broken))).rejects.toThrow(
      /29990101000000_broken failed and was rolled back/,
    );
    const tables = await t.database.withConnection((c) =>
      c.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'"),
    );
    expect(tables).toEqual([]);
  });
});
