// The newcomer's path on the embedded database, with real processes: `entpoort serve` in one
// terminal, `entpoort dev-token` in another, then curl. The server holds the PGlite folder, so
// dev-token asks it for the token; a command that would open the folder itself (seed) is refused
// and names the holder; once the server stops, dev-token opens the folder again.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens } from '../src/dev/demo/expand.ts';
import { isDisclosable } from '../src/rules/disclosure.ts';
import { openDatabase } from '../src/store/database.ts';
import { entpoort, entpoortServe, type ServeProcess } from './support/cli.ts';
import { freePort } from './support/testServer.ts';

const includes =
  '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location';
const citizen = demoCitizens().find((c) => c.age >= 16 && c.bsn)!;

describe('entpoort dev-token beside a running server on the embedded database', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  let server: ServeProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'entpoort-newcomer-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { DATA_DIR: dataDir, PORT: String(port), ENTPOORT_ENV: 'development' };
    server = await entpoortServe(env, base);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const search = (token: string) =>
    fetch(`${base}/fhir/Immunization?${includes}`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/fhir+json',
        'medmij-request-id': randomUUID(),
        'x-correlation-id': randomUUID(),
      },
    });

  it('gets a token from the server that FHIR accepts for that citizen', async () => {
    const run = await entpoort(['dev-token', '--bsn', citizen.bsn], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(run.stderr).toMatch(/access token for PGO medmij\.pgo\.example, scope rivm/);

    const answer = await search(run.stdout.trim());
    expect(answer.status).toBe(200);
    const bundle = (await answer.json()) as {
      total: number;
      entry?: { search: { mode: string }; resource: { resourceType: string } }[];
    };
    expect(bundle.total).toBeGreaterThan(0);
    const matches = (bundle.entry ?? []).filter((e) => e.search.mode === 'match');
    expect(matches).toHaveLength(bundle.total);
    expect(JSON.stringify(bundle)).not.toContain(citizen.bsn);
  });

  it('says so, without the BSN, when the server knows no such citizen', async () => {
    const unknown = '123456782';
    const run = await entpoort(['dev-token', '--bsn', unknown], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no citizen with that BSN/);
    expect(run.stderr).not.toContain(unknown);
  });

  it('refuses to open the held folder for another command, naming the holder', async () => {
    const run = await entpoort(['seed'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`in use by process ${server!.process.pid}`);
    const still = await fetch(`${base}/readyz`);
    expect(still.status).toBe(200);
  });

  it('mints nothing for a caller without the key from DATA_DIR', async () => {
    const answer = await fetch(`${base}/dev/pgo-tokens`, {
      method: 'POST',
      headers: { authorization: 'Bearer guessed', 'content-type': 'application/json' },
      body: JSON.stringify({ bsn: citizen.bsn }),
    });
    expect(answer.status).toBe(401);
    expect(await answer.text()).not.toContain('token"');
  });

  it('frees the folder when the server stops; dev-token then opens it itself', async () => {
    expect(await server!.stop()).toBe(0);
    server = undefined;
    expect((await readdir(dataDir)).sort()).not.toContain('pglite.pid');
    expect(await readdir(dataDir)).not.toContain('dev-pgo-token-key');

    const run = await entpoort(['dev-token', '--bsn', citizen.bsn], env);
    expect(run.code, run.stderr).toBe(0);
    const database = await openDatabase({ dataDir });
    try {
      const { prisma } = database;
      const row = await prisma.citizen.findUniqueOrThrow({ where: { bsn: citizen.bsn } });
      const tokens = await prisma.accessToken.count({ where: { citizenId: row.id } });
      expect(tokens).toBe(2);
      const records = await prisma.vaccination.findMany({ where: { citizenId: row.id } });
      expect(records.some((v) => isDisclosable(v, row, new Date()))).toBe(true);
    } finally {
      await database.close();
    }
  });
});
