// The table of commands `entpoort` knows.
import type { Config } from '../../config/config.ts';
import { demoCitizensCommand } from './demoCitizens.ts';
import { devTokenCommand } from './devToken.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { staffTokenCommand } from './staffToken.ts';

export interface Command {
  summary: string;
  devOnly?: boolean;
  run(args: string[], config: Config): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  seed: seedCommand,
  'demo-citizens': demoCitizensCommand,
  'dev-token': devTokenCommand,
  'staff-token': staffTokenCommand,
};
