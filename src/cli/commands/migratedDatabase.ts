// Opens the configured database for a one-off command, applying pending migrations first, and
// closes it afterwards. Progress goes to stderr so that stdout stays for the command's result.
import type { Config } from '../../config/config.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { migrate, readMigrations } from '../../store/migrate.ts';

export async function withMigratedDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    poolSize: 1,
    dataDir: config.DATA_DIR,
  });
  try {
    await database.withConnection(async (c) =>
      migrate(c, await readMigrations(), (message) => console.error(message)),
    );
    return await work(database);
  } finally {
    await database.close();
  }
}
