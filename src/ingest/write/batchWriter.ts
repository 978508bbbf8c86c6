// Writes batches of neutral records, each as ONE transaction: citizens and reference rows
// first (from every valid row, so the outcome does not depend on which repetition of a record
// id is rejected), then the vaccinations classify.ts says need writing. A batch is all or
// nothing, so a run killed at any moment leaves only whole batches behind. This is the writer
// every format reader (CSV, NDJSON, later FHIR) feeds.
import type { SqlConnection } from '../../store/sqlConnection.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import type { BatchContext, ReferenceChecks } from './batchContext.ts';
import { upsertCitizens } from './citizens.ts';
import { classify } from './classify.ts';
import type { DatabaseKind } from './copy.ts';
import { keyed, type KeyedRecord } from './keyed.ts';
import { createReferenceCache } from './referenceCache.ts';
import { referenceChecksFor, withReferenceChecks } from './referenceCheck.ts';
import { writeReferences, type ReferenceIds } from './references.ts';
import {
  insertVaccinations,
  readStored,
  updateVaccinations,
  type VaccinationRow,
} from './vaccinations.ts';

export interface OutcomeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  retracted: number;
  rejected: number;
}

export interface BatchOutcome {
  counts: OutcomeCounts;
  citizens: { inserted: number; updated: number };
  /** Records rejected because their id repeats in the extract with other content. */
  duplicates: IncomingRecord[];
}

export const noOutcomes = (): OutcomeCounts => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  retracted: 0,
  rejected: 0,
});

export interface BatchWriterOptions {
  sql: SqlConnection;
  kind: DatabaseKind;
  registry: Registry;
  /** The extract's time: created_at and updated_at of everything written. */
  stamp: Date;
  referenceChecks?: ReferenceChecks;
}

export interface BatchWriter {
  referenceChecks: ReferenceChecks;
  /** Readies a record for `write`; call it as records are read (see keyed.ts). */
  prepare(record: IncomingRecord): KeyedRecord;
  write(batch: KeyedRecord[]): Promise<BatchOutcome>;
}

export async function createBatchWriter(options: BatchWriterOptions): Promise<BatchWriter> {
  const ctx: BatchContext = {
    sql: options.sql,
    kind: options.kind,
    registry: options.registry,
    stamp: options.stamp.toISOString(),
    referenceChecks: await referenceChecksFor(options.sql, options.referenceChecks ?? 'per-batch'),
  };
  const cache = createReferenceCache();
  return {
    referenceChecks: ctx.referenceChecks,
    prepare: (record) => keyed(ctx.registry, record),
    async write(batch) {
      // Without waiting for the WAL flush: a database crash can lose the last batches' commits
      // (never half of one), which re-running the extract restores. The run's audit entry is
      // committed synchronously, and WAL is flushed in order, so once it is durable they are.
      await ctx.sql.exec('BEGIN; SET LOCAL synchronous_commit = off');
      try {
        const outcome = await writeAll(ctx, batch, (r) => writeReferences(ctx, cache, r));
        await ctx.sql.exec('COMMIT');
        cache.commit();
        return outcome;
      } catch (error) {
        cache.discard();
        await ctx.sql.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}

async function writeAll(
  ctx: BatchContext,
  batch: KeyedRecord[],
  references: (records: KeyedRecord[]) => Promise<ReferenceIds>,
): Promise<BatchOutcome> {
  const citizens = await upsertCitizens(
    ctx,
    batch.map((k) => k.record.citizen),
  );
  const ids = await references(batch);

  const recordIds = batch.map((k) => k.record.vaccination.sourceRecordId);
  const stored = await readStored(ctx, [...new Set(recordIds)]);
  const decisions = classify(
    batch.map((k, i) => ({
      id: recordIds[i]!,
      hash: k.hash,
      retracted: k.record.vaccination.retraction !== null,
    })),
    stored,
  );

  const counts = noOutcomes();
  const duplicates: IncomingRecord[] = [];
  const inserts: VaccinationRow[] = [];
  const updates: VaccinationRow[] = [];
  batch.forEach((item, i) => {
    const { decision, retracts, id } = decisions[i]!;
    if (decision === 'unchanged') counts.unchanged += 1;
    else if (decision === 'duplicate') {
      counts.rejected += 1;
      duplicates.push(item.record);
    } else {
      counts[retracts ? 'retracted' : decision === 'insert' ? 'inserted' : 'updated'] += 1;
      const row = rowOf(item, citizens.ids, ids);
      if (decision === 'insert') inserts.push(row);
      else updates.push({ ...row, id });
    }
  });

  await withReferenceChecks(ctx, [...inserts, ...updates], async () => {
    await insertVaccinations(ctx, inserts);
    const updated = await updateVaccinations(ctx, updates);
    // Only a writer bypassing the run's lock could make these differ.
    if (updated !== updates.length) throw new Error('a record changed while it was imported');
  });
  return {
    counts,
    citizens: { inserted: citizens.inserted, updated: citizens.updated },
    duplicates,
  };
}

function rowOf(
  { record, keys, hash }: KeyedRecord,
  citizenIds: Map<string, string>,
  ids: ReferenceIds,
): VaccinationRow {
  return {
    record,
    hash,
    citizenId: required(citizenIds.get(record.citizen.bsn), 'citizen'),
    productId: required(ids.products.get(keys.product), 'product'),
    organizationId: keys.organization
      ? required(ids.organizations.get(keys.organization), 'organization')
      : null,
    roleId: keys.role ? required(ids.roles.get(keys.role), 'role') : null,
    locationId: keys.location ? required(ids.locations.get(keys.location), 'location') : null,
  };
}

function required(id: string | undefined, what: string): string {
  if (!id) throw new Error(`the ${what} of a record was not written`);
  return id;
}
