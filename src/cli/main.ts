// `entpoort <command>`: the operator's and developer's entry point. Development-only commands
// refuse to run in production.
import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { commands, type Command } from './commands/index.ts';
import { UsageError } from './usageError.ts';

const usage = `Usage: entpoort <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)}${c.summary}${c.devOnly ? ' (not in production)' : ''}`)
  .join('\n')}

Configuration comes from the environment; see README.md.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command: Command | undefined = commands[name];
  if (!command) {
    console.error(`entpoort: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  // Checked before the configuration, so the refusal is the first thing a user sees.
  if (command.devOnly && process.env.ENTPOORT_ENV === 'production') {
    console.error(`entpoort: "${name}" is a development command and refuses to run in production`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`entpoort: ${error.message}`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  try {
    return await command.run(rest, config);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`entpoort ${name}: ${error.message}`);
      return 2;
    }
    console.error(`entpoort ${name}: ${(error as Error).message}`);
    return 1;
  }
}
