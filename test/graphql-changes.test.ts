import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citizen, Vaccination } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { startGraphQLServer, type GraphQLServer } from './support/graphqlServer.ts';
import { seedCitizen, seedReferences, seedVaccination } from './support/vaccinationFixtures.ts';

const CORRECT = `mutation($input: CorrectVaccinationInput!) {
  correctVaccination(input: $input) { id version lotNumber note product { id } } }`;
const RETRACT = `mutation($input: RetractVaccinationInput!) {
  retractVaccination(input: $input) {
    id version status retractedAt retractionReason disclosable } }`;

describe.each(databaseKinds)('GraphQL corrections and retractions on %s', (kind) => {
  let server: GraphQLServer;
  let citizen: Citizen;
  let record: Vaccination;

  const changesOf = (id: string) =>
    server.prisma.auditEntry
      .findMany({
        where: { action: { in: ['vaccination.correct', 'vaccination.retract'] } },
        orderBy: { id: 'asc' },
      })
      .then((entries) => entries.filter((e) => JSON.stringify(e.disclosed).includes(id)));

  beforeAll(async () => {
    server = await startGraphQLServer(kind);
    citizen = await seedCitizen(server.prisma, { birthDate: new Date('1980-04-04') });
    record = await seedVaccination(server.prisma, citizen.id, { lotNumber: 'AB123' });
  });
  afterAll(async () => server?.close());

  it('corrects at the expected version and refuses a stale one with CONFLICT', async () => {
    const { product } = await seedReferences(server.prisma, 'corrected');
    const input = {
      id: record.id,
      expectedVersion: 1,
      changes: { lotNumber: 'AB124', note: 'typo in lot', productId: product.id },
      reason: 'lot number misread at import',
    };
    const first = await server.post(CORRECT, { token: 'test-registrar', variables: { input } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.correctVaccination).toEqual({
      id: record.id,
      version: 2,
      lotNumber: 'AB124',
      note: 'typo in lot',
      product: { id: product.id },
    });

    const stale = await server.post(CORRECT, {
      token: 'test-registrar',
      variables: { input: { ...input, changes: { lotNumber: 'ZZ999' } } },
    });
    expect(stale.body.data).toBeNull();
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const stored = await server.prisma.vaccination.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ version: 2, lotNumber: 'AB124' });

    const entries = await changesOf(record.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: 'test-registrar',
      citizenId: citizen.id,
      outcome: 'SUCCESS',
      disclosed: { fields: ['lotNumber', 'note', 'productId'], version: { from: 1, to: 2 } },
    });
  });

  it('wants a reason and a change, and leaves retraction to retractVaccination', async () => {
    const attempt = (changes: object, reason = 'because') =>
      server.post(CORRECT, {
        token: 'test-registrar',
        variables: { input: { id: record.id, expectedVersion: 2, changes, reason } },
      });
    for (const response of [
      await attempt({ note: 'x' }, '   '),
      await attempt({}),
      await attempt({ status: 'ENTERED_IN_ERROR' }),
      await attempt({ occurrence: null }),
    ]) {
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const viewer = await server.post(CORRECT, {
      variables: {
        input: { id: record.id, expectedVersion: 2, changes: { note: 'x' }, reason: 'r' },
      },
    });
    expect(viewer.status).toBe(403);
    expect(viewer.body.data).toBeUndefined();
    const stored = await server.prisma.vaccination.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored.version).toBe(2);
  });

  it('retracts: entered in error, no longer disclosable, and final', async () => {
    const before = await server.post(`query($id: ID!) { vaccination(id: $id) { disclosable } }`, {
      variables: { id: record.id },
    });
    expect(before.body.data?.vaccination).toEqual({ disclosable: true });

    const input = { id: record.id, expectedVersion: 2, reason: 'administered to someone else' };
    const retracted = await server.post(RETRACT, { token: 'test-registrar', variables: { input } });
    expect(retracted.body.errors).toBeUndefined();
    expect(retracted.body.data?.retractVaccination).toMatchObject({
      version: 3,
      status: 'ENTERED_IN_ERROR',
      retractionReason: 'administered to someone else',
      disclosable: false,
    });
    expect(retracted.body.data?.retractVaccination).toHaveProperty(
      'retractedAt',
      expect.any(String),
    );

    const again = await server.post(RETRACT, {
      token: 'test-registrar',
      variables: { input: { ...input, expectedVersion: 3 } },
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const correction = await server.post(CORRECT, {
      token: 'test-registrar',
      variables: {
        input: { id: record.id, expectedVersion: 3, changes: { note: 'x' }, reason: 'r' },
      },
    });
    expect(correction.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await changesOf(record.id)).map((e) => e.action)).toEqual([
      'vaccination.correct',
      'vaccination.retract',
    ]);
  });

  it('commits a change only together with its audit entry', async () => {
    const other = await seedVaccination(server.prisma, citizen.id);
    // The audit trail refuses this one entry; the retraction must then not happen either.
    await server.services.database.withConnection((c) =>
      c.exec(`
        CREATE FUNCTION refuse_retract_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$;
        CREATE TRIGGER refuse_retract_audit BEFORE INSERT ON audit_entry FOR EACH ROW
        WHEN (NEW.action = 'vaccination.retract') EXECUTE FUNCTION refuse_retract_audit();`),
    );
    try {
      const response = await server.post(RETRACT, {
        token: 'test-registrar',
        variables: { input: { id: other.id, expectedVersion: 1, reason: 'duplicate' } },
      });
      expect(response.body.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(response.body)).not.toMatch(/audit store|INSERT|trigger/i);
      expect(server.rawLogs()).toMatch(/graphql\.internal_error.*audit store unavailable/);
      const stored = await server.prisma.vaccination.findUniqueOrThrow({ where: { id: other.id } });
      expect(stored).toMatchObject({ version: 1, status: 'COMPLETED', retractedAt: null });
    } finally {
      await server.services.database.withConnection((c) =>
        c.exec(`DROP TRIGGER refuse_retract_audit ON audit_entry;
                DROP FUNCTION refuse_retract_audit();`),
      );
    }
  });
});
