// Reads the stored state of a batch's records and writes those classify.ts marked: new records
// with COPY (the fastest way in; the advisory lock of the run means nobody else inserts them),
// changed ones with one UPDATE … FROM unnest(…) that increments version and is skipped by the
// database itself for a record whose hash did not change.
import type { IncomingRecord } from '../model.ts';
import { timeOrderedId } from '../../store/timeOrderedId.ts';
import { arrayParam, json, type BatchContext } from './batchContext.ts';
import type { StoredState } from './classify.ts';
import { copyFrom, copyJson, copyValue } from './copy.ts';

export async function readStored(
  ctx: BatchContext,
  ids: string[],
): Promise<Map<string, StoredState>> {
  // One index probe per id (the LATERAL … OFFSET 0 keeps the planner from joining instead):
  // during a large first import the table's statistics still say it is empty, and a join
  // planned on them scans every row the registry has, for every batch.
  const rows = await ctx.sql.query<{
    id: string;
    source_record_id: string;
    source_hash: string | null;
    stamped: boolean;
    retracted: boolean;
  }>(
    `SELECT v.id, v.source_record_id, v.source_hash, v.updated_at = $3::timestamptz AS stamped,
       v.status = 'ENTERED_IN_ERROR' AS retracted
     FROM unnest($2::text[]) AS t(source_record_id)
     CROSS JOIN LATERAL (
       SELECT * FROM vaccination
       WHERE source = $1::text::source_registry AND source_record_id = t.source_record_id
       OFFSET 0) AS v`,
    [ctx.registry, ids, ctx.stamp],
  );
  return new Map(
    rows.map((r) => [
      r.source_record_id,
      { id: r.id, hash: r.source_hash, stamped: r.stamped, retracted: r.retracted },
    ]),
  );
}

export interface VaccinationRow {
  /** The stored record's id, for an update. */
  id?: string;
  record: IncomingRecord;
  hash: string;
  citizenId: string;
  productId: string;
  organizationId: string | null;
  roleId: string | null;
  locationId: string | null;
}

/**
 * An imported column: name, SQL type, value, and how it is written in COPY text: `text` values
 * are escaped, `plain` ones (ids, numbers, enums, instants, checked identifiers) never need it,
 * `json` ones are escaped once per shared coding object.
 */
type Column = readonly [
  name: string,
  type: string,
  value: (r: VaccinationRow) => unknown,
  copy: 'text' | 'plain' | 'json',
];

const v = (r: VaccinationRow) => r.record.vaccination;
const iso = (d: Date | undefined) => d?.toISOString();

/** The imported columns, in one order for COPY and UPDATE. */
const columns: readonly Column[] = [
  ['source_record_id', 'text', (r) => v(r).sourceRecordId, 'text'],
  ['citizen_id', 'uuid', (r) => r.citizenId, 'plain'],
  [
    'status',
    'vaccination_status',
    (r) => (v(r).retraction ? 'ENTERED_IN_ERROR' : v(r).status),
    'plain',
  ],
  ['product_id', 'uuid', (r) => r.productId, 'plain'],
  ['occurrence', 'timestamptz', (r) => iso(v(r).occurrence), 'plain'],
  ['occurrence_precision', 'date_precision', (r) => v(r).occurrencePrecision, 'plain'],
  ['dose_number', 'int4', (r) => v(r).doseNumber, 'plain'],
  ['lot_number', 'text', (r) => v(r).lotNumber, 'text'],
  ['route', 'jsonb', (r) => v(r).route, 'json'],
  ['site', 'jsonb', (r) => v(r).site, 'json'],
  ['laterality', 'jsonb', (r) => v(r).laterality, 'json'],
  ['dose_quantity', 'numeric', (r) => v(r).doseQuantity, 'plain'],
  ['dose_unit', 'text', (r) => v(r).doseUnit, 'text'],
  ['performer_organization_id', 'uuid', (r) => r.organizationId, 'plain'],
  ['performer_role_id', 'uuid', (r) => r.roleId, 'plain'],
  ['location_id', 'uuid', (r) => r.locationId, 'plain'],
  ['target_diseases', 'jsonb', (r) => v(r).targetDiseases, 'json'],
  ['reason_motives', 'jsonb', (r) => v(r).reasonMotives, 'json'],
  ['reason_indications', 'jsonb', (r) => v(r).reasonIndications, 'json'],
  ['note', 'text', (r) => v(r).note, 'text'],
  ['consent_to_share', 'bool', (r) => v(r).consentToShare, 'plain'],
  ['recorded_at', 'timestamptz', (r) => iso(v(r).recordedAt), 'plain'],
  ['retracted_at', 'timestamptz', (r) => iso(v(r).retraction?.at), 'plain'],
  ['retraction_reason', 'text', (r) => v(r).retraction?.reason, 'text'],
  ['source_hash', 'text', (r) => r.hash, 'plain'],
];

const names = columns.map(([name]) => name);

/** New rows get time-ordered ids (store/timeOrderedId.ts); the rest as `columns` says. */
export async function insertVaccinations(ctx: BatchContext, rows: VaccinationRow[]) {
  if (rows.length === 0) return;
  const fixed = `\t${ctx.registry}\t${ctx.stamp}\t1`;
  const now = Date.now();
  let data = '';
  for (const row of rows) {
    data += timeOrderedId(now) + fixed;
    for (const [, , value, copy] of columns) {
      const x = value(row);
      data += `\t${
        x === null || x === undefined
          ? '\\N'
          : copy === 'plain'
            ? String(x)
            : copy === 'json'
              ? copyJson(x)
              : copyValue(x)
      }`;
    }
    data += '\n';
  }
  await copyFrom(
    ctx.kind,
    ctx.sql,
    `COPY vaccination (id, source, updated_at, version, ${names.join(', ')})`,
    data,
  );
}

const n = columns.length;
const update = `
UPDATE vaccination AS v SET
  ${names.map((c) => `${c} = t.${c}`).join(',\n  ')},
  updated_at = $${n + 2}::timestamptz,
  version = v.version + 1
FROM unnest($${n + 1}::uuid[], ${columns.map(([, type], i) => arrayParam(i + 1, type)).join(', ')})
  AS t(id, ${names.join(', ')})
WHERE v.id = t.id AND v.source_hash IS DISTINCT FROM t.source_hash
RETURNING 1 AS one`;

/** Updates the rows in place; returns how many the database changed. */
export async function updateVaccinations(ctx: BatchContext, rows: VaccinationRow[]) {
  if (rows.length === 0) return 0;
  const params = [
    ...columns.map(([, , value, copy]) =>
      rows.map((r) => (copy === 'json' ? json(value(r)) : (value(r) ?? null))),
    ),
    rows.map((r) => r.id),
    ctx.stamp,
  ];
  return (await ctx.sql.query(update, params)).length;
}
