// The table of commands `entpoort` knows.
import type { Config } from '../../config/config.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';

export interface Command {
  summary: string;
  devOnly?: boolean;
  run(args: string[], config: Config): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
};
