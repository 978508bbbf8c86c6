// The Vaccinatie-Immunisatie 1.0 rendering of the one vaccination mapping, checked with the
// validation harness: every resource it renders from the neutral fixtures validates against its
// 1.0 profile (nl-core-Vaccination-event, nl-core-PharmaceuticalProduct, nl-core-*), passes the
// qualification assertions and survives FHIR XML; it gives the same vaccinations as 2.0; the
// zib2020 1.0 examples pass the harness; and a bare search of either base resolves every
// reference inside its Bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchset } from '../src/fhir/bundle.ts';
import { parseXml, serialize } from '../src/fhir/format/serialize.ts';
import { includedResources, includesFor, referencesIn } from '../src/fhir/includes.ts';
import { fromProductConcept } from '../src/fhir/mapping/datatypes.ts';
import {
  immunizationIncludes,
  renderDisclosure,
  type ImmunizationInclude,
} from '../src/fhir/mapping/disclosure.ts';
import type * as model from '../src/fhir/mapping/model.ts';
import {
  vaccinationImmunization1 as imm10,
  vaccinationImmunization2 as imm20,
  type Rendering,
} from '../src/fhir/mapping/rendering.ts';
import type { AnyResource, Immunization, Medication } from '../src/fhir/r4.ts';
import {
  codes,
  covidVaccination,
  daan,
  dktpVaccination,
  jeugdarts,
  johanna,
} from './support/fhirFixtures.ts';
import {
  errorsOf,
  fhirMaterial,
  qualificationIssues,
  validateResource,
} from './support/fhirValidator.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What only 1.0 treats differently: a product known by SNOMED CT alone, non-UCUM dose units. */
const variants: model.CitizenDisclosure = {
  ...johanna,
  vaccinations: [
    {
      ...covidVaccination,
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70',
      sourceRecordId: 'CIMS-2022-100001',
      product: { id: 'snomed-only', display: 'COVID-19-VACCIN', codings: [codes.covidSnomed] },
      doseQuantity: { value: 1, unit: 'dosis' },
      performer: jeugdarts,
      note: 'Boosterprik.',
    },
    {
      ...dktpVaccination,
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e71',
      sourceRecordId: 'P-20060101-0001',
      doseQuantity: { value: 1, unit: 'internationale eenheid' },
    },
  ],
};

const citizens = [johanna, daan, variants];
const rendered = (r: Rendering) => citizens.map((c) => renderDisclosure(c, r));
const [johanna10, daan10, variants10] = rendered(imm10);
const all10 = rendered(imm10).flatMap((d) => [...d.immunizations, ...d.related.values()]);
const labelled = all10.map((r) => [`${r.resourceType}/${r.id}`, r] as const);
const ofType = <T extends AnyResource>(type: string) =>
  all10.filter((r) => r.resourceType === type) as unknown as T[];
const messages = (resource: object) =>
  errorsOf(validateResource(resource)).map((i) => `${i.path}: ${i.message}`);

const profileKey = {
  Immunization: 'immunization',
  Medication: 'medication',
  Patient: 'patient',
  Organization: 'organization',
  Location: 'location',
  Practitioner: 'practitioner',
  PractitionerRole: 'practitionerRole',
} as const;

