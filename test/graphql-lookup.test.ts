import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citizen, Vaccination } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { startGraphQLServer, type GraphQLServer } from './support/graphqlServer.ts';
import { seedCitizen, seedVaccination, seedVaccinations } from './support/vaccinationFixtures.ts';

const NESTED = `query Nested($id: ID!) {
  citizen(id: $id) {
    id
    vaccinations {
      id occurrence doseNumber disclosable
      route { system code }
      targetDiseases { code }
      product { id display codings { system code } }
      performerOrganization { id name addresses { city } telecom { value } }
      performer { id professional { id familyName } organization { id name } }
      location { id name managingOrganization { id name } }
    }
  }
}`;

describe.each(databaseKinds)('GraphQL lookups on %s', (kind) => {
  let server: GraphQLServer;
  let few: Citizen;
  let many: Citizen;
  let fewRecords: Vaccination[];
  let manyRecords: Vaccination[];

  beforeAll(async () => {
    server = await startGraphQLServer(kind);
    const { prisma } = server;
    few = await seedCitizen(prisma, {
      birthDate: new Date('1990-05-17'),
      familyNamePrefix: 'de',
      familyName: 'Vries',
      partnerNamePrefix: 'van',
      partnerName: 'Dam',
      nameUsage: 'PARTNER_OWN',
    });
    many = await seedCitizen(prisma, { birthDate: new Date('1985-01-02') });
    fewRecords = [
      await seedVaccination(prisma, few.id, { occurrence: new Date('1995-06-01T09:00:00Z') }),
      await seedVaccination(prisma, few.id, {
        occurrence: new Date('2001-02-01T09:00:00Z'),
        status: 'NOT_DONE',
      }),
      await seedVaccination(prisma, few.id, {
        source: 'CIMS',
        consentToShare: true,
        occurrence: new Date('2021-05-26T10:15:00Z'),
      }),
    ];
    manyRecords = await seedVaccinations(prisma, many.id, 30);
  });
  afterAll(async () => server?.close());

  it('finds a citizen by BSN and by internal id', async () => {
    const byBsn = await server.post(
      `query($bsn: String) { citizen(bsn: $bsn) { id bsn age birthDate name { formatted } } }`,
      { variables: { bsn: few.bsn } },
    );
    expect(byBsn.status).toBe(200);
    expect(byBsn.body.errors).toBeUndefined();
    expect(byBsn.body.data?.citizen).toMatchObject({
      id: few.id,
      bsn: few.bsn,
      birthDate: '1990-05-17',
      name: { formatted: 'J. van Dam-de Vries' },
    });
    const byId = await server.post(`{ citizen(id: "${many.id}") { id age } }`);
    expect(byId.body.data?.citizen).toMatchObject({ id: many.id });
    const unknown = await server.post(
      `{ citizen(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(unknown.body).toEqual({ data: { citizen: null } });
  });

  it('refuses an invalid BSN without repeating it, and wants exactly one key', async () => {
    const invalid = await server.post(`{ citizen(bsn: "123456788") { id } }`);
    expect(invalid.body.data?.citizen).toBeNull();
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.body)).not.toContain('123456788');

    const both = await server.post(`{ citizen(id: "${few.id}", bsn: "${few.bsn}") { id } }`);
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await server.post(`{ citizen { id } }`);
    expect(neither.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters vaccinations by source, period and status', async () => {
    const query = `query($id: ID!, $f: VaccinationFilter) {
      citizen(id: $id) { vaccinations(filter: $f) { id } } }`;
    const ids = async (f: Record<string, unknown>) => {
      const { body } = await server.post(query, { variables: { id: few.id, f } });
      const citizen = body.data?.citizen as { vaccinations: { id: string }[] };
      return citizen.vaccinations.map((v) => v.id);
    };
    const [first, second, third] = fewRecords.map((v) => v.id);
    expect(await ids({})).toEqual([first, second, third]);
    expect(await ids({ source: 'CIMS' })).toEqual([third]);
    expect(await ids({ occurredFrom: '2000-01-01T00:00:00Z' })).toEqual([second, third]);
    expect(await ids({ occurredBefore: '2001-02-01T09:00:00Z' })).toEqual([first]);
    expect(await ids({ status: ['NOT_DONE'] })).toEqual([second]);
    expect(await ids({ status: ['COMPLETED'], source: 'PRAEVENTIS' })).toEqual([first]);
  });

  it('runs a bounded number of SQL statements for 3 and for 30 vaccinations', async () => {
    const run = async (citizen: Citizen) => {
      server.sql.reset();
      const { body } = await server.post(NESTED, { variables: { id: citizen.id } });
      expect(body.errors).toBeUndefined();
      const vaccinations = (body.data?.citizen as { vaccinations: unknown[] }).vaccinations;
      return { vaccinations, sql: [...server.sql.statements], from: server.sql.from };
    };
    const small = await run(few);
    const large = await run(many);
    expect(small.vaccinations).toHaveLength(3);
    expect(large.vaccinations).toHaveLength(30);
    expect(large.vaccinations[29]).toMatchObject({
      product: { id: manyRecords[29]?.productId },
      performer: { professional: { familyName: 'Arts' } },
    });
    // At most one statement per table, however many vaccinations. The audit entry is written
    // on a connection of its own (see auditTrail.ts), outside this count; other tests here
    // check that it is written.
    const tables = [
      'citizen',
      'vaccination',
      'vaccine_product',
      'organization',
      'professional',
    ].concat(['professional_role', 'location']);
    for (const { from, sql } of [small, large]) {
      for (const table of tables) expect(from(table).length).toBeLessThanOrEqual(1);
      expect(sql.length).toBeLessThanOrEqual(tables.length);
    }
    // Read once, the rows the vaccinations refer to are shared by later requests while they
    // stay unchanged: a repeat reads the citizen and the vaccinations only.
    const again = await run(many);
    expect(again.vaccinations).toEqual(large.vaccinations);
    expect(again.sql).toHaveLength(2);
  });

  it('answers _entities with one statement per entity type', async () => {
    const representations = [
      { __typename: 'Citizen', id: few.id },
      { __typename: 'Citizen', id: many.id },
      ...manyRecords.map((v) => ({ __typename: 'Vaccination', id: v.id })),
      ...manyRecords.slice(0, 10).map((v) => ({ __typename: 'VaccineProduct', id: v.productId })),
      ...manyRecords.slice(0, 10).map((v) => ({
        __typename: 'Organization',
        id: v.performerOrganizationId,
      })),
    ];
    server.sql.reset();
    const { body } = await server.post(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        __typename
        ... on Citizen { id }
        ... on Vaccination { id status }
        ... on VaccineProduct { id display }
        ... on Organization { id name }
      } }`,
      { variables: { r: representations } },
    );
    expect(body.errors).toBeUndefined();
    const entities = body.data?._entities as { id: string }[];
    expect(entities.map((e) => e.id)).toEqual(representations.map((r) => r.id));
    for (const table of ['citizen', 'vaccination', 'vaccine_product', 'organization']) {
      expect(server.sql.from(table)).toHaveLength(1);
    }
  });

  it('lists every product code with its FHIR system, and finds organisations', async () => {
    const { body } = await server.post(
      `query($id: ID!) { vaccineProduct(id: $id) { hpk codings { system code display } } }`,
      { variables: { id: manyRecords[0]?.productId } },
    );
    const product = body.data?.vaccineProduct as { hpk: string; codings: unknown[] };
    expect(product.codings).toEqual([
      { system: 'urn:oid:2.16.840.1.113883.2.4.4.7', code: product.hpk, display: null },
      { system: 'http://snomed.info/sct', code: '836398006', display: 'Poliovirus vaccine' },
      { system: 'http://www.whocc.no/atc', code: 'J07BF03', display: null },
    ]);
    const organizations = await server.post(
      `{ organizations(name: "ggd", first: 5) { id name type { code } } }`,
    );
    expect(organizations.body.data?.organizations).toHaveLength(5);
    const byUra = await server.post(
      `query($ura: String) { organization(ura: $ura) {
      id addresses { line city } telecom { system value } } }`,
      {
        variables: { ura: (await server.prisma.organization.findFirstOrThrow()).ura },
      },
    );
    expect(byUra.body.data?.organization).toMatchObject({
      addresses: [{ line: ['Dorpsstraat 1'], city: 'Bilthoven' }],
      telecom: [{ system: 'phone', value: '030 274 9111' }],
    });
  });

  it('serves its SDL to the router as a Federation 2 subgraph', async () => {
    const { body } = await server.post(`{ _service { sdl } }`, { token: 'test-auditor' });
    const sdl = (body.data?._service as { sdl: string }).sdl;
    for (const entity of ['Citizen', 'Vaccination', 'Organization', 'VaccineProduct']) {
      expect(sdl).toMatch(new RegExp(`type ${entity} @key\\(fields: "id"\\)`));
    }
  });

  it('writes one audit entry per citizen read, with request ids and without a BSN', async () => {
    const read = await server.post(
      `query($bsn: String) { citizen(bsn: $bsn) { id name { formatted } vaccinations { id } } }`,
      { variables: { bsn: few.bsn }, headers: { 'x-correlation-id': 'corr-audit-1' } },
    );
    const requestId = read.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const entries = await server.prisma.auditEntry.findMany({ where: { requestId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorKind: 'STAFF',
      actorId: 'test-viewer',
      citizenId: few.id,
      action: 'citizen.read',
      outcome: 'SUCCESS',
      correlationId: 'corr-audit-1',
      disclosed: { Citizen: [few.id], Vaccination: { count: 3 } },
    });

    const all = JSON.stringify(await server.prisma.auditEntry.findMany(), (_k, v) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    expect(all).not.toContain(few.bsn);
    expect(all).not.toContain(many.bsn);
    expect(server.rawLogs()).not.toContain(few.bsn);
  });

  it('lets auditors page through the trail newest first and verify it', async () => {
    const page = (after?: string) =>
      server.post(
        `query($f: AuditFilter, $after: String) {
          auditEntries(filter: $f, first: 1, after: $after) {
            entries { id citizenId action disclosed } nextCursor } }`,
        { token: 'test-auditor', variables: { f: { citizenId: few.id }, after } },
      );
    const first = (await page()).body.data?.auditEntries as {
      entries: { id: string; citizenId: string }[];
      nextCursor: string;
    };
    expect(first.entries).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = (await page(first.nextCursor)).body.data?.auditEntries as typeof first;
    expect(BigInt(second.entries[0]!.id)).toBeLessThan(BigInt(first.entries[0]!.id));
    expect(second.entries[0]?.citizenId).toBe(few.id);

    const verified = await server.post(`{ verifyAuditTrail { intact entriesChecked } }`, {
      token: 'test-auditor',
    });
    expect(verified.body.data?.verifyAuditTrail).toMatchObject({ intact: true });
  });

  it('answers GET with 405, so no query travels in a URL', async () => {
    const response = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { authorization: 'Bearer test-viewer' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
