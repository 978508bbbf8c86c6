// Throughput and memory of `entpoort import` on PostgreSQL, next to a ceiling measured in the
// same run: a raw COPY of the same rows into an empty table with the same columns (no
// indexes, no constraints). The machine's load is printed too: the ratio is the fair figure.
//
//   node bench/import.ts [--rows 1000000] [--citizens 100000] [--format csv|ndjson]
//                        [--registry praeventis|cims] [--batch-size 5000]
//                        [--reference-checks per-batch|per-row] [--no-reimport]
//
// Generates a realistic extract in a temporary folder (test/support/syntheticExtract.ts),
// creates its own database on 127.0.0.1:5432 (BENCH_DATABASE_URL to change the server), runs
// the real import (src/ingest/run.ts), samples RSS every 250 ms, then drops the database and
// deletes the file. Bounded: one import (and one re-import) of the generated file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createAuditTrail } from '../src/audit/auditTrail.ts';
import type { Progress } from '../src/ingest/progress.ts';
import { DEFAULT_BATCH_SIZE, runImport, type ImportSummary } from '../src/ingest/run.ts';
import type { ReferenceChecks } from '../src/ingest/write/batchContext.ts';
import { copyFrom, copyValue } from '../src/ingest/write/copy.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { writeSyntheticExtract } from '../test/support/syntheticExtract.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    citizens: { type: 'string', default: '100000' },
    format: { type: 'string', default: 'csv' },
    registry: { type: 'string', default: 'praeventis' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    'reference-checks': { type: 'string', default: 'per-batch' },
    'no-reimport': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const CITIZENS = Number(args.citizens);
const FORMAT = args.format as 'csv' | 'ndjson';
const REGISTRY = args.registry.toUpperCase() as 'CIMS' | 'PRAEVENTIS';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** RSS sampled every 250 ms, and at each tenth of the file read. */
function memorySampler() {
  let peak = process.memoryUsage().rss;
  const byTenth: number[] = [];
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  return {
    progress(totalBytes: number): Progress {
      return {
        update({ bytes }) {
          const rss = process.memoryUsage().rss;
          peak = Math.max(peak, rss);
          while (byTenth.length < Math.floor((10 * bytes) / totalBytes)) byTenth.push(rss);
        },
        log: (message) => console.error(message),
        stop: () => {},
      };
    },
    stop() {
      clearInterval(timer);
      return { peak, byTenth };
    },
  };
}

async function importOnce(database: Database, path: string) {
  const memory = memorySampler();
  const started = performance.now();
  const summary: ImportSummary = await runImport({
    database,
    audit: createAuditTrail(database, 8),
    registry: REGISTRY,
    format: FORMAT,
    path,
    batchSize: Number(args['batch-size']),
    referenceChecks: args['reference-checks'] as ReferenceChecks,
    progress: (total) => memory.progress(total),
    rejects: () => ({ reject: async () => {}, close: async () => {} }),
  });
  const seconds = (performance.now() - started) / 1000;
  return { summary, seconds, rate: summary.rows / seconds, memory: memory.stop() };
}

const columns = `id, citizen_id, source, source_record_id, status, product_id, occurrence,
  occurrence_precision, dose_number, lot_number, route, site, laterality, dose_quantity,
  dose_unit, performer_organization_id, performer_role_id, location_id, target_diseases,
  reason_motives, reason_indications, note, consent_to_share, recorded_at, updated_at,
  retracted_at, retraction_reason, version, source_hash`;

/**
 * COPY of the imported rows into an empty table of the same columns (`like` says what else it
 * copies from vaccination: nothing, or its indexes too); only the COPY is timed.
 */
async function ceiling(database: Database, table: string, like: string): Promise<number> {
  const names = columns.split(',').map((c) => c.trim());
  const asText = names.map((c) => `${c}::text`).join(', ');
  return database.withConnection(async (sql) => {
    await sql.exec(`CREATE TABLE ${table} (LIKE vaccination ${like})`);
    let copySeconds = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    await sql.exec('BEGIN');
    for (;;) {
      const rows = await sql.query<Record<string, string | null>>(
        `SELECT ${asText} FROM vaccination WHERE id > $1 ORDER BY id LIMIT 20000`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id!;
      const data = rows.map((r) => names.map((c) => copyValue(r[c])).join('\t')).join('\n');
      const started = performance.now();
      await copyFrom(database.kind, sql, `COPY ${table} (${columns})`, `${data}\n`);
      copySeconds += (performance.now() - started) / 1000;
    }
    const started = performance.now();
    await sql.exec('COMMIT');
    return copySeconds + (performance.now() - started) / 1000;
  });
}

async function main() {
  const folder = await mkdtemp(join(tmpdir(), 'entpoort-bench-import-'));
  const path = join(folder, `extract.${FORMAT}`);
  const name = `entpoort_bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let database: Database | undefined;
  try {
    const started = performance.now();
    await writeSyntheticExtract(path, {
      registry: REGISTRY,
      format: FORMAT,
      rows: ROWS,
      citizens: CITIZENS,
    });
    const size = (await stat(path)).size;
    console.log(
      `extract: ${ROWS} ${REGISTRY} rows for ${CITIZENS} citizens, ${FORMAT}, ${mb(size)} MiB ` +
        `(made in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await admin(`CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await database.withConnection(async (c) => migrate(c, await readMigrations()));
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    const first = await importOnce(database, path);
    report('import', first);
    if (!args['no-reimport']) report('re-import (all unchanged)', await importOnce(database, path));

    const copySeconds = await ceiling(database, 'ceiling', 'INCLUDING DEFAULTS');
    const ceilingRate = ROWS / copySeconds;
    console.log(
      `ceiling: raw COPY of the same ${ROWS} rows into an empty table: ` +
        `${Math.round(ceilingRate)} rows/s (${copySeconds.toFixed(1)} s of COPY)`,
    );
    console.log(`ratio import / ceiling: ${((100 * first.rate) / ceilingRate).toFixed(0)} %`);
    // For context: what vaccination's own indexes cost any writer, the import included.
    const indexedSeconds = await ceiling(database, 'ceiling_indexed', 'INCLUDING ALL');
    const indexedRate = ROWS / indexedSeconds;
    console.log(
      `the same COPY into an empty table with vaccination's indexes and checks: ` +
        `${Math.round(indexedRate)} rows/s; ratio import / that: ` +
        `${((100 * first.rate) / indexedRate).toFixed(0)} %`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
}

function report(what: string, run: Awaited<ReturnType<typeof importOnce>>) {
  const { summary, seconds, rate, memory } = run;
  console.log(
    `${what}: ${summary.rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rate)} rows/s ` +
      `(${JSON.stringify(summary.counts)}, reference checks ${summary.referenceChecks})`,
  );
  console.log(
    `  peak RSS ${mb(memory.peak)} MiB; RSS at each tenth of the file: ` +
      `${memory.byTenth.map(mb).join(' ')} MiB`,
  );
}

await main();
