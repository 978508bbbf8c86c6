import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaccinationFilter } from '../src/graphql/generated/resolvers.ts';
import { SHARED_ROW_LIFETIME_MS, createSharedRows } from '../src/graphql/sharedRows.ts';
import { readVaccinations } from '../src/graphql/vaccinationRead.ts';
import type { Organization, Prisma, VaccineProduct } from '../src/store/generated/client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { startGraphQLServer, type GraphQLServer } from './support/graphqlServer.ts';
import { seedCitizen, seedVaccination } from './support/vaccinationFixtures.ts';

describe.each(databaseKinds)('the vaccinations read on %s', (kind) => {
  let t: TestDatabase;
  let citizenIds: string[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const prisma = t.database.prisma;
    const a = await seedCitizen(prisma, { birthDate: new Date('1990-01-01') });
    const b = await seedCitizen(prisma, { birthDate: new Date('1980-01-01') });
    citizenIds = [a.id, b.id];
    await seedVaccination(prisma, a.id, {
      occurrence: new Date('2021-05-26T10:15:00.123Z'),
      source: 'CIMS',
      consentToShare: true,
      doseNumber: 2,
      lotNumber: 'FF1234',
      doseQuantity: '0.300',
      doseUnit: 'ml',
      site: { system: 'http://snomed.info/sct', code: '368209003', display: 'rechterbovenarm' },
      reasonMotives: [{ system: 'urn:x', code: '1', display: 'motief' }],
      note: 'met een tab\tin de tekst',
      occurrencePrecision: 'SECOND',
    });
    await seedVaccination(prisma, a.id, {
      occurrence: new Date('2001-02-01T09:00:00Z'),
      status: 'ENTERED_IN_ERROR',
      retractedAt: new Date('2002-01-01T00:00:00Z'),
      retractionReason: 'registratiefout',
      sourceHash: 'abc',
    });
    await seedVaccination(prisma, b.id, {
      occurrence: new Date('2001-02-01T09:00:00Z'),
      performerOrganizationId: null,
      performerRoleId: null,
      locationId: null,
      status: 'NOT_DONE',
    });
  });
  afterAll(async () => t?.drop());

  const filters: [VaccinationFilter | null, Prisma.VaccinationWhereInput][] = [
    [null, {}],
    [{ source: 'CIMS' }, { source: 'CIMS' }],
    [
      { status: ['NOT_DONE', 'ENTERED_IN_ERROR'] },
      { status: { in: ['NOT_DONE', 'ENTERED_IN_ERROR'] } },
    ],
    [
      { occurredFrom: new Date('2001-02-01T09:00:00Z'), occurredBefore: new Date('2021-01-01') },
      { occurrence: { gte: new Date('2001-02-01T09:00:00Z'), lt: new Date('2021-01-01') } },
    ],
  ];

  it.each(filters)('reads each vaccination as Prisma does (filter %j)', async (filter, where) => {
    const prisma = t.database.prisma;
    const read = await readVaccinations(t.database.reader, citizenIds, filter);
    const expected = await prisma.vaccination.findMany({
      where: { citizenId: { in: citizenIds }, ...where },
      orderBy: [{ occurrence: 'asc' }, { id: 'asc' }],
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(read.map((r) => r.row)).toEqual(expected);
  });

  it('reports every row a vaccination refers to, with its current version', async () => {
    const [first] = await readVaccinations(t.database.reader, citizenIds.slice(0, 1), null);
    const types = first!.references.map((r) => r.type).sort();
    expect(types).toEqual([
      'location',
      'organization',
      'organization',
      'organization',
      'product',
      'professional',
      'professionalRole',
    ]);
    const { performerOrganizationId: id } = first!.row;
    const version = () =>
      readVaccinations(t.database.reader, citizenIds.slice(0, 1), null).then(
        ([v]) => v!.references.find((r) => r.type === 'organization' && r.id === id)!.version,
      );
    const before = await version();
    expect(await version()).toBe(before);
    // Any change makes a new version, also one that leaves updated_at alone.
    await t.database.prisma.$executeRawUnsafe(
      `UPDATE organization SET name = name WHERE id = $1::uuid`,
      id,
    );
    expect(await version()).not.toBe(before);
  });
});

describe('shared rows', () => {
  const row = (name: string) => ({ id: 'x', name }) as Organization;

  it('hit only for the version they were kept with', () => {
    const shared = createSharedRows();
    shared.set('organization', 'x', '7', row('GGD'), 0);
    expect(shared.get('organization', 'x', '7', 0)?.name).toBe('GGD');
    expect(shared.get('organization', 'x', '8', 0)).toBeUndefined();
    expect(shared.get('location', 'x', '7', 0)).toBeUndefined();
    expect(Object.isFrozen(shared.get('organization', 'x', '7', 0))).toBe(true);
  });

  it('expire an hour after they were kept', () => {
    const shared = createSharedRows();
    shared.set('product', 'p', '1', { id: 'p' } as VaccineProduct, 1_000);
    expect(shared.get('product', 'p', '1', 1_000 + SHARED_ROW_LIFETIME_MS - 1)).toBeDefined();
    expect(shared.get('product', 'p', '1', 1_000 + SHARED_ROW_LIFETIME_MS)).toBeUndefined();
  });

  it('keep a bounded number per type, dropping the least recently used', () => {
    const shared = createSharedRows(2);
    shared.set('organization', 'a', '1', row('A'), 0);
    shared.set('organization', 'b', '1', row('B'), 0);
    expect(shared.get('organization', 'a', '1', 0)).toBeDefined(); // b is now the oldest
    shared.set('organization', 'c', '1', row('C'), 0);
    expect(shared.get('organization', 'b', '1', 0)).toBeUndefined();
    expect(shared.get('organization', 'a', '1', 0)).toBeDefined();
    expect(shared.get('organization', 'c', '1', 0)).toBeDefined();
  });
});

describe.each(databaseKinds)('GraphQL over shared rows on %s', (kind) => {
  let server: GraphQLServer;
  let citizenId: string;
  let organizationId: string;

  beforeAll(async () => {
    server = await startGraphQLServer(kind);
    const citizen = await seedCitizen(server.prisma, { birthDate: new Date('1990-01-01') });
    citizenId = citizen.id;
    const v = await seedVaccination(server.prisma, citizen.id);
    organizationId = v.performerOrganizationId!;
  });
  afterAll(async () => server?.close());

  const organizationName = async () => {
    const { body } = await server.post(
      `query($id: ID!) { citizen(id: $id) { vaccinations { performerOrganization { name } } } }`,
      { variables: { id: citizenId } },
    );
    expect(body.errors).toBeUndefined();
    const citizen = body.data?.citizen as {
      vaccinations: { performerOrganization: Organization }[];
    };
    return citizen.vaccinations[0]!.performerOrganization.name;
  };

  it('shows a change to a shared row at the very next request', async () => {
    const first = await organizationName();
    expect(await organizationName()).toBe(first);
    await server.prisma.organization.update({
      where: { id: organizationId },
      data: { name: 'GGD Hollands Midden' },
    });
    expect(await organizationName()).toBe('GGD Hollands Midden');
    // Written around Prisma, without touching updated_at: still seen.
    await server.prisma.$executeRawUnsafe(
      `UPDATE organization SET name = 'GGD Kennemerland' WHERE id = $1::uuid`,
      organizationId,
    );
    expect(await organizationName()).toBe('GGD Kennemerland');
  });

  it('count their hits and misses for Prometheus', async () => {
    await organizationName();
    await organizationName();
    const text = await server.services.metrics.registry.metrics();
    const count = (result: string) =>
      Number(
        new RegExp(`entpoort_shared_rows_lookups_total\\{result="${result}"\\} (\\d+)`).exec(
          text,
        )?.[1],
      );
    expect(count('hit')).toBeGreaterThan(0);
    expect(count('miss')).toBeGreaterThan(0);
    expect(text).toMatch(/entpoort_shared_rows_kept \d+/);
  });
});
