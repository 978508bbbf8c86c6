// Writes the organisations, professionals, roles, locations and vaccine products the demo
// citizens refer to, and returns their ids by demo name. Rows that already exist (an import
// may have brought the same product) are kept and reused.
import type { Prisma } from '../../store/generated/client.ts';
import { systems } from './codes.ts';
import { productKey, products, type ProductName } from './products.ts';
import {
  locations,
  organizations,
  professionals,
  roles,
  type DemoProfessional,
  type LocationName,
  type OrganizationName,
  type ProfessionalName,
  type RoleName,
} from './providers.ts';

type Tx = Prisma.TransactionClient;

export interface ReferenceIds {
  organizations: Record<OrganizationName, string>;
  roles: Record<RoleName, string>;
  locations: Record<LocationName, string>;
  products: Record<ProductName, string>;
}

/** Demo rows carry their own key prefix, so they never meet an imported registry key. */
const locationKey = (name: string) => `demo:${name}`;

export async function writeReferences(tx: Tx): Promise<ReferenceIds> {
  const organizationIds = await writeOrganizations(tx);
  const roleIds = await writeRoles(tx, organizationIds);
  const entries = Object.entries(locations) as [LocationName, (typeof locations)[LocationName]][];
  await tx.location.createMany({
    data: entries.map(([name, l]) => ({
      sourceKey: locationKey(name),
      name: l.name,
      address: [l.address],
      managingOrganizationId: organizationIds[l.organization],
    })),
    skipDuplicates: true,
  });
  const locationRows = await tx.location.findMany({
    where: { sourceKey: { in: entries.map(([name]) => locationKey(name)) } },
  });
  return {
    organizations: organizationIds,
    roles: roleIds,
    locations: idsByName(
      entries,
      locationRows,
      ([name]) => locationKey(name),
      (r) => r.sourceKey,
    ),
    products: await writeProducts(tx),
  };
}

async function writeOrganizations(tx: Tx) {
  const entries = Object.entries(organizations) as [OrganizationName, OrganizationValue][];
  await tx.organization.createMany({
    data: entries.map(([, o]) => ({
      ura: o.ura,
      agb: o.agb,
      name: o.name,
      type: o.type,
      address: [o.address],
      telecom: [{ system: 'phone', value: o.phone, use: 'work' }],
    })),
    skipDuplicates: true,
  });
  const rows = await tx.organization.findMany({
    where: { ura: { in: entries.map(([, o]) => o.ura) } },
  });
  return idsByName(
    entries,
    rows,
    ([, o]) => o.ura,
    (r) => r.ura,
  );
}
type OrganizationValue = (typeof organizations)[OrganizationName];

async function writeRoles(tx: Tx, organizationIds: Record<OrganizationName, string>) {
  const people = Object.entries(professionals) as [ProfessionalName, DemoProfessional][];
  await tx.professional.createMany({ data: people.map(([, p]) => p), skipDuplicates: true });
  const professionalRows = await tx.professional.findMany({
    where: {
      OR: [
        { uzi: { in: people.flatMap(([, p]) => p.uzi ?? []) } },
        { agb: { in: people.flatMap(([, p]) => p.agb ?? []) } },
      ],
    },
  });
  const professionalIds = idsByName(
    people,
    professionalRows,
    ([, p]) => professionalKey(p),
    (r) => professionalKey({ uzi: r.uzi ?? undefined, agb: r.agb ?? undefined }),
  );

  const entries = Object.entries(roles) as [RoleName, (typeof roles)[RoleName]][];
  // The natural key: professional, organisation and specialty code.
  const roleKey = ([, r]: (typeof entries)[number]) =>
    [
      professionalKey(professionals[r.professional]),
      `ura:${organizations[r.organization].ura}`,
      r.specialty.code,
    ].join('|');
  await tx.professionalRole.createMany({
    data: entries.map((entry) => ({
      roleKey: roleKey(entry),
      professionalId: professionalIds[entry[1].professional],
      organizationId: organizationIds[entry[1].organization],
      specialty: entry[1].specialty,
    })),
    skipDuplicates: true,
  });
  const rows = await tx.professionalRole.findMany({
    where: { roleKey: { in: entries.map(roleKey) } },
  });
  return idsByName(entries, rows, roleKey, (r) => r.roleKey);
}

function professionalKey(p: Pick<DemoProfessional, 'uzi' | 'agb'>): string {
  return p.uzi ? `uzi:${p.uzi}` : `agb:${p.agb}`;
}

async function writeProducts(tx: Tx) {
  const entries = Object.entries(products) as [ProductName, (typeof products)[ProductName]][];
  await tx.vaccineProduct.createMany({
    data: entries.map(([, p]) => {
      const code = (system: string) => p.codings.find((c) => c.system === system);
      return {
        productKey: productKey(p),
        display: p.display,
        hpk: code(systems.hpk)?.code ?? null,
        prk: code(systems.prk)?.code ?? null,
        gpk: code(systems.gpk)?.code ?? null,
        zi: code(systems.zi)?.code ?? null,
        snomed: code(systems.snomed)?.code ?? null,
        snomedDisplay: code(systems.snomed)?.display ?? null,
        atc: code(systems.atc)?.code ?? null,
        atcDisplay: code(systems.atc)?.display ?? null,
      };
    }),
    skipDuplicates: true,
  });
  const rows = await tx.vaccineProduct.findMany({
    where: { productKey: { in: entries.map(([, p]) => productKey(p)) } },
  });
  return idsByName(
    entries,
    rows,
    ([, p]) => productKey(p),
    (r) => r.productKey,
  );
}

/** Maps each demo name to the id of the row with the same natural key. */
function idsByName<N extends string, V, R extends { id: string }>(
  entries: [N, V][],
  rows: R[],
  entryKey: (entry: [N, V]) => string,
  rowKey: (row: R) => string | null,
): Record<N, string> {
  const idByKey = new Map(rows.map((r) => [rowKey(r), r.id]));
  const result = {} as Record<N, string>;
  for (const entry of entries) {
    const id = idByKey.get(entryKey(entry));
    if (!id) throw new Error(`demo data: no row for ${entry[0]} after writing it`);
    result[entry[0]] = id;
  }
  return result;
}
