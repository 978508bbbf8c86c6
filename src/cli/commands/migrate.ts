// `entpoort migrate`: applies pending migrations and says what it did.
import { openDatabase } from '../../store/database.ts';
import { migrate, readMigrations } from '../../store/migrate.ts';
import type { Command } from './index.ts';

export const migrateCommand: Command = {
  summary: 'apply pending database migrations',
  async run(_args, config) {
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      poolSize: 1,
      dataDir: config.DATA_DIR,
    });
    try {
      const report = await database.withConnection(async (c) =>
        migrate(c, await readMigrations(), (message) => console.log(message)),
      );
      console.log(
        `${report.applied.length} applied, ${report.alreadyApplied.length} already applied`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
