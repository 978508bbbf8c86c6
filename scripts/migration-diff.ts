// Prints the SQL that brings a database migrated with prisma/migrations up to
// prisma/schema.prisma. It runs Prisma's schema engine compiled to WebAssembly against a
// throw-away PGlite database, so it needs neither the native engine nor a network.
//
//   node scripts/migration-diff.ts > prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql
import { readFile } from 'node:fs/promises';
import { openDatabase } from '../src/store/database.ts';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { schemaDiff } from '../src/store/schemaDiff.ts';

const schema = await readFile(new URL('../prisma/schema.prisma', import.meta.url), 'utf8');
const database = await openDatabase({ dataDir: 'memory://' });
try {
  await database.withConnection(async (c) => migrate(c, await readMigrations()));
  const sql = await schemaDiff(schema, database.adapterFactory);
  process.stdout.write(sql ?? '-- the migrations already match prisma/schema.prisma\n');
} finally {
  await database.close();
}
