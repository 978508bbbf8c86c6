// `entpoort seed`: fills the configured database with the demo citizens, if it has no citizens.
import { parseArgs } from 'node:util';
import { seedDemoDataIfEmpty } from '../../dev/demo/seed.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';
import { withMigratedDatabase } from './migratedDatabase.ts';

export const seedCommand: Command = {
  summary: 'fill an empty database with the demo citizens',
  devOnly: true,
  async run(args, config) {
    parseOrThrow(args);
    const seeded = await withMigratedDatabase(config, (db) => seedDemoDataIfEmpty(db.prisma));
    console.log(
      seeded
        ? `seeded ${seeded.citizens} demo citizens (list them with: entpoort demo-citizens)`
        : 'the database already holds citizens; nothing seeded',
    );
    return 0;
  },
};

function parseOrThrow(args: string[]): void {
  try {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