describe('the Vaccinatie-Immunisatie 1.0 rendering', () => {
  it('gives every kind of resource exactly its unversioned 1.0 profile', () => {
    for (const r of all10) {
      const key = profileKey[r.resourceType as keyof typeof profileKey];
      expect((r as Immunization).meta.profile).toEqual([imm10.profiles[key]]);
    }
    expect(new Set(all10.map((r) => r.resourceType))).toEqual(new Set(Object.keys(profileKey)));
    expect(imm10.profiles.immunization).toBe(
      'http://nictiz.nl/fhir/StructureDefinition/nl-core-Vaccination-event',
    );
    expect(imm10.profiles.medication).toBe(
      'http://nictiz.nl/fhir/StructureDefinition/nl-core-PharmaceuticalProduct',
    );
  });

  it.each(labelled)('renders %s valid against its 1.0 profile', (_label, resource) => {
    expect(messages(resource)).toEqual([]);
  });

  it.each(labelled)('renders %s so that it passes the qualification', (_label, resource) => {
    expect(qualificationIssues(resource)).toEqual([]);
  });

  it.each(labelled)('renders %s so that XML and back loses nothing', (_label, resource) => {
    expect(parseXml(serialize(resource, 'xml').body)).toEqual(resource);
  });

  it('refers to its Medication through ext-Vaccination.PharmaceuticalProduct', () => {
    for (const imm of ofType<Immunization>('Immunization')) {
      expect(imm.extension?.map((e) => e.url)).toEqual([
        'http://nictiz.nl/fhir/StructureDefinition/ext-Vaccination.PharmaceuticalProduct',
      ]);
      const ref = imm.extension?.[0]?.valueReference;
      expect(ref?.type).toBe('Medication');
      const medication = all10.find((r) => `Medication/${r.id}` === ref?.reference) as Medication;
      expect(medication.code).toEqual(imm.vaccineCode);
    }
  });

  it('names the performer in the administrator slice: function AP, organisation or role', () => {
    const performers = ofType<Immunization>('Immunization').flatMap((i) => i.performer ?? []);
    expect(new Set(performers.map((p) => p.actor.type))).toEqual(
      new Set(['Organization', 'PractitionerRole']),
    );
    for (const p of performers) {
      expect(p.function?.coding).toEqual([
        {
          system: 'http://terminology.hl7.org/CodeSystem/v2-0443',
          code: 'AP',
          display: 'Administering Provider',
        },
      ]);
    }
  });

  it('meets the required product bindings, adding ATC J07 only where no bound code exists', () => {
    const systems = (imm: Immunization | undefined) =>
      imm?.vaccineCode.coding?.map((c) => `${c.system}|${c.code}`);
    const atcJ07 = 'http://www.whocc.no/atc|J07';
    expect(systems(johanna10!.immunizations[0])).toEqual([
      'urn:oid:2.16.840.1.113883.2.4.4.7|2924528',
      'http://snomed.info/sct|28531000087107',
    ]);
    expect(systems(daan10!.immunizations[1])).toEqual([atcJ07]);
    expect(daan10!.immunizations[1]?.vaccineCode.text).toBe('HEPATITIS-A-VACCIN');
    expect(daan10!.immunizations[1]?.vaccineCode.extension).toBeUndefined();
    expect(systems(variants10!.immunizations[0])).toEqual([
      'http://snomed.info/sct|28531000087107',
      atcJ07,
    ]);
  });

  it('writes doses in UCUM only: codes where known, an annotation, or no dose at all', () => {
    const doses = [...daan10!.immunizations, ...variants10!.immunizations].map(
      (i) => i.doseQuantity,
    );
    expect(doses).toEqual([
      { value: 0.5, unit: 'ml', system: 'http://unitsofmeasure.org', code: 'mL' },
      undefined,
      { value: 1, unit: 'dosis', system: 'http://unitsofmeasure.org', code: '{dosis}' },
      undefined,
    ]);
  });

  it('takes reasons and target diseases from the nl-core copies of the 1.0 value sets', () => {
    const folder = new URL('profiles/nl-core-0.10.0-beta.1/nl-core/terminology/', fhirMaterial);
    const copies = new Map(
      readdirSync(folder).map((f) => {
        const vs = parseXml(readFileSync(new URL(f, folder), 'utf8')) as Json;
        const concepts = vs.compose.include.flatMap((i: Json) => i.concept ?? []);
        return [
          vs.url.replace(/^.*60\.131\.11\.(\d+)--.*$/, '$1'),
          concepts.map((c: Json) => c.code),
        ];
      }),
    );
    const allowed = {
      reasons: [...copies.get('4')!, ...copies.get('2')!],
      targets: copies.get('3')!,
    };
    for (const imm of ofType<Immunization>('Immunization')) {
      for (const c of (imm.reasonCode ?? []).flatMap((r) => r.coding ?? [])) {
        expect(allowed.reasons).toContain(c.code);
      }
      const targets = (imm.protocolApplied ?? []).flatMap((p) => p.targetDisease ?? []);
      for (const c of targets.flatMap((t) => t.coding ?? []))
        expect(allowed.targets).toContain(c.code);
    }
  });

  it('gives the same vaccinations as the 2.0 rendering: count, dates, products', () => {
    const summary = (r: Rendering) =>
      rendered(r).map((d) =>
        d.immunizations.map((i) => ({
          id: i.id,
          status: i.status,
          date: i.occurrenceDateTime,
          identifier: i.identifier,
          product: fromProductConcept(i.vaccineCode, r.requiredProductCode),
          name: i.vaccineCode.text,
          medication: i.extension?.[0]?.valueReference?.reference,
        })),
      );
    const v10 = summary(imm10);
    expect(v10).toEqual(summary(imm20));
    expect(v10.map((d) => d.length)).toEqual([1, 2, 2]);
    expect(v10[1]?.map((i) => i.date)).toEqual(['2005-07-21', '2019-03']);
  });

  const dktp = () => structuredClone(daan10!.immunizations[0]) as Json;
  const medication = () => structuredClone(ofType<Medication>('Medication')[0]) as Json;
  const broken: [string, () => Json, (r: Json) => void, RegExp][] = [
    [
      'a vaccineCode of SNOMED CT only',
      dktp,
      (r) => (r.vaccineCode.coding = [{ ...codes.covidSnomed }]),
      /vaccineCode: no code from required value set .*60\.121\.11\.17--/,
    ],
    [
      'a Medication.code of SNOMED CT only',
      medication,
      (r) => (r.code.coding = [{ ...codes.covidSnomed }]),
      /Medication\.code: no code from required value set .*60\.121\.11\.12--/,
    ],
    [
      'the 2.0 vaccineCode of a product known by name only',
      () => structuredClone(renderDisclosure(daan, imm20).immunizations[1]) as Json,
      (r) => (r.meta.profile = [imm10.profiles.immunization]),
      /vaccineCode: no code from required value set .*60\.121\.11\.17--/,
    ],
    [
      'a dose without UCUM',
      dktp,
      (r) => delete r.doseQuantity.system,
      /doseQuantity: Value did not match expected pattern/,
    ],
    [
      'two notes',
      dktp,
      (r) => (r.note = [{ text: 'een' }, { text: 'twee' }]),
      /note: Invalid number of values: expected 0\.\.1/,
    ],
    [
      'two administering performers',
      dktp,
      (r) => r.performer.push(r.performer[0]),
      /slice 'administrator': expected 0\.\.1, but found 2/,
    ],
  ];

  it.each(broken)('is rejected by the harness with %s', (_name, make, breakIt, expected) => {
    const resource = make();
    expect(messages(resource)).toEqual([]);
    breakIt(resource);
    expect(messages(resource).join('\n')).toMatch(expected);
  });
});

