// `entpoort staff-token`, run as a real process against a real server: it prints only a token,
// which the staff authenticator accepts with the asked role, and it says plainly when the role
// is unknown or no server answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// main.ts first: it is the CLI's entry point, and the command table imports back from it.
import '../src/cli/main.ts';
import { commands } from '../src/cli/commands/index.ts';
import { createStaffAuthenticator } from '../src/auth/staffTokens.ts';
import type { Config } from '../src/config/config.ts';
import { entpoort } from './support/cli.ts';
import { databaseKinds } from './support/databases.ts';
import { freePort, startDevIdpServer, type DevIdpServer } from './support/devIdpServer.ts';

/** `entpoort` run as a user runs it, against the development server on `port`. */
const staffToken = (args: string[], port: number) =>
  entpoort(args, {
    ENTPOORT_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: 'memory://',
  });

describe.each(databaseKinds)('entpoort staff-token (%s)', (kind) => {
  let config: Config;
  let server: DevIdpServer;

  beforeAll(async () => {
    server = await startDevIdpServer(kind);
    config = server.config;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('prints just a token that the authenticator accepts with the asked role', async () => {
    const run = await staffToken(['staff-token', '--role', 'registrar'], config.PORT);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const actor = await createStaffAuthenticator(config).authenticate(
      `Bearer ${run.stdout.trim()}`,
    );
    expect(actor).toEqual({ kind: 'STAFF', id: 'dev-registrar', roles: new Set(['registrar']) });
  });

  it('refuses an unknown or missing role with a usage error naming the roles', async () => {
    const unknown = await staffToken(['staff-token', '--role', 'admin'], config.PORT);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/unknown role "admin".*viewer, registrar, auditor/);
    const missing = await staffToken(['staff-token'], config.PORT);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/--role is required/);
  });

  it('says that no server answers when none runs at PUBLIC_BASE_URL', async () => {
    const nobody = await freePort();
    const run = await staffToken(['staff-token', '--role', 'viewer'], nobody);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain(`cannot reach the development identity provider`);
    expect(run.stderr).toMatch(/entpoort serve.*ECONNREFUSED/);
  });

  it('is a development-only command', () => {
    expect(commands['staff-token']?.devOnly).toBe(true);
  });
});
