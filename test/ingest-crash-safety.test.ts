// A run of `entpoort import` killed with SIGKILL at any moment and then re-run ends in exactly
// the state one clean run ends in: every data table compared row by row, generated ids
// replaced by natural keys, timestamps and versions included (the import stamps rows with the
// extract's time, so they are the same however often it ran). The extract updates, retracts,
// inserts and repeats records relative to what the databases held before.
//
// PostgreSQL only (TEST_DATABASE_URL): it needs two separate processes on one database. With
// embedded PGlite a killed process can leave the data directory itself unusable, which is
// PGlite's matter, not the import's; without TEST_DATABASE_URL this file is skipped.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../src/ingest/csvText.ts';
import { createCsvSplitter } from '../src/ingest/formats/csvRecords.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';
import { canonicalDump, importFile } from './support/ingestRuns.ts';
import { writeSyntheticExtract } from './support/syntheticExtract.ts';

const bin = fileURLToPath(new URL('../bin/entpoort.js', import.meta.url));
const ROWS = 24_000;
const BEFORE = 8_000;
const stamp = '2024-06-01T02:00:00.000Z';

let scratch: string;
let clean: TestDatabase;
let crashed: TestDatabase;
let extract: string;

/** The later extract: lots changed, some records retracted, some ids repeated with changes. */
async function laterExtract(source: string, path: string) {
  const splitter = createCsvSplitter();
  const records = [...splitter.push(await readFile(source, 'utf8')), ...splitter.end()];
  const [header, ...rows] = records.map((r) => r.fields!);
  const at = (name: string) => header!.indexOf(name);
  const changed = rows.map((row, i) => {
    const copy = [...row];
    if (i % 10 === 3) copy[at('lot_number')] = `CHG${i}`;
    if (i % 97 === 5) {
      copy[at('retracted')] = 'true';
      copy[at('retracted_at')] = '2024-05-20T09:00:00Z';
      copy[at('retraction_reason')] = 'Verkeerde persoon';
    }
    return copy;
  });
  const repeats = changed
    .filter((_, i) => i % 500 === 7)
    .map((row) => row.map((cell, j) => (j === at('lot_number') ? 'REPEAT' : cell)));
  const preamble = `#entpoort-extract registry=praeventis format=1 extracted_at=${stamp}`;
  const lines = [preamble, csvLine(header!), ...[...changed, ...repeats].map(csvLine)];
  await writeFile(path, `${lines.join('\n')}\n`);
}

function start(url: string) {
  const child = spawn(
    process.execPath,
    [bin, 'import', '--registry', 'praeventis', '--batch-size', '500', extract],
    { env: { PATH: process.env.PATH ?? '', DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.resume();
  child.stderr.resume();
  return child;
}

/** Starts an import and kills it once more than `after` records carry this extract's stamp. */
async function killAfter(t: TestDatabase, after: number): Promise<number> {
  const child = start(t.url!);
  const exited = once(child, 'exit');
  for (;;) {
    const [row] = await t.database.withConnection((sql) =>
      sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM vaccination WHERE updated_at = $1::timestamptz',
        [stamp],
      ),
    );
    if (row!.n > after) {
      child.kill('SIGKILL');
      const [code, signal] = await exited;
      expect([code, signal]).toEqual([null, 'SIGKILL']);
      return row!.n;
    }
    if (child.exitCode !== null) throw new Error('the import ended before it could be killed');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('an import killed with SIGKILL', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'entpoort-ingest-crash-'));
    const earlier = join(scratch, 'earlier.csv');
    const full = join(scratch, 'full.csv');
    extract = join(scratch, 'later.csv');
    const synthetic = { registry: 'PRAEVENTIS', format: 'csv' } as const;
    await writeSyntheticExtract(earlier, { ...synthetic, rows: BEFORE, citizens: BEFORE / 10 });
    await writeSyntheticExtract(full, { ...synthetic, rows: ROWS, citizens: ROWS / 10 });
    await laterExtract(full, extract);
    [clean, crashed] = await Promise.all([
      createTestDatabase('postgresql'),
      createTestDatabase('postgresql'),
    ]);
    for (const t of [clean, crashed]) await importFile(t.database, earlier, 'PRAEVENTIS');
  });
  afterAll(async () => {
    await Promise.all([clean?.drop(), crashed?.drop()]);
    await rm(scratch, { recursive: true, force: true });
  });

  it('and run again ends in the state of one clean run', async () => {
    const { summary } = await importFile(clean.database, extract, 'PRAEVENTIS');
    expect(summary.counts.rejected).toBeGreaterThan(0);
    expect(summary.counts.updated).toBeGreaterThan(0);
    expect(summary.counts.retracted).toBeGreaterThan(0);
    const written = summary.counts.inserted + summary.counts.updated + summary.counts.retracted;

    // Killed twice, after some batches committed and before the end, then run to the end.
    const first = await killAfter(crashed, 1_500);
    const second = await killAfter(crashed, first + 3_000);
    expect(second).toBeLessThan(written);
    const last = start(crashed.url!);
    const [code] = await once(last, 'exit');
    expect(code).toBe(3); // the repeated ids are rejected, as in the clean run

    expect(await canonicalDump(crashed.database)).toEqual(await canonicalDump(clean.database));
    for (const t of [clean, crashed]) {
      const runs = await t.database.prisma.auditEntry.count({
        where: { action: 'import.run', outcome: 'SUCCESS' },
      });
      expect(runs).toBe(2); // the killed runs never reached their audit entry
    }
  }, 300_000);
});
