import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '../src/auth/pgoTokens.ts';
import { isValidBsn } from '../src/rules/bsn.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { entpoort } from './support/cli.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-cli-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('entpoort demo-citizens', () => {
  it('prints one JSON line per demo citizen, without touching a database', async () => {
    const dataDir = join(scratch, 'never-created');
    const run = await entpoort(['demo-citizens'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      expect(isValidBsn(line.bsn)).toBe(true);
      expect(line.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isInteger(line.age)).toBe(true);
      expect(line.illustrates).toMatch(/\w/);
    }
    expect(lines.some((l) => l.age < 16)).toBe(true);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });
});

describe.each(databaseKinds)('entpoort seed and dev-token on %s', (kind) => {
  let t: TestDatabase | undefined;
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(scratch, `data-${kind}`);
    if (kind === 'postgresql') {
      // An empty database: the commands migrate it themselves.
      t = await createTestDatabase(kind, { migrated: false });
      env = { DATABASE_URL: t.url! };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });
  afterAll(async () => t?.drop());

  /** The database the commands wrote to; PGlite only once no command holds it. */
  async function inspect<T>(work: (db: Database) => Promise<T>): Promise<T> {
    if (t) return work(t.database);
    const db = await openDatabase({ dataDir });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  it('refuses a BSN that is not in the database, without echoing it', async () => {
    const run = await entpoort(['dev-token', '--bsn', '999990019'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no citizen with that BSN/);
    expect(run.stderr).not.toContain('999990019');
  });

  it('seeds once and says so, then says there was nothing to do', async () => {
    const first = await entpoort(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^seeded \d+ demo citizens/);
    const second = await entpoort(['seed'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing seeded/);
  });

  it('mints a token bound to the citizen, the PGO and scope rivm, printing only it', async () => {
    const run = await entpoort(['dev-token', '--bsn', '999990019'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const other = await entpoort(
      ['dev-token', '--bsn', '999990032', '--client', 'other.pgo.example'],
      env,
    );
    expect(other.code).toBe(0);

    await inspect(async ({ prisma, reader }) => {
      const actor = await verifyAccessToken(reader, run.stdout.trim());
      const citizen = await prisma.citizen.findUniqueOrThrow({ where: { bsn: '999990019' } });
      expect(actor).toMatchObject({ kind: 'PGO', id: 'medmij.pgo.example', scope: 'rivm' });
      expect(actor.citizenId).toBe(citizen.id);
      const pgo = await prisma.pgoClient.findUniqueOrThrow({
        where: { hostname: 'medmij.pgo.example' },
      });
      expect(pgo.organisationName).toBe('Voorbeeld PGO');
      const second = await verifyAccessToken(reader, other.stdout.trim());
      expect(second.id).toBe('other.pgo.example');
      expect(second.citizenId).not.toBe(citizen.id);
    });
  });
});

describe('entpoort seed and dev-token, given bad arguments', () => {
  it.each([
    [['dev-token'], /--bsn <bsn> is required/],
    [['dev-token', '--bsn', '123456789'], /not a valid BSN/],
    [['dev-token', '--bsn', '999990019', '--client', 'not a host'], /not a hostname/],
    [['dev-token', '--bsn', '999990019', '--patient', 'x'], /Unknown option/],
    [['seed', 'now'], /positional/],
  ])('calls %j a usage error', async (args, message) => {
    const dataDir = join(scratch, 'untouched');
    const run = await entpoort(args, { DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('the development commands in production', () => {
  const refusal = /development command and refuses to run in production/;

  it.each([['seed'], ['demo-citizens'], ['dev-token', '--bsn', '999990019']])(
    'refuse %s before reading any other setting',
    async (...args) => {
      const run = await entpoort(args, {
        ENTPOORT_ENV: 'production',
        DATA_DIR: join(scratch, 'prod'),
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(refusal);
      await expect(stat(join(scratch, 'prod'))).rejects.toThrow(/ENOENT/);
    },
  );
});
