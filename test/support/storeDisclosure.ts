// Test-only: stores neutral-model citizens (src/fhir/mapping/model.ts, e.g. from fromFhir.ts)
// with Prisma, so the FHIR face can serve them. The importer's writer (src/ingest/write/) takes
// registry records keyed by BSN and keeps no organisation addresses, telecom or type, nor a
// location's telecom or managing organisation; the Nictiz examples carry all of those, so this
// small writer stores the model as it is. Database ids are new; `ids` maps model ids to them.
import type * as model from '../../src/fhir/mapping/model.ts';
import { codeSystems } from '../../src/fhir/mapping/codeSystems.ts';
import type { Prisma, PrismaClient } from '../../src/store/generated/client.ts';

type Json = Prisma.InputJsonValue;

export interface StoredCitizen {
  citizenId: string;
  /** Model id (of any row) → database id. */
  ids: Map<string, string>;
}

const coding = (c: model.Maybe<model.Coding>): Json | undefined =>
  c ? { system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) } : undefined;
const codings = (list: model.Coding[]): Json => list.map((c) => coding(c)!);
const addresses = (list: model.Address[]): Json => list.map((a) => JSON.parse(JSON.stringify(a)));
const telecom = (list: model.ContactPoint[]): Json =>
  list.map((c) => ({ system: c.system, value: c.value, ...(c.use ? { use: c.use } : {}) }));

export async function storeDisclosure(
  prisma: PrismaClient,
  d: model.CitizenDisclosure,
  bsn: string,
): Promise<StoredCitizen> {
  const ids = new Map<string, string>();
  const citizen = await prisma.citizen.create({
    data: {
      bsn,
      birthDate: new Date(d.birthDate),
      gender: d.gender,
      givenNames: d.name.givenNames ?? null,
      initials: d.name.initials ?? null,
      callName: d.name.callName ?? null,
      familyNamePrefix: d.name.familyNamePrefix ?? null,
      familyName: d.name.familyName,
      partnerNamePrefix: d.name.partnerNamePrefix ?? null,
      partnerName: d.name.partnerName ?? null,
      nameUsage: d.name.usage,
    },
  });
  ids.set(d.id, citizen.id);

  const organization = async (o: model.Organization) => {
    const data = {
      name: o.name,
      ura: o.ura ?? null,
      agb: o.agb ?? null,
      type: coding(o.type),
      address: addresses(o.addresses),
      telecom: telecom(o.telecom),
    };
    const row = o.ura
      ? await prisma.organization.upsert({ where: { ura: o.ura }, create: data, update: {} })
      : await prisma.organization.create({ data });
    ids.set(o.id, row.id);
    return row.id;
  };

  for (const v of d.vaccinations) {
    const performerOrganizationId = v.performerOrganization
      ? await organization(v.performerOrganization)
      : null;
    let performerRoleId: string | null = null;
    if (v.performer) {
      const p = v.performer.professional;
      const professional = await prisma.professional.create({
        data: {
          agb: p.agb ?? null,
          uzi: p.uzi ?? null,
          big: p.big ?? null,
          givenName: p.givenName ?? null,
          initials: p.initials ?? null,
          namePrefix: p.namePrefix ?? null,
          familyName: p.familyName ?? null,
        },
      });
      const org = v.performer.organization ? await organization(v.performer.organization) : null;
      const role = await prisma.professionalRole.create({
        data: {
          professionalId: professional.id,
          organizationId: org,
          specialty: coding(v.performer.specialty),
          roleKey: `test:${v.performer.id}:${professional.id}`,
        },
      });
      ids.set(p.id, professional.id);
      ids.set(v.performer.id, role.id);
      performerRoleId = role.id;
    }
    let locationId: string | null = null;
    if (v.location) {
      const l = v.location;
      const managing = l.managingOrganization ? await organization(l.managingOrganization) : null;
      const row = await prisma.location.upsert({
        where: { sourceKey: `test:${l.id}` },
        create: {
          sourceKey: `test:${l.id}`,
          name: l.name ?? null,
          address: addresses(l.addresses),
          telecom: telecom(l.telecom),
          managingOrganizationId: managing,
        },
        update: {},
      });
      ids.set(l.id, row.id);
      locationId = row.id;
    }
    const productId = await product(prisma, v.product);
    ids.set(v.product.id, productId);
    const row = await prisma.vaccination.create({
      data: {
        citizenId: citizen.id,
        source: v.source,
        sourceRecordId: v.sourceRecordId,
        status: v.status,
        productId,
        occurrence: new Date(v.occurrence),
        occurrencePrecision: v.occurrencePrecision,
        doseNumber: v.doseNumber ?? null,
        lotNumber: v.lotNumber ?? null,
        route: coding(v.route),
        site: coding(v.site),
        laterality: coding(v.laterality),
        doseQuantity: v.doseQuantity ? String(v.doseQuantity.value) : null,
        doseUnit: v.doseQuantity?.unit ?? null,
        performerOrganizationId,
        performerRoleId,
        locationId,
        targetDiseases: codings(v.targetDiseases),
        reasonMotives: codings(v.reasonMotives),
        reasonIndications: codings(v.reasonIndications),
        note: v.note ?? null,
        consentToShare: v.source === 'CIMS' ? true : null,
        recordedAt: new Date(),
      },
    });
    ids.set(v.id, row.id);
  }
  return { citizenId: citizen.id, ids };
}

const productColumns: Record<string, 'hpk' | 'prk' | 'gpk' | 'zi' | 'snomed' | 'atc'> = {
  [codeSystems.gstdHpk]: 'hpk',
  [codeSystems.gstdPrk]: 'prk',
  [codeSystems.gstdGpk]: 'gpk',
  [codeSystems.gstdZi]: 'zi',
  [codeSystems.snomed]: 'snomed',
  [codeSystems.atc]: 'atc',
};

async function product(prisma: PrismaClient, p: model.VaccineProduct): Promise<string> {
  const columns: Record<string, string | null> = {};
  for (const c of p.codings) {
    const column = productColumns[c.system];
    if (!column || columns[column]) continue;
    columns[column] = c.code;
    if (column === 'snomed') columns.snomedDisplay = c.display ?? null;
    if (column === 'atc') columns.atcDisplay = c.display ?? null;
  }
  const data = {
    productKey: p.id,
    display: p.display,
    description: p.description ?? null,
    ...columns,
  };
  const row = await prisma.vaccineProduct.upsert({
    where: { productKey: p.id },
    create: data,
    update: {},
  });
  return row.id;
}
