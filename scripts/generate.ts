// Generates the Prisma client (src/store/generated) and the typed GraphQL resolvers
// (src/graphql/generated). Runs on `npm install`, with no network: the Prisma CLI insists on a
// schema-engine binary even though generation never runs it, so any executable will do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

function run(bin: string, args: string[]): void {
  execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit', env });
}

run('node_modules/prisma/build/index.js', ['generate']);
if (existsSync('codegen.yml')) {
  run('node_modules/@graphql-codegen/cli/esm/bin.js', ['--config', 'codegen.yml']);
}
