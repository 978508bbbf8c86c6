import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgoActor } from '../src/auth/actor.ts';
import type { Citizen, Vaccination } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { startGraphQLServer, type GraphQLServer } from './support/graphqlServer.ts';
import { seedCitizen, seedVaccination } from './support/vaccinationFixtures.ts';

const CITIZEN = `query($id: ID) { citizen(id: $id) { id vaccinations { id } } }`;

describe.each(databaseKinds)('GraphQL access rules on %s', (kind) => {
  let server: GraphQLServer;
  let adult: Citizen;
  let other: Citizen;
  let child: Citizen;
  let shown: Vaccination[];
  let hidden: Vaccination[];
  let othersRecord: Vaccination;

  beforeAll(async () => {
    server = await startGraphQLServer(kind, {
      GRAPHQL_MAX_DEPTH: '5',
      GRAPHQL_MAX_COST: '300',
      GRAPHQL_INTROSPECTION: 'false',
    });
    const { prisma } = server;
    adult = await seedCitizen(prisma, { birthDate: new Date('2000-01-01') });
    other = await seedCitizen(prisma, { birthDate: new Date('1970-01-01') });
    child = await seedCitizen(prisma, { birthDate: new Date(Date.now() - 10 * 365.25 * 864e5) });
    shown = [
      // Vaccinated as a baby: disclosed now that the citizen is 16 or older.
      await seedVaccination(prisma, adult.id, { occurrence: new Date('2000-03-01T09:00:00Z') }),
      await seedVaccination(prisma, adult.id, { source: 'CIMS', consentToShare: true }),
    ];
    hidden = [
      await seedVaccination(prisma, adult.id, { source: 'CIMS', consentToShare: false }),
      await seedVaccination(prisma, adult.id, { source: 'CIMS', consentToShare: null }),
      await seedVaccination(prisma, adult.id, { status: 'ENTERED_IN_ERROR' }),
      await seedVaccination(prisma, adult.id, { retractedAt: new Date(), retractionReason: 'x' }),
    ];
    othersRecord = await seedVaccination(prisma, other.id);
    await seedVaccination(prisma, child.id);
  });
  afterAll(async () => server?.close());

  describe('over HTTP', () => {
    it('answers 401 with no data without a valid token', async () => {
      for (const token of [null, 'not-a-known-token']) {
        const { status, headers, body } = await server.post(CITIZEN, {
          token,
          variables: { id: adult.id },
        });
        expect(status).toBe(401);
        expect(headers.get('www-authenticate')).toBe('Bearer');
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const reads = await server.prisma.auditEntry.count({ where: { citizenId: adult.id } });
      expect(reads).toBe(0);
    });

    it('answers 403 with no data for a role that does not fit, and audits it', async () => {
      const auditor = await server.post(CITIZEN, {
        token: 'test-auditor',
        variables: { id: adult.id },
      });
      expect(auditor.status).toBe(403);
      expect(auditor.body.data).toBeUndefined();
      expect(auditor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // One field out of reach refuses the whole operation, not just that field.
      const mixed = await server.post(
        `query($id: ID) { citizen(id: $id) { id } ...Audit }
         fragment Audit on Query { auditEntries { nextCursor } }`,
        { variables: { id: adult.id } },
      );
      expect(mixed.status).toBe(403);
      expect(mixed.body.data).toBeUndefined();

      const refusals = await server.prisma.auditEntry.findMany({
        where: { action: 'graphql.refused' },
        orderBy: { id: 'asc' },
      });
      expect(refusals.map((r) => [r.actorId, r.outcome])).toEqual([
        ['test-auditor', 'DENIED'],
        ['test-viewer', 'DENIED'],
      ]);
      const reads = await server.prisma.auditEntry.count({ where: { citizenId: adult.id } });
      expect(reads).toBe(0);
    });

    it('refuses queries deeper than GRAPHQL_MAX_DEPTH, fragments included', async () => {
      const deep = `query($id: ID) { citizen(id: $id) { vaccinations { performer {
        organization { type { code } } } } } }`;
      const tooDeep = await server.post(deep, { variables: { id: adult.id } });
      expect(tooDeep.status).toBe(400);
      expect(tooDeep.body.data).toBeUndefined();
      expect(tooDeep.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

      const viaFragment = await server.post(
        `query($id: ID) { citizen(id: $id) { vaccinations { ...V } } }
         fragment V on Vaccination { performer { organization { type { code } } } }`,
        { variables: { id: adult.id } },
      );
      expect(viaFragment.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

      const justDeepEnough = await server.post(
        `query($id: ID) {
          citizen(id: $id) { vaccinations { performer { organization { id } } } } }`,
        { variables: { id: adult.id } },
      );
      expect(justDeepEnough.status).toBe(200);
      expect(justDeepEnough.body.errors).toBeUndefined();
    });

    it('refuses queries costing more than GRAPHQL_MAX_COST, counting variables', async () => {
      // Each organisation is one row: four lists of `first` rows cost 4 × first.
      const query = `query($first: Int) {
        a: organizations(name: "GGD", first: $first) { id type { code } }
        b: organizations(name: "Org", first: $first) { id }
        c: vaccineProducts(search: "Vac", first: $first) { id codings { code } }
        d: vaccineProducts(search: "Pol", first: $first) { id } }`;
      const cheap = await server.post(query, { variables: { first: 75 } });
      expect(cheap.status).toBe(200);
      expect(cheap.body.errors).toBeUndefined();
      const costly = await server.post(query, { variables: { first: 76 } });
      expect(costly.status).toBe(400);
      expect(costly.body.data).toBeUndefined();
      expect(costly.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

      // A citizen's vaccinations count as 50 rows each, whatever the citizen really has.
      const nested = `query($id: ID) { citizen(id: $id) { vaccinations {
        product { id }
        performer { professional { id } }
        location { managingOrganization { id } } } } }`;
      const refused = await server.post(nested, { variables: { id: adult.id } });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses introspection when it is switched off', async () => {
      const { status, body } = await server.post(`{ __schema { types { name } } }`);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typename = await server.post(`{ __typename }`);
      expect(typename.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('in process, for a PGO', () => {
    const pgo = (citizenId: string): PgoActor => ({
      kind: 'PGO',
      id: 'pgo.example.nl',
      citizenId,
      scope: '1',
      tokenId: 'token-1',
    });
    const run = async (
      source: string,
      variables: Record<string, unknown>,
      citizenId = adult.id,
      requestId = 'pgo-request',
    ) => {
      const ctx = server.core.createContext(pgo(citizenId), { requestId });
      return server.core.execute(server.core.prepare(source), variables, ctx);
    };

    it('returns only the disclosable records of the token citizen', async () => {
      const result = await run(
        `query($id: ID!) { citizen(id: $id) { id vaccinations { id disclosable } } }`,
        { id: adult.id },
        adult.id,
        'pgo-own',
      );
      expect(result.errors).toBeUndefined();
      const citizen = result.data?.citizen as { vaccinations: { id: string }[] };
      expect(citizen.vaccinations.map((v) => v.id).sort()).toEqual(shown.map((v) => v.id).sort());
      expect(citizen.vaccinations.every((v) => 'disclosable' in v && v.disclosable)).toBe(true);

      const entries = await server.prisma.auditEntry.findMany({ where: { requestId: 'pgo-own' } });
      expect(entries).toMatchObject([
        {
          actorKind: 'PGO',
          actorId: 'pgo.example.nl',
          citizenId: adult.id,
          action: 'citizen.read',
        },
      ]);
      expect(entries[0]?.disclosed).toMatchObject({ Vaccination: { count: shown.length } });
    });

    it('cannot reach another citizen by any root field', async () => {
      const byId = await run(CITIZEN, { id: other.id }, adult.id, 'pgo-foreign');
      expect(byId.data).toEqual({ citizen: null });
      const record = await run(`query($id: ID!) { vaccination(id: $id) { id } }`, {
        id: othersRecord.id,
      });
      expect(record.data).toEqual({ vaccination: null });
      const hiddenRecord = await run(`query($id: ID!) { vaccination(id: $id) { id } }`, {
        id: hidden[0]?.id,
      });
      expect(hiddenRecord.data).toEqual({ vaccination: null });
      const entities = await run(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Citizen { id } ... on Vaccination { id } } }`,
        {
          r: [
            { __typename: 'Citizen', id: other.id },
            { __typename: 'Vaccination', id: othersRecord.id },
            { __typename: 'Citizen', id: adult.id },
          ],
        },
      );
      expect(entities.data).toEqual({ _entities: [null, null, { id: adult.id }] });

      const denied = await server.prisma.auditEntry.findMany({
        where: { requestId: 'pgo-foreign' },
      });
      expect(denied).toMatchObject([{ citizenId: other.id, outcome: 'DENIED' }]);
    });

    it('never gets a BSN, a lookup by BSN or a staff field', async () => {
      const bsnField = await run(`query($id: ID!) { citizen(id: $id) { id bsn } }`, {
        id: adult.id,
      });
      expect(bsnField.data).toEqual({ citizen: null });
      expect(bsnField.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(bsnField)).not.toContain(adult.bsn);

      const byBsn = await run(`query($bsn: String) { citizen(bsn: $bsn) { id } }`, {
        bsn: adult.bsn,
      });
      expect(byBsn.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const audit = await run(`{ auditEntries { nextCursor } }`, {});
      expect(audit).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      expect(audit.data).toBeUndefined();

      const retract = await run(
        `mutation($id: ID!) { retractVaccination(input: {
          id: $id, expectedVersion: 1, reason: "no" }) { id } }`,
        { id: shown[0]?.id },
      );
      expect(retract.status).toBe(403);
      expect(retract.data).toBeUndefined();
      const unchanged = await server.prisma.vaccination.findUnique({ where: { id: shown[0]!.id } });
      expect(unchanged?.version).toBe(1);
    });

    it('gets nothing for a citizen under 16', async () => {
      const result = await run(CITIZEN, { id: child.id }, child.id);
      expect(result.data).toEqual({ citizen: { id: child.id, vaccinations: [] } });
    });

    it('keeps the depth limit and the introspection switch in process too', async () => {
      expect(() => server.core.prepare(`{ __schema { types { name } } }`)).toThrow(/introspection/);
      expect(() =>
        server.core.prepare(`query($id: ID) { citizen(id: $id) { vaccinations { performer {
          organization { type { code } } } } } }`),
      ).toThrow(/deep/);
    });
  });
});
