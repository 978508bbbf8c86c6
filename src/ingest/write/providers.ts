// The tables of who performed a vaccination and where: organisations (key URA, else AGB),
// professionals (key UZI, else AGB, else BIG), their roles (role_key, keys.ts) and locations
// (`<registry>:<key>`). Organisation names follow the last row; a professional's name parts,
// a location's name and address that a row leaves out are kept.
import type { Coding, IncomingOrganization, IncomingProfessional } from '../model.ts';
import { json, type BatchContext } from './batchContext.ts';
import type { IdentifiedTable } from './identified.ts';

export const organizations: IdentifiedTable<IncomingOrganization> = {
  table: 'organization',
  identifiers: ['ura', 'agb'],
  keyOf: (o) => (o.ura ? { column: 'ura', value: o.ura } : { column: 'agb', value: o.agb! }),
  identifier: (o, column) => (column === 'ura' ? o.ura : o.agb),
  data: [{ column: 'name', type: 'text', value: (o) => o.name }],
};

const name = (column: string, value: (p: IncomingProfessional) => string | null) => ({
  column,
  type: 'text',
  value,
  keep: true,
});

export const professionals: IdentifiedTable<IncomingProfessional> = {
  table: 'professional',
  identifiers: ['uzi', 'agb', 'big'],
  keyOf: (p) => {
    if (p.uzi) return { column: 'uzi', value: p.uzi };
    return p.agb ? { column: 'agb', value: p.agb } : { column: 'big', value: p.big! };
  },
  identifier: (p, column) => (column === 'uzi' ? p.uzi : column === 'agb' ? p.agb : p.big),
  data: [
    name('given_name', (p) => p.givenName),
    name('initials', (p) => p.initials),
    name('name_prefix', (p) => p.namePrefix),
    name('family_name', (p) => p.familyName),
  ],
};

export interface RoleItem {
  professionalId: string;
  organizationId: string | null;
  specialty: Coding | null;
}

export async function upsertRoles(
  ctx: BatchContext,
  roles: Map<string, RoleItem>,
): Promise<Map<string, string>> {
  if (roles.size === 0) return new Map();
  const entries = [...roles.entries()];
  await ctx.sql.query(
    `INSERT INTO professional_role AS r (role_key, professional_id, organization_id, specialty,
       created_at)
     SELECT t.*, $5::timestamptz
     FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::jsonb[])
       AS t(role_key, professional_id, organization_id, specialty)
     ON CONFLICT (role_key) DO UPDATE SET specialty = EXCLUDED.specialty
     WHERE r.specialty IS DISTINCT FROM EXCLUDED.specialty`,
    [
      entries.map(([key]) => key),
      entries.map(([, r]) => r.professionalId),
      entries.map(([, r]) => r.organizationId),
      entries.map(([, r]) => json(r.specialty)),
      ctx.stamp,
    ],
  );
  return idsOf(ctx, 'professional_role', 'role_key', entries);
}

export interface LocationItem {
  name: string | null;
  address: unknown;
  organizationId: string | null;
}

/** The managing organisation is set once, from the first row naming one; never changed. */
export async function upsertLocations(
  ctx: BatchContext,
  locations: Map<string, LocationItem>,
): Promise<Map<string, string>> {
  if (locations.size === 0) return new Map();
  const entries = [...locations.entries()];
  await ctx.sql.query(
    `INSERT INTO location AS l (source_key, name, address, managing_organization_id,
       created_at, updated_at)
     SELECT t.*, $5::timestamptz, $5::timestamptz
     FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::uuid[])
       AS t(source_key, name, address, managing_organization_id)
     ON CONFLICT (source_key) DO UPDATE SET
       name = COALESCE(EXCLUDED.name, l.name),
       address = COALESCE(EXCLUDED.address, l.address),
       managing_organization_id =
         COALESCE(l.managing_organization_id, EXCLUDED.managing_organization_id),
       updated_at = EXCLUDED.updated_at
     WHERE (l.name, l.address, l.managing_organization_id) IS DISTINCT FROM
       (COALESCE(EXCLUDED.name, l.name), COALESCE(EXCLUDED.address, l.address),
        COALESCE(l.managing_organization_id, EXCLUDED.managing_organization_id))`,
    [
      entries.map(([key]) => key),
      entries.map(([, l]) => l.name),
      entries.map(([, l]) => json(l.address)),
      entries.map(([, l]) => l.organizationId),
      ctx.stamp,
    ],
  );
  return idsOf(ctx, 'location', 'source_key', entries);
}

async function idsOf(
  ctx: BatchContext,
  table: string,
  column: string,
  entries: [string, unknown][],
) {
  const found = await ctx.sql.query<Record<string, string>>(
    `SELECT id, ${column} AS key FROM ${table} WHERE ${column} = ANY($1::text[])`,
    [entries.map(([key]) => key)],
  );
  return new Map(found.map((r) => [r.key!, r.id!]));
}
