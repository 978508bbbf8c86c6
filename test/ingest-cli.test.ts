// `entpoort import` as an operator runs it: exit codes (0 all imported, 3 some rejected, 1
// failed, 2 usage), rejected rows reported by line and field on stderr without their values,
// the reject file (the raw rows, readable by its owner only), and progress as JSON lines when
// stderr is not a terminal. On PostgreSQL when TEST_DATABASE_URL is set, else embedded PGlite.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entpoort } from './support/cli.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';
import { fixture } from './support/ingestRuns.ts';
import { writeSyntheticExtract } from './support/syntheticExtract.ts';

const kind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

let scratch: string;
let t: TestDatabase | undefined;
let env: Record<string, string>;

/** `entpoort import …` with this run's database. */
const entpoortImport = (args: string[]) => entpoort(['import', ...args], env);

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-ingest-cli-'));
  if (kind === 'postgresql') {
    t = await createTestDatabase(kind, { migrated: false }); // the command migrates
    env = { DATABASE_URL: t.url! };
  } else {
    env = { DATA_DIR: join(scratch, 'data') };
  }
});
afterAll(async () => {
  await t?.drop();
  await rm(scratch, { recursive: true, force: true });
});

describe(`entpoort import on ${kind}`, () => {
  it('exits 0 when every row was imported, and prints the counts', async () => {
    const run = await entpoortImport(['--registry', 'praeventis', fixture('praeventis.csv')]);
    expect(run.code, run.stderr).toBe(0);
    const [done] = jsonLines(run.stdout);
    expect(done).toMatchObject({
      event: 'import.done',
      file: 'praeventis.csv',
      rows: 5,
      counts: { inserted: 5, updated: 0, unchanged: 0, retracted: 0, rejected: 0 },
    });
    // Not a terminal: the last progress line says the whole file was read.
    const progress = jsonLines(run.stderr).filter((l) => l.event === 'import.progress');
    expect(progress.at(-1)).toMatchObject({ rows: 5, bytes: progress.at(-1)!.totalBytes });
  });

  it('exits 3 when rows were rejected: lines, fields and a reject file', async () => {
    const [preamble, header, good, second] = (await readFile(fixture('cims.csv'), 'utf8')).split(
      '\n',
    );
    const badBsn = good!.replace(/^999990202,/, '999990203,');
    const badDate = second!.replace('1961-09-30', '1961-13-01');
    const path = join(scratch, 'some-bad.csv');
    await writeFile(path, [preamble, header, badBsn, good, badDate, ''].join('\n'));
    const rejectFile = join(scratch, 'rejects.csv');

    const run = await entpoortImport(['--registry', 'cims', '--reject-file', rejectFile, path]);
    expect(run.code, run.stderr).toBe(3);
    const rejected = jsonLines(run.stderr).filter((l) => l.event === 'import.rejected');
    expect(rejected).toEqual([
      {
        event: 'import.rejected',
        line: 3,
        problems: [{ field: 'bsn', message: expect.any(String) }],
      },
      {
        event: 'import.rejected',
        line: 5,
        problems: [{ field: 'birth_date', message: expect.any(String) }],
      },
    ]);
    for (const personal of ['999990203', '999990202', 'Jansen', 'Johanna', '1961']) {
      expect(run.stderr).not.toContain(personal);
    }
    expect(jsonLines(run.stdout)[0]).toMatchObject({ counts: { inserted: 1, rejected: 2 } });

    // The reject file is an extract of the same kind holding just the rejected rows.
    expect((await stat(rejectFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(rejectFile, 'utf8')).split('\n')).toEqual([
      preamble,
      header,
      badBsn,
      badDate,
      '',
    ]);
    const again = await entpoortImport(['--registry', 'cims', rejectFile]);
    expect(again.code).toBe(3);
    expect(jsonLines(again.stdout)[0]).toMatchObject({ counts: { rejected: 2 } });
  });

  it('exits 1 when the run fails, and 2 for a wrong command line', async () => {
    const mismatch = await entpoortImport(['--registry', 'cims', fixture('praeventis.ndjson')]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/comes from PRAEVENTIS/);
    const missing = await entpoortImport(['--registry', 'cims', join(scratch, 'nothing.csv')]);
    expect(missing.code).toBe(1);
    expect((await entpoortImport(['--registry', 'rivm', fixture('cims.csv')])).code).toBe(2);
    expect((await entpoortImport(['--registry', 'cims'])).code).toBe(2);
    expect((await entpoortImport(['--registry', 'cims', join(scratch, 'extract.txt')])).code).toBe(
      2,
    );
  }, 180_000);

  it('reports progress as JSON lines every few seconds when stderr is not a terminal', async () => {
    const path = join(scratch, 'large.ndjson');
    await writeSyntheticExtract(path, {
      registry: 'CIMS',
      format: 'ndjson',
      rows: 20_000,
      citizens: 5_000,
    });
    const run = await entpoortImport([
      '--registry',
      'cims',
      '--progress-every',
      '0.05',
      '--batch-size',
      '1000',
      path,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const progress = jsonLines(run.stderr).filter((l) => l.event === 'import.progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const bytes = progress.map((p) => p.bytes as number);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ rows: 20_000, secondsLeft: 0 });
    expect(progress.every((p) => typeof p.rowsPerSecond === 'number')).toBe(true);
  }, 180_000);
});
