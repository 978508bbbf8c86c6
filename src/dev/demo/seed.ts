// Fills an empty database with the demo citizens, their vaccinations and everything those refer
// to, in one transaction: a database has either all of the demo data or none of it.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../store/generated/client.ts';
import { intramuscular } from './codes.ts';
import { demoCitizens, type DemoCitizenRow } from './expand.ts';
import { writeReferences, type ReferenceIds } from './references.ts';

/** The advisory lock that keeps two starting replicas from seeding twice ("enta", "seed"). */
const [LOCK_NAMESPACE, LOCK_KEY] = [0x656e7461, 0x5eed];

/** Seeds only when there are no citizens at all; null when it did nothing. */
export async function seedDemoDataIfEmpty(
  prisma: PrismaClient,
  today: Date = new Date(),
): Promise<{ citizens: number } | null> {
  const citizens = demoCitizens(today);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${LOCK_KEY}::int)`;
      if ((await tx.citizen.findFirst({ select: { id: true } })) !== null) return null;

      const ids = await writeReferences(tx);
      const withIds = citizens.map((c) => ({ ...c, id: randomUUID() }));
      await tx.citizen.createMany({ data: withIds.map(citizenData) });
      await tx.vaccination.createMany({
        data: withIds.flatMap((c) => vaccinationData(c, ids)),
      });
      return { citizens: withIds.length };
    },
    // PGlite runs this over one connection; generous limits keep a slow CI machine from failing.
    { maxWait: 30_000, timeout: 60_000 },
  );
}

function citizenData(c: DemoCitizenRow & { id: string }) {
  return {
    id: c.id,
    bsn: c.bsn,
    birthDate: c.birthDate,
    gender: c.gender,
    givenNames: c.name.givenNames,
    initials: c.name.initials,
    callName: c.name.callName ?? null,
    familyNamePrefix: c.name.familyNamePrefix ?? null,
    familyName: c.name.familyName,
    partnerNamePrefix: c.name.partnerNamePrefix ?? null,
    partnerName: c.name.partnerName ?? null,
    nameUsage: c.name.nameUsage ?? 'OWN',
  };
}

function vaccinationData(c: DemoCitizenRow & { id: string }, ids: ReferenceIds) {
  return c.vaccinations.map((v) => ({
    citizenId: c.id,
    source: v.source,
    sourceRecordId: v.sourceRecordId,
    status: v.status,
    productId: ids.products[v.product],
    occurrence: v.occurrence,
    occurrencePrecision: v.occurrencePrecision,
    doseNumber: v.doseNumber,
    lotNumber: v.lotNumber,
    route: intramuscular,
    site: v.site,
    laterality: v.laterality,
    doseQuantity: String(v.doseMl),
    doseUnit: 'mL',
    performerOrganizationId: v.organization ? ids.organizations[v.organization] : null,
    performerRoleId: v.role ? ids.roles[v.role] : null,
    locationId: v.location ? ids.locations[v.location] : null,
    targetDiseases: v.targetDiseases,
    reasonMotives: v.reasonMotives,
    reasonIndications: v.reasonIndications,
    note: v.note,
    consentToShare: v.consentToShare,
    recordedAt: v.recordedAt,
    updatedAt: v.retractedAt ?? v.recordedAt,
    retractedAt: v.retractedAt,
    retractionReason: v.retractionReason,
    version: v.version,
  }));
}
