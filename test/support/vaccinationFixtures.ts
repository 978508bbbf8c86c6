// Test data written with Prisma: citizens with valid BSNs, and vaccinations that each get a
// product, organisation, professional role and location of their own, so batching shows.
import { randomUUID } from 'node:crypto';
import { isValidBsn } from '../../src/rules/bsn.ts';
import type {
  Citizen,
  Prisma,
  PrismaClient,
  Vaccination,
} from '../../src/store/generated/client.ts';

/** A random BSN that passes the 11-test. */
export function validBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    const sum = digits.reduce((total, d, i) => total + d * (9 - i), 0);
    const bsn = `${digits.join('')}${sum % 11}`;
    if (bsn.length === 9 && isValidBsn(bsn)) return bsn;
  }
}

export async function seedCitizen(
  prisma: PrismaClient,
  data: Partial<Prisma.CitizenCreateInput> & { birthDate: Date },
): Promise<Citizen> {
  return prisma.citizen.create({
    data: { bsn: validBsn(), familyName: 'Vries', familyNamePrefix: 'de', initials: 'J.', ...data },
  });
}

/** A product, organisation, professional in a role there, and a location, all new. */
export async function seedReferences(prisma: PrismaClient, label: string) {
  const key = randomUUID();
  const product = await prisma.vaccineProduct.create({
    data: {
      productKey: `test|${key}`,
      display: `Vaccine ${label}`,
      hpk: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      snomed: '836398006',
      snomedDisplay: 'Poliovirus vaccine',
      atc: 'J07BF03',
    },
  });
  const organization = await prisma.organization.create({
    data: {
      name: `GGD ${label}`,
      ura: key.slice(0, 8),
      type: { system: 'urn:oid:2.16.840.1.113883.2.4.15.1060', code: 'V6', display: 'GGD' },
      address: [{ use: 'work', line: ['Dorpsstraat 1'], city: 'Bilthoven', postalCode: '3721 MA' }],
      telecom: [{ system: 'phone', value: '030 274 9111', use: 'work' }],
    },
  });
  const professional = await prisma.professional.create({
    data: { big: key.slice(0, 11), familyName: 'Arts', initials: 'A.' },
  });
  const role = await prisma.professionalRole.create({
    data: { professionalId: professional.id, organizationId: organization.id, roleKey: key },
  });
  const location = await prisma.location.create({
    data: { sourceKey: key, name: `Priklocatie ${label}`, managingOrganizationId: organization.id },
  });
  return { product, organization, professional, role, location };
}

export async function seedVaccination(
  prisma: PrismaClient,
  citizenId: string,
  data: Partial<Prisma.VaccinationUncheckedCreateInput> = {},
): Promise<Vaccination> {
  const refs = await seedReferences(prisma, randomUUID().slice(0, 6));
  return prisma.vaccination.create({
    data: {
      citizenId,
      source: 'PRAEVENTIS',
      sourceRecordId: randomUUID(),
      productId: refs.product.id,
      occurrence: new Date('2005-03-01T10:00:00Z'),
      performerOrganizationId: refs.organization.id,
      performerRoleId: refs.role.id,
      locationId: refs.location.id,
      route: { system: 'urn:oid:2.16.840.1.113883.2.4.4.9', code: '9', display: 'intramusculair' },
      targetDiseases: [{ system: 'http://snomed.info/sct', code: '398102009', display: 'Polio' }],
      recordedAt: new Date('2005-03-02T08:00:00Z'),
      ...data,
    },
  });
}

/** `count` vaccinations a month apart from 2001 on, each with its own references. */
export async function seedVaccinations(prisma: PrismaClient, citizenId: string, count: number) {
  const rows: Vaccination[] = [];
  for (let i = 0; i < count; i += 1) {
    const occurrence = new Date(Date.UTC(2001, i, 15, 9));
    rows.push(await seedVaccination(prisma, citizenId, { occurrence, doseNumber: 1 + (i % 3) }));
  }
  return rows;
}
