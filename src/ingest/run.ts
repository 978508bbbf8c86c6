// One import run: reads an extract row by row, writes it in batches of one transaction each
// (one batch in flight while the next is read), reports rejected rows and progress, and ends
// with ONE audit entry holding the counts per outcome. Only one import per registry runs at a
// time (a session advisory lock), so the classification of a batch cannot race another run.
import { setImmediate } from 'node:timers/promises';
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { Database } from '../store/database.ts';
import type { SqlConnection } from '../store/sqlConnection.ts';
import { openExtract, type ExtractFormat } from './extract.ts';
import { ExtractError } from './formats/header.ts';
import type { Registry } from './model.ts';
import type { Progress } from './progress.ts';
import type { RejectSink } from './rejects.ts';
import type { ReferenceChecks } from './write/batchContext.ts';
import type { KeyedRecord } from './write/keyed.ts';
import { createBatchWriter, noOutcomes, type OutcomeCounts } from './write/batchWriter.ts';

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Rows read between two turns of the event loop. Reading from a buffered stream goes on in
 * microtasks, so without these turns the batch in flight would learn of each statement's end
 * only when the reader next waits for the disk, and wait that long before sending the next.
 */
const YIELD_EVERY = 100;

/** Advisory lock keys: "enta" and one per registry. */
const LOCK_NAMESPACE = 0x656e7461;
const lockKeys: Record<Registry, number> = { CIMS: 0x1c01, PRAEVENTIS: 0x1c02 };

export interface ImportOptions {
  database: Database;
  audit: AuditTrail;
  registry: Registry;
  format: ExtractFormat;
  path: string;
  batchSize?: number;
  /** 'per-batch' (default) where the database role allows it; see write/referenceCheck.ts. */
  referenceChecks?: ReferenceChecks;
  /** Made once the file's size is known. */
  progress(totalBytes: number): Progress;
  rejects(progress: Progress, rejectFileHead: () => string[]): RejectSink;
}

export interface ImportSummary {
  registry: Registry;
  extractedAt: string;
  rows: number;
  counts: OutcomeCounts;
  citizens: { inserted: number; updated: number };
  seconds: number;
  referenceChecks?: ReferenceChecks;
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    registry: options.registry,
    extractedAt: '',
    rows: 0,
    counts: noOutcomes(),
    citizens: { inserted: 0, updated: 0 },
    seconds: 0,
  };
  try {
    await importExtract(options, summary);
    summary.seconds = (Date.now() - started) / 1000;
    await options.audit.append(auditRecord(options, summary, 'SUCCESS'));
    return summary;
  } catch (error) {
    summary.seconds = (Date.now() - started) / 1000;
    try {
      await options.audit.append(auditRecord(options, summary, 'FAILURE'));
    } catch {
      // The database is likely gone; the run's own error is the one to report.
      throw new Error(`${(error as Error).message} (and the audit entry failed)`, {
        cause: error,
      });
    }
    throw error;
  }
}

async function importExtract(options: ImportOptions, summary: ImportSummary): Promise<void> {
  const extract = await openExtract(options.path, options.format, options.registry);
  summary.extractedAt = extract.header.extractedAt.toISOString();
  const progress = options.progress(extract.totalBytes);
  const rejects = options.rejects(progress, extract.rejectFileHead);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  try {
    await options.database.withConnection((sql) =>
      locked(sql, options.registry, async () => {
        const writer = await createBatchWriter({
          sql,
          kind: options.database.kind,
          registry: options.registry,
          stamp: extract.header.extractedAt,
          referenceChecks: options.referenceChecks,
        });
        summary.referenceChecks = writer.referenceChecks;
        const flush = async (batch: KeyedRecord[]) => {
          const outcome = await writer.write(batch);
          add(summary.counts, outcome.counts);
          summary.citizens.inserted += outcome.citizens.inserted;
          summary.citizens.updated += outcome.citizens.updated;
          for (const record of outcome.duplicates) {
            await rejects.reject(record.line, [duplicate], record.raw);
          }
        };
        let inFlight: Promise<void> = Promise.resolve();
        let batch: KeyedRecord[] = [];
        try {
          for await (const item of extract.items) {
            summary.rows += 1;
            if (item.ok) batch.push(writer.prepare(item.record));
            else {
              summary.counts.rejected += 1;
              await rejects.reject(item.line, item.problems, item.raw);
            }
            if (batch.length >= batchSize) {
              await inFlight; // at most one batch is written while the next one is read
              inFlight = flush(batch);
              inFlight.catch(() => {}); // awaited later; this only marks it handled
              batch = [];
            }
            if (summary.rows % 1000 === 0) {
              progress.update({ bytes: extract.bytesRead(), rows: summary.rows });
            }
            if (summary.rows % YIELD_EVERY === 0) await setImmediate();
          }
        } finally {
          // Never leave the connection while a batch still uses it.
          await inFlight.catch(() => {});
        }
        await inFlight;
        if (batch.length > 0) await flush(batch);
        await analyzeAfterBulk(sql, summary.counts);
        progress.update({ bytes: extract.totalBytes, rows: summary.rows });
      }),
    );
  } finally {
    progress.stop();
    await rejects.close();
  }
}

const duplicate = {
  field: 'source_record_id',
  message: 'repeats a record id already imported from this extract with other content',
};

async function locked(sql: SqlConnection, registry: Registry, work: () => Promise<void>) {
  const [row] = await sql.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock($1::int, $2::int) AS locked',
    [LOCK_NAMESPACE, lockKeys[registry]],
  );
  if (!row?.locked) throw new ExtractError(`another import of ${registry} is running`);
  try {
    await work();
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1::int, $2::int)', [
      LOCK_NAMESPACE,
      lockKeys[registry],
    ]);
  }
}

/**
 * Fresh statistics after a large import, so the planner does not keep treating the tables as
 * the (maybe empty) ones it last sampled; autovacuum would get there, but only later.
 */
async function analyzeAfterBulk(sql: SqlConnection, counts: OutcomeCounts) {
  if (counts.inserted + counts.updated + counts.retracted < ANALYZE_AFTER) return;
  await sql.exec('ANALYZE citizen; ANALYZE vaccination');
}

const ANALYZE_AFTER = 10_000;

function add(total: OutcomeCounts, more: OutcomeCounts) {
  for (const key of Object.keys(total) as (keyof OutcomeCounts)[]) total[key] += more[key];
}

/** Counts only: no file name (it may say whose data it holds), no record ids. */
function auditRecord(
  options: ImportOptions,
  summary: ImportSummary,
  outcome: 'SUCCESS' | 'FAILURE',
) {
  return {
    actor: { kind: 'SYSTEM' as const, id: 'import' },
    action: 'import.run',
    disclosed: {
      registry: summary.registry,
      format: options.format,
      extractedAt: summary.extractedAt || null,
      rows: summary.rows,
      ...summary.counts,
      citizensInserted: summary.citizens.inserted,
      citizensUpdated: summary.citizens.updated,
    },
    outcome,
  };
}
