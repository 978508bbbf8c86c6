// Helpers for the import tests: run an import in process with a silent progress display and
// collected rejections, write variants of the example extracts, and dump the data tables in a
// canonical form (natural keys instead of generated ids) to compare two databases.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createAuditTrail } from '../../src/audit/auditTrail.ts';
import type { ExtractFormat } from '../../src/ingest/extract.ts';
import type { Problem } from '../../src/ingest/formats/readItem.ts';
import type { Registry } from '../../src/ingest/model.ts';
import { runImport } from '../../src/ingest/run.ts';
import type { Database } from '../../src/store/database.ts';

export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));

export async function importFile(
  database: Database,
  path: string,
  registry: Registry,
  format: ExtractFormat = path.endsWith('.csv') ? 'csv' : 'ndjson',
) {
  const rejected: { line: number; problems: Problem[] }[] = [];
  const summary = await runImport({
    database,
    audit: createAuditTrail(database, 2),
    registry,
    format,
    path,
    progress: () => ({ update() {}, log() {}, stop() {} }),
    rejects: () => ({
      reject: async (line, problems) => void rejected.push({ line, problems }),
      close: async () => {},
    }),
  });
  return { summary, rejected };
}

type Row = Record<string, unknown>;

/** An NDJSON example with its header's time replaced and its rows changed by `change`. */
export async function ndjsonVariant(
  name: string,
  path: string,
  extractedAt: string,
  change: (rows: Row[]) => Row[],
): Promise<string> {
  const [header, ...lines] = (await readFile(fixture(name), 'utf8')).trim().split('\n');
  const rows = change(lines.map((l) => JSON.parse(l) as Row));
  const head = { ...JSON.parse(header!), extracted_at: extractedAt };
  await writeFile(path, [head, ...rows].map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

/** Row ids and xmin of every data table: equal before and after means nothing was written. */
export async function rowVersions(database: Database): Promise<string[]> {
  const tables = [
    'citizen',
    'organization',
    'professional',
    'professional_role',
    'location',
    'vaccine_product',
    'vaccination',
  ];
  const rows = await database.withConnection((sql) =>
    sql.query<{ v: string }>(
      tables
        .map((t) => `SELECT '${t}:' || id || ':' || xmin::text AS v FROM ${t}`)
        .join(' UNION ALL '),
    ),
  );
  return rows.map((r) => r.v).sort();
}

/**
 * The data tables with generated ids replaced by the natural keys they stand for, sorted: two
 * databases that hold the same data give the same dump, timestamps and versions included.
 */
export async function canonicalDump(database: Database): Promise<Record<string, unknown[]>> {
  const queries: Record<string, string> = {
    citizen: `SELECT to_jsonb(c) - 'id' AS row FROM citizen c ORDER BY bsn`,
    organization: `SELECT to_jsonb(o) - 'id' AS row FROM organization o ORDER BY ura, agb`,
    professional: `SELECT to_jsonb(p) - 'id' AS row FROM professional p ORDER BY uzi, agb, big`,
    professional_role: `
      SELECT to_jsonb(r) - 'id' - 'professional_id' - 'organization_id'
        || jsonb_build_object('professional', p.uzi || '/' || p.agb || '/' || p.big,
             'organization', o.ura) AS row
      FROM professional_role r JOIN professional p ON p.id = r.professional_id
        LEFT JOIN organization o ON o.id = r.organization_id ORDER BY r.role_key`,
    location: `
      SELECT to_jsonb(l) - 'id' - 'managing_organization_id'
        || jsonb_build_object('organization', o.ura) AS row
      FROM location l LEFT JOIN organization o ON o.id = l.managing_organization_id
      ORDER BY l.source_key`,
    vaccine_product: `SELECT to_jsonb(p) - 'id' AS row FROM vaccine_product p
      ORDER BY product_key`,
    vaccination: `
      SELECT to_jsonb(v) - 'id' - 'citizen_id' - 'product_id' - 'performer_organization_id'
          - 'performer_role_id' - 'location_id'
        || jsonb_build_object('citizen', c.bsn, 'product', p.product_key,
             'organization', o.ura, 'role', r.role_key, 'location', l.source_key) AS row
      FROM vaccination v JOIN citizen c ON c.id = v.citizen_id
        JOIN vaccine_product p ON p.id = v.product_id
        LEFT JOIN organization o ON o.id = v.performer_organization_id
        LEFT JOIN professional_role r ON r.id = v.performer_role_id
        LEFT JOIN location l ON l.id = v.location_id
      ORDER BY v.source, v.source_record_id`,
  };
  const dump: Record<string, unknown[]> = {};
  await database.withConnection(async (sql) => {
    for (const [table, query] of Object.entries(queries)) {
      dump[table] = (await sql.query<{ row: unknown }>(query)).map((r) => r.row);
    }
  });
  return dump;
}
