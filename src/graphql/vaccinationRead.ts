// Citizens' vaccinations in ONE statement, with the version (`xmin`) of every row they refer to,
// directly or through a role or location, so that sharedRows.ts can tell which of those rows it
// already holds. Each vaccination comes as Prisma reads it (Prisma's field names and types; a
// test compares the two). The referenced rows themselves are not read here: joined in for
// every vaccination (Prisma's `include`), they were most of the FHIR search's read cost.
import type { ArgType } from '@prisma/driver-adapter-utils';
import type { Vaccination } from '../store/generated/client.ts';
import type { RawReader } from '../store/rawReader.ts';
import type { VaccinationFilter } from './generated/resolvers.ts';
import type { SharedRowType } from './sharedRows.ts';

/** Vaccination's fields; enums are read as text, since the raw read does not know their types. */
const fields: readonly (keyof Vaccination)[] = [
  'id',
  'citizenId',
  'source',
  'sourceRecordId',
  'status',
  'productId',
  'occurrence',
  'occurrencePrecision',
  'doseNumber',
  'lotNumber',
  'route',
  'site',
  'laterality',
  'doseQuantity',
  'doseUnit',
  'performerOrganizationId',
  'performerRoleId',
  'locationId',
  'targetDiseases',
  'reasonMotives',
  'reasonIndications',
  'note',
  'consentToShare',
  'recordedAt',
  'updatedAt',
  'retractedAt',
  'retractionReason',
  'version',
  'sourceHash',
];
const enums = new Set<string>(['source', 'status', 'occurrencePrecision']);
const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A referenced row: its type, the alias of its table and where its id comes from. */
const referenced = [
  ['product', 'p', 'v.product_id'],
  ['organization', 'o', 'v.performer_organization_id'],
  ['professionalRole', 'r', 'v.performer_role_id'],
  ['professional', 'pr', 'r.professional_id'],
  ['organization', 'ro', 'r.organization_id'],
  ['location', 'l', 'v.location_id'],
  ['organization', 'lo', 'l.managing_organization_id'],
] as const satisfies readonly (readonly [SharedRowType, string, string])[];

const selected = [
  ...fields.map((f) => `v.${column(f)}${enums.has(f) ? '::text' : ''} AS "${f}"`),
  ...referenced.map(
    ([, alias, id]) => `${id} AS "${alias}.id", ${alias}.xmin::text AS "${alias}.v"`,
  ),
];

/**
 * One citizen is compared with `=`, not `= ANY`: PostgreSQL then plans the prepared statement
 * once (a generic plan), where an array parameter makes it plan the eight-table join anew at
 * every execution (see test/store-prepared-statements.test.ts).
 */
const statement = (citizens: 'one' | 'many') => `
SELECT ${selected.join(',\n  ')}
FROM vaccination v
JOIN vaccine_product p ON p.id = v.product_id
LEFT JOIN organization o ON o.id = v.performer_organization_id
LEFT JOIN professional_role r ON r.id = v.performer_role_id
LEFT JOIN professional pr ON pr.id = r.professional_id
LEFT JOIN organization ro ON ro.id = r.organization_id
LEFT JOIN location l ON l.id = v.location_id
LEFT JOIN organization lo ON lo.id = l.managing_organization_id
WHERE v.citizen_id = ${citizens === 'one' ? '$1::uuid' : 'ANY($1::uuid[])'}
  AND ($2::text IS NULL OR v.source = $2::text::source_registry)
  AND ($3::text[] IS NULL OR v.status::text = ANY($3::text[]))
  AND ($4::timestamptz IS NULL OR v.occurrence >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR v.occurrence < $5::timestamptz)
ORDER BY v.occurrence, v.id`;
/** Exported for bench/raw-read.ts, which times them through the Prisma client as well. */
export const statements = { one: statement('one'), many: statement('many') };
const text = (arity: ArgType['arity']): ArgType => ({ scalarType: 'string', arity });
const instant: ArgType = { scalarType: 'datetime', arity: 'scalar' };
const argTypes = {
  one: [text('scalar'), text('scalar'), text('list'), instant, instant],
  many: [text('list'), text('scalar'), text('list'), instant, instant],
};

export interface RowReference {
  type: SharedRowType;
  id: string;
  /** Null only if the row was not there to join, which its foreign key rules out. */
  version: string | null;
}

export interface ReadVaccination {
  row: Vaccination;
  /** Every row it refers to, with the version this statement saw. */
  references: RowReference[];
}

/** The citizens' vaccinations matching `filter`, oldest first (ties by id). */
export async function readVaccinations(
  reader: RawReader,
  citizenIds: string[],
  filter: VaccinationFilter | null | undefined,
): Promise<ReadVaccination[]> {
  const citizens = citizenIds.length === 1 ? 'one' : 'many';
  const rows = await reader.rows<Record<string, unknown>>(
    statements[citizens],
    [
      citizens === 'one' ? citizenIds[0] : citizenIds,
      filter?.source ?? null,
      filter?.status ?? null,
      filter?.occurredFrom ?? null,
      filter?.occurredBefore ?? null,
    ],
    argTypes[citizens],
  );
  return rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const field of fields) row[field] = raw[field];
    const references: RowReference[] = [];
    for (const [type, alias] of referenced) {
      const id = raw[`${alias}.id`] as string | null;
      if (id !== null) references.push({ type, id, version: raw[`${alias}.v`] as string | null });
    }
    return { row: row as unknown as Vaccination, references };
  });
}