describe('the zib2020 1.0 examples', () => {
  const folder = new URL('examples/nl-core-0.10.0-beta.1/', fhirMaterial);
  const files = readdirSync(folder).sort();
  const load = (file: string) => parseXml(readFileSync(new URL(file, folder), 'utf8')) as Json;
  const qualification = (r: Json) => qualificationIssues(r).map((i) => `${i.path}: ${i.message}`);

  it('finds all eleven examples', () => expect(files).toHaveLength(11));

  it.each(files)('validates %s against its 1.0 profile', (file) => {
    expect(messages(load(file))).toEqual([]);
  });

  it('qualifies the Patient example once its plain BSN is masked', () => {
    const patient = load('nl-core-Patient-01.xml');
    expect(qualification(patient)).toEqual(['Patient.identifier[0]: unmasked BSN']);
    const masked = { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason' };
    for (const id of patient.identifier.filter((i: Json) => i.system.endsWith('/bsn'))) {
      delete id.value;
      id._value = { extension: [{ ...masked, valueCode: 'masked' }] };
    }
    expect(messages(patient)).toEqual([]);
    expect(qualification(patient)).toEqual([]);
  });

  it('finds only the known flaws of the two vaccination events in the qualification', () => {
    const event2 = load('nl-core-Vaccination-event-02.xml');
    const event3 = load('nl-core-Vaccination-event-03.xml');
    // Event 02 leaves the performer function without display; event 03 codes its route with
    // the zib value set OID the README warns about, not the G-Standaard route table.
    expect(qualification(event2)).toEqual([
      'Immunization.performer[0].function: CodeableConcept without display or text',
    ]);
    expect(qualification(event3)).toEqual([
      'Immunization.route.coding[0]: Coding system is a zib value set OID',
    ]);
    event2.performer[0].function.coding[0].display = 'Administering Provider';
    event3.route.coding[0].system = 'urn:oid:2.16.840.1.113883.2.4.4.9';
    for (const event of [event2, event3]) {
      expect(messages(event)).toEqual([]);
      expect(qualification(event)).toEqual([]);
    }
  });

  it.each(files.filter((f) => !/Patient-01|Vaccination-event/.test(f)))(
    'qualifies %s as it is',
    (file) => expect(qualification(load(file))).toEqual([]),
  );
});

describe('what a search carries beside its matches, per base', () => {
  const base = 'https://rs.dva.example.nl/63/fhir';
  const all = [...immunizationIncludes];
  const bundleFor = (
    r: Rendering,
    citizen: model.CitizenDisclosure,
    requested: ImmunizationInclude[] = [],
  ) => {
    const disclosure = renderDisclosure(citizen, r);
    const plan = includesFor(r, requested);
    return searchset({
      base,
      type: 'Immunization',
      parameters: requested.map((i) => ['_include', `Immunization:${i}`]),
      matches: disclosure.immunizations,
      includes: includedResources(plan, disclosure),
    });
  };
  const types = (bundle: ReturnType<typeof searchset>, mode: string) =>
    (bundle.entry ?? [])
      .filter((e) => e.search.mode === mode)
      .map((e) => e.resource.resourceType)
      .sort();

  it('plans everything, iterated, for a bare search, and what was asked for otherwise', () => {
    const everything = { targets: [...all, 'medication'], iterate: true };
    expect(includesFor(imm10, [])).toEqual(everything);
    expect(includesFor(imm20, [])).toEqual(everything);
    expect(includesFor(imm20, all)).toEqual({ targets: all, iterate: false });
    expect(includesFor(imm10, ['patient'])).toEqual({
      targets: ['patient', 'medication'],
      iterate: false,
    });
  });

  it.each([imm10, imm20].flatMap((r) => [johanna, daan].map((c) => [r.name, r, c] as const)))(
    'resolves every reference of a bare %s search inside the Bundle',
    (_name, r, citizen) => {
      const bundle = bundleFor(r, citizen);
      const keys = (bundle.entry ?? []).map((e) => e.fullUrl.slice(base.length + 1));
      for (const [i, e] of (bundle.entry ?? []).entries()) {
        expect(keys[i]).toBe(`${e.resource.resourceType}/${e.resource.id}`);
        const raw = JSON.stringify(e.resource).match(/"reference":"[^"]*"/g) ?? [];
        expect(referencesIn(e.resource)).toHaveLength(raw.length);
        for (const ref of referencesIn(e.resource)) expect(keys).toContain(ref);
      }
      expect(types(bundle, 'include')).toContain('Medication');
      expect(types(bundle, 'include')).toContain('Patient');
      expect(messages(bundle)).toEqual([]);
      expect(qualificationIssues(bundle)).toEqual([]);
    },
  );

  it('adds the Medications to a 1.0 search with _include, and nothing unasked to 2.0', () => {
    const includes20 = types(bundleFor(imm20, daan, all), 'include');
    const includes10 = types(bundleFor(imm10, daan, all), 'include');
    expect(includes20).toEqual(['Location', 'Patient', 'PractitionerRole']);
    expect(includes10).toEqual([
      'Location',
      'Medication',
      'Medication',
      'Patient',
      'PractitionerRole',
    ]);
    const bare10 = types(bundleFor(imm10, daan), 'include');
    expect(bare10).toEqual([
      'Location',
      'Medication',
      'Medication',
      'Organization',
      'Patient',
      'Practitioner',
      'PractitionerRole',
    ]);
  });
});
