// Foreign keys of the vaccinations, checked per batch instead of per row. PostgreSQL checks
// each foreign key of each inserted row with its own trigger query; with five foreign keys that
// costs several times the insert itself (measured: bench/import.ts). When the importing role
// may set session_replication_role, the import instead locks the distinct referenced rows of a
// batch FOR KEY SHARE, exactly what those triggers do, and checks they all exist, then
// writes the batch with the per-row triggers off (for those statements only, SET LOCAL).
//
// Known limit: replica mode skips every ordinary trigger on vaccination for those statements.
// There are none today; a trigger added later that must also fire for imports has to be
// declared ENABLE ALWAYS, or the import run with --reference-checks per-row.
import type { SqlConnection } from '../../store/sqlConnection.ts';
import type { BatchContext, ReferenceChecks } from './batchContext.ts';
import type { VaccinationRow } from './vaccinations.ts';

/** Whether this session may turn triggers off; the caller asked for per-batch checks. */
export async function referenceChecksFor(
  sql: SqlConnection,
  wanted: ReferenceChecks,
): Promise<ReferenceChecks> {
  if (wanted === 'per-row') return 'per-row';
  try {
    const [row] = await sql.query<{ allowed: boolean }>(
      `SELECT current_setting('is_superuser') = 'on'
          OR has_parameter_privilege('session_replication_role', 'SET') AS allowed`,
    );
    return row?.allowed ? 'per-batch' : 'per-row';
  } catch {
    return 'per-row'; // PostgreSQL before 15 has no has_parameter_privilege
  }
}

// Not the citizens: the batch's own upsert (citizens.ts) wrote or locked every one of them (ON
// CONFLICT DO UPDATE locks the existing row even when its WHERE leaves it unchanged) and
// returned their ids, so they exist until the batch commits.
const references = [
  ['vaccine_product', (r: VaccinationRow) => r.productId],
  ['organization', (r: VaccinationRow) => r.organizationId],
  ['professional_role', (r: VaccinationRow) => r.roleId],
  ['location', (r: VaccinationRow) => r.locationId],
] as const;

const lockReferences = `
WITH ${references
  .map(
    ([table], i) => `r${i} AS (SELECT 1 FROM ${table} WHERE id = ANY($${i + 1}::uuid[])
    FOR KEY SHARE)`,
  )
  .join(',\n')}
SELECT ${references.map((_, i) => `(SELECT count(*) FROM r${i})::int AS c${i}`).join(', ')}`;

/** Runs `write` with the vaccinations' foreign keys checked as ctx.referenceChecks says. */
export async function withReferenceChecks<T>(
  ctx: BatchContext,
  rows: VaccinationRow[],
  write: () => Promise<T>,
): Promise<T> {
  if (ctx.referenceChecks === 'per-row' || rows.length === 0) return write();
  const ids = references.map(([, id]) => [
    ...new Set(rows.map(id).filter((x): x is string => x !== null)),
  ]);
  const [found] = await ctx.sql.query<Record<string, number>>(lockReferences, ids);
  references.forEach(([table], i) => {
    if (found?.[`c${i}`] !== ids[i]!.length) {
      throw new Error(`a vaccination refers to a ${table} row that does not exist`);
    }
  });
  await ctx.sql.exec('SET LOCAL session_replication_role = replica');
  const result = await write();
  await ctx.sql.exec('SET LOCAL session_replication_role = origin');
  return result;
}
