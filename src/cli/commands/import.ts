// `entpoort import`: imports a CIMS or Praeventis extract (CSV, NDJSON or FHIR resources,
// docs/ingest-formats.md) into the configured database. Exit codes: 0 every row imported,
// 3 some rows rejected (the rest imported), 1 the run failed (whole batches written before the
// failure stay; re-running the same extract completes it), 2 a mistake in the command line.
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditTrail } from '../../audit/auditTrail.ts';
import type { ExtractFormat } from '../../ingest/extract.ts';
import type { Registry } from '../../ingest/model.ts';
import type { ReferenceChecks } from '../../ingest/write/batchContext.ts';
import { createProgress } from '../../ingest/progress.ts';
import { createRejectSink } from '../../ingest/rejects.ts';
import { DEFAULT_BATCH_SIZE, runImport } from '../../ingest/run.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';
import { withMigratedDatabase } from './migratedDatabase.ts';

const usage =
  'usage: entpoort import --registry <cims|praeventis> [--format csv|ndjson|fhir] ' +
  '[--reject-file <path>] [--batch-size <n>] [--progress-every <seconds>] ' +
  '[--reference-checks per-batch|per-row] <file>';

export const EXIT_REJECTED = 3;

export const importCommand: Command = {
  summary: 'import a CIMS or Praeventis extract (CSV, NDJSON or FHIR)',
  async run(args, config) {
    const options = await parse(args);
    const tty = process.stderr.isTTY === true;
    const summary = await withMigratedDatabase(config, (database) =>
      runImport({
        database,
        audit: createAuditTrail(database, config.AUDIT_CHAINS),
        registry: options.registry,
        format: options.format,
        path: options.file,
        batchSize: options.batchSize,
        referenceChecks: options.referenceChecks,
        progress: (totalBytes) =>
          createProgress({
            totalBytes,
            tty,
            intervalMs: options.progressEvery * 1000,
            out: process.stderr,
          }),
        rejects: (progress, head) =>
          createRejectSink({
            print: (message) => progress.log(message),
            json: !tty,
            rejectFile: options.rejectFile,
            head,
          }),
      }),
    );
    console.log(
      JSON.stringify({
        event: 'import.done',
        file: basename(options.file),
        ...summary,
        rowsPerSecond: Math.round(summary.rows / Math.max(summary.seconds, 0.001)),
      }),
    );
    return summary.counts.rejected > 0 ? EXIT_REJECTED : 0;
  },
};

interface ImportArgs {
  registry: Registry;
  format: ExtractFormat;
  file: string;
  rejectFile: string | undefined;
  batchSize: number;
  progressEvery: number;
  referenceChecks: ReferenceChecks;
}

async function parse(args: string[]): Promise<ImportArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        registry: { type: 'string' },
        format: { type: 'string' },
        'reject-file': { type: 'string' },
        'batch-size': { type: 'string' },
        'progress-every': { type: 'string' },
        'reference-checks': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`name one extract file\n${usage}`);
  const file = positionals[0]!;
  const registry = values.registry?.toUpperCase();
  if (registry !== 'CIMS' && registry !== 'PRAEVENTIS') {
    throw new UsageError(`--registry must be cims or praeventis\n${usage}`);
  }
  const format = values.format ?? (await formatOf(file));
  if (format !== 'csv' && format !== 'ndjson' && format !== 'fhir') {
    throw new UsageError(
      '--format must be csv, ndjson or fhir (or the file end in .csv, .ndjson, .json or .xml)',
    );
  }
  const batchSize = Number(values['batch-size'] ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    throw new UsageError('--batch-size must be a whole number from 1 to 50000');
  }
  const progressEvery = Number(values['progress-every'] ?? 10);
  if (!(progressEvery > 0)) throw new UsageError('--progress-every must be a positive number');
  const referenceChecks = values['reference-checks'] ?? 'per-batch';
  if (referenceChecks !== 'per-batch' && referenceChecks !== 'per-row') {
    throw new UsageError('--reference-checks must be per-batch or per-row');
  }
  const rejectFile = values['reject-file'];
  return { registry, format, file, rejectFile, batchSize, progressEvery, referenceChecks };
}

async function formatOf(file: string): Promise<string | undefined> {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json' || extension === '.xml') return 'fhir';
  if (extension === '.ndjson' || extension === '.jsonl') {
    // An extract's first line is its header object; FHIR NDJSON starts with a resource.
    return /"resourceType"\s*:/.test(await firstLineOf(file)) ? 'fhir' : 'ndjson';
  }
  return undefined;
}

async function firstLineOf(file: string): Promise<string> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
    } finally {
      await handle.close();
    }
  } catch {
    return ''; // the import itself reports a file it cannot read
  }
}
