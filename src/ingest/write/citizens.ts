// Upserts the citizens of a batch by BSN (the last row naming a citizen wins) and returns their
// ids. A citizen whose data did not change is not written, so its updated_at stays.
import type { IncomingCitizen } from '../model.ts';
import { arrayParam, lastByKey, type BatchContext } from './batchContext.ts';

const columns = [
  ['bsn', 'text'],
  ['birth_date', 'date'],
  ['gender', 'gender'],
  ['given_names', 'text'],
  ['initials', 'text'],
  ['call_name', 'text'],
  ['family_name_prefix', 'text'],
  ['family_name', 'text'],
  ['partner_name_prefix', 'text'],
  ['partner_name', 'text'],
  ['name_usage', 'name_usage'],
] as const;

const names = columns.map(([name]) => name);
const changing = names.filter((n) => n !== 'bsn');

/**
 * One statement: the upsert, and the ids of the citizens it did not write (unchanged), read by
 * an index probe per BSN whatever the statistics say (see vaccinations.ts, readStored). The read
 * sees the table as it was before the statement, so a written citizen is taken from RETURNING.
 */
const upsert = `
WITH t AS (
  SELECT * FROM unnest(${columns.map(([, type], i) => arrayParam(i + 1, type)).join(', ')})
    AS t(${names.join(', ')})
), written AS (
  INSERT INTO citizen AS c (${names.join(', ')}, created_at, updated_at)
  SELECT t.*, $${columns.length + 1}::timestamptz, $${columns.length + 1}::timestamptz FROM t
  ON CONFLICT (bsn) DO UPDATE SET
    ${changing.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}, updated_at = EXCLUDED.updated_at
  WHERE (${changing.map((n) => `c.${n}`).join(', ')})
    IS DISTINCT FROM (${changing.map((n) => `EXCLUDED.${n}`).join(', ')})
  RETURNING c.id, c.bsn, (xmax = 0) AS inserted
)
SELECT id, bsn, inserted FROM written
UNION ALL
SELECT c.id, c.bsn, NULL FROM t
CROSS JOIN LATERAL (SELECT id, bsn FROM citizen WHERE bsn = t.bsn::bpchar OFFSET 0) AS c
WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.bsn = t.bsn::bpchar)`;

export interface CitizenResult {
  ids: Map<string, string>;
  inserted: number;
  updated: number;
}

export async function upsertCitizens(
  ctx: BatchContext,
  citizens: IncomingCitizen[],
): Promise<CitizenResult> {
  const rows = [...lastByKey(citizens, (c) => c.bsn).values()];
  const params = [
    rows.map((c) => c.bsn),
    rows.map((c) => c.birthDate),
    rows.map((c) => c.gender),
    rows.map((c) => c.givenNames),
    rows.map((c) => c.initials),
    rows.map((c) => c.callName),
    rows.map((c) => c.familyNamePrefix),
    rows.map((c) => c.familyName),
    rows.map((c) => c.partnerNamePrefix),
    rows.map((c) => c.partnerName),
    rows.map((c) => c.nameUsage),
    ctx.stamp,
  ];
  const found = await ctx.sql.query<{ id: string; bsn: string; inserted: boolean | null }>(
    upsert,
    params,
  );
  const inserted = found.filter((r) => r.inserted === true).length;
  return {
    ids: new Map(found.map((r) => [r.bsn, r.id])),
    inserted,
    updated: found.filter((r) => r.inserted === false).length,
  };
}
