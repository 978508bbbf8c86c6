// The foundation's story, end to end with real tokens from the development identity provider:
// a viewer reads a demo citizen's vaccinations, a registrar retracts one, an auditor sees both
// in the audit trail, and a request without a token gets 401 and no data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizens as demoCitizens } from '../src/dev/demo/citizens.ts';
import { databaseKinds } from './support/databases.ts';
import { devStaffToken, startDevIdpServer, type DevIdpServer } from './support/devIdpServer.ts';

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
}

describe.each(databaseKinds)('the foundation story on %s', (kind) => {
  let server: DevIdpServer;
  const bsn = demoCitizens.find((c) => c.key === 'sanne')?.bsn ?? '';

  beforeAll(async () => {
    server = await startDevIdpServer(kind, { SEED_DEMO_DATA: 'true' });
  });
  afterAll(async () => server?.close());

  async function graphql(query: string, variables: object, token?: string): Promise<Answer> {
    const response = await fetch(`${server.config.publicBaseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const read = `query ($bsn: String) {
    citizen(bsn: $bsn) { id vaccinations { id version status source disclosable } }
  }`;

  it('lets a viewer read, a registrar retract and an auditor see both', async () => {
    const viewer = await devStaffToken(server.config, 'viewer');
    const before = await graphql(read, { bsn }, viewer);
    expect(before.status).toBe(200);
    const citizen = before.body.data?.citizen as {
      id: string;
      vaccinations: { id: string; version: number; disclosable: boolean }[];
    };
    expect(citizen.vaccinations.length).toBeGreaterThan(0);
    const target = citizen.vaccinations.find((v) => v.disclosable);
    expect(target).toBeDefined();

    const registrar = await devStaffToken(server.config, 'registrar');
    const retract = `mutation ($input: RetractVaccinationInput!) {
      retractVaccination(input: $input) { id status disclosable }
    }`;
    const input = { id: target?.id, expectedVersion: target?.version, reason: 'double entry' };
    const retracted = await graphql(retract, { input }, registrar);
    expect(retracted.body.data?.retractVaccination).toMatchObject({
      status: 'ENTERED_IN_ERROR',
      disclosable: false,
    });

    const auditor = await devStaffToken(server.config, 'auditor');
    const trail = await graphql(
      `
        query ($citizenId: ID) {
          auditEntries(filter: { citizenId: $citizenId }) {
            entries {
              actorId
              action
              outcome
            }
          }
        }
      `,
      { citizenId: citizen.id },
      auditor,
    );
    const entries = (trail.body.data?.auditEntries as { entries: object[] }).entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: 'dev-viewer', outcome: 'SUCCESS' }),
        expect.objectContaining({
          actorId: 'dev-registrar',
          action: 'vaccination.retract',
          outcome: 'SUCCESS',
        }),
      ]),
    );
    expect(JSON.stringify(trail.body)).not.toContain(bsn);
    const verified = await graphql('{ verifyAuditTrail { intact } }', {}, auditor);
    expect(verified.body.data?.verifyAuditTrail).toEqual({ intact: true });
  });

  it('refuses a request without a token with 401 and no data', async () => {
    const answer = await graphql(read, { bsn });
    expect(answer.status).toBe(401);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a viewer the audit trail with 403 and no data', async () => {
    const viewer = await devStaffToken(server.config, 'viewer');
    const answer = await graphql('{ verifyAuditTrail { intact } }', {}, viewer);
    expect(answer.status).toBe(403);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
