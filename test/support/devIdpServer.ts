// A real Entpoort server (startServer) with the development identity provider mounted, for
// tests of staff authentication. The dev IdP's issuer is PUBLIC_BASE_URL + /dev/idp, so the
// port is chosen before the server starts. DATA_DIR is a fresh folder, where the dev IdP keeps
// its keys (and PGlite its files); PostgreSQL runs get a fresh database of their own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import type { StaffRole } from '../../src/auth/actor.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import {
  DEV_STAFF_CLIENT_SECRET,
  devIdpIssuer,
  devStaffClientId,
} from '../../src/dev/idp/staffClients.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { Services } from '../../src/server/services.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';
import { freePort } from './testServer.ts';

export interface DevIdpServer {
  config: Config;
  dataDir: string;
  services: Services;
  /** Stops the server and starts it again on the same port, DATA_DIR and database. */
  restart(): Promise<void>;
  /** Stops the server and removes its database and DATA_DIR. */
  close(): Promise<void>;
}

/** A fresh folder; the caller removes it. */
export function temporaryDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'entpoort-dev-idp-'));
}

export async function startDevIdpServer(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<DevIdpServer> {
  const database: TestDatabase | undefined =
    kind === 'postgresql' ? await createTestDatabase('postgresql') : undefined;
  const dataDir = await temporaryDataDir();
  const config = loadConfig({
    ENTPOORT_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'false',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const start = () => startServer(config, { logger: createLogger(config.LOG_LEVEL) });
  let server: RunningServer | undefined = await start();
  return {
    config,
    dataDir,
    get services() {
      if (!server) throw new Error('the server is not running');
      return server.services;
    },
    async restart() {
      await server?.close();
      server = undefined;
      server = await start();
    },
    async close() {
      await server?.close();
      server = undefined;
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A staff access token for `role`, got as `entpoort staff-token` gets one. */
export async function devStaffToken(config: Config, role: StaffRole): Promise<string> {
  const server = await oidc.discovery(
    new URL(devIdpIssuer(config)),
    devStaffClientId(role),
    undefined,
    oidc.ClientSecretBasic(DEV_STAFF_CLIENT_SECRET),
    { execute: [oidc.allowInsecureRequests] },
  );
  return (await oidc.clientCredentialsGrant(server)).access_token;
}

export { freePort };
