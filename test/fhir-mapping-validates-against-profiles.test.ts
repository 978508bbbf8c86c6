// The vaccination mapping's output, checked with the validation harness: every resource it
// renders from realistic neutral-model records validates against its Nictiz profile, passes the
// Nictiz qualification assertions, and survives FHIR XML and back without loss.
import { describe, expect, it } from 'vitest';
import { assertNoBsn, searchset } from '../src/fhir/bundle.ts';
import { parseXml, serialize } from '../src/fhir/format/serialize.ts';
import {
  followInclude,
  immunizationIncludes,
  renderDisclosure,
} from '../src/fhir/mapping/disclosure.ts';
import {
  fromConcept,
  fromGender,
  fromStatus,
  gender,
  productConcept,
} from '../src/fhir/mapping/datatypes.ts';
import { medicationId } from '../src/fhir/mapping/ids.ts';
import type * as model from '../src/fhir/mapping/model.ts';
import { fromOfficialName, officialName } from '../src/fhir/mapping/names.ts';
import { fromOccurrenceDateTime, occurrenceDateTime } from '../src/fhir/mapping/occurrence.ts';
import { vaccinationImmunization2 as imm20 } from '../src/fhir/mapping/rendering.ts';
import type { AnyResource, Immunization, Medication, Patient } from '../src/fhir/r4.ts';
import { covidVaccination, daan, johanna } from './support/fhirFixtures.ts';
import { errorsOf, qualificationIssues, validateResource } from './support/fhirValidator.ts';

const precisionVariants: model.CitizenDisclosure = {
  ...johanna,
  vaccinations: (['YEAR', 'MONTH', 'SECOND'] as const).map((precision, i) => ({
    ...covidVaccination,
    id: `0f1e2d3c-4b5a-4968-8778-695a4b3c2d2${i}`,
    sourceRecordId: `CIMS-2021-88430${i}`,
    occurrencePrecision: precision,
    lotNumber: null,
  })),
};

const disclosures = [johanna, daan, precisionVariants].map((d) => renderDisclosure(d, imm20));
const resources: AnyResource[] = disclosures.flatMap((d) => [
  ...d.immunizations,
  ...d.related.values(),
]);
const labelled = resources.map((r) => [`${r.resourceType}/${r.id}`, r] as const);
const [johannaFhir, daanFhir, variantsFhir] = disclosures;
const byType = <T extends AnyResource>(type: string) =>
  resources.filter((r) => r.resourceType === type) as unknown as T[];

describe('the Vaccinatie-Immunisatie 2.0 mapping', () => {
  it('renders every kind of resource the profiles cover', () => {
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(
      new Set([
        'Immunization',
        'Medication',
        'Patient',
        'Organization',
        'Location',
        'Practitioner',
        'PractitionerRole',
      ]),
    );
  });

  it.each(labelled)('renders %s valid against its profile', (_label, resource) => {
    expect(errorsOf(validateResource(resource)).map((i) => `${i.path}: ${i.message}`)).toEqual([]);
  });

  it.each(labelled)('renders %s so that it passes the qualification', (_label, resource) => {
    expect(qualificationIssues(resource)).toEqual([]);
  });

  it.each(labelled)('renders %s so that XML and back loses nothing', (_label, resource) => {
    const xml = serialize(resource, 'xml').body;
    expect(xml).toContain('xmlns="http://hl7.org/fhir"');
    expect(parseXml(xml)).toEqual(resource);
  });

  it('declares unversioned canonicals of the 2.0 profiles', () => {
    const profiles = new Set(resources.flatMap((r) => (r as Patient).meta.profile));
    expect([...profiles].sort()).toEqual(Object.values(imm20.profiles).sort());
    expect([...profiles].every((p) => !p.includes('|'))).toBe(true);
  });

  it('writes the occurrence to the precision the registry knows', () => {
    const dates = [
      ...johannaFhir!.immunizations,
      ...variantsFhir!.immunizations,
      ...daanFhir!.immunizations,
    ].map((i) => i.occurrenceDateTime);
    expect(dates).toEqual([
      '2021-05-26',
      '2021',
      '2021-05',
      '2021-05-26T10:15:00+02:00',
      '2005-07-21',
      '2019-03',
    ]);
  });

  it('masks the BSN and writes the Dutch name parts', () => {
    const patient = johannaFhir!.related.get(`Patient/${johanna.id}`) as Patient;
    expect(patient.identifier).toEqual([
      {
        system: 'http://fhir.nl/fhir/NamingSystem/bsn',
        _value: {
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
              valueCode: 'masked',
            },
          ],
        },
      },
    ]);
    const [official, usual] = patient.name ?? [];
    expect(official?.family).toBe('van Giessen-van der Putten');
    expect(official?.extension?.[0]?.valueCode).toBe('NL4');
    expect(official?._family?.extension.map((e) => e.valueString)).toEqual([
      'van',
      'Giessen',
      'van der',
      'Putten',
    ]);
    expect(official?.given).toEqual(['Johanna', 'Petronella', 'Maria']);
    expect(official?._given?.map((g) => g?.extension[0]?.valueCode)).toEqual(['BR', 'BR', 'BR']);
    expect(usual).toEqual({ use: 'usual', given: ['Jo'] });
    const initialsOnly = daanFhir!.related.get(`Patient/${daan.id}`) as Patient;
    expect(initialsOnly.name?.[0]?._given?.[0]?.extension[0]?.valueCode).toBe('IN');
    expect(() => assertNoBsn(resources)).not.toThrow();
  });

  it('gives the Medication the vaccineCode, the lot or UNK, and an id hashing just those', () => {
    for (const imm of byType<Immunization>('Immunization')) {
      const ref = imm.extension?.[0]?.valueReference;
      expect(ref?.type).toBe('Medication');
      const medication = resources.find(
        (r) => `Medication/${r.id}` === ref?.reference,
      ) as Medication;
      expect(medication.code).toEqual(imm.vaccineCode);
    }
    const covid = byType<Medication>('Medication').find(
      (m) => m.id === medicationId(covidVaccination.product.id, 'FK1234'),
    );
    expect(covid?.batch).toEqual({ lotNumber: 'FK1234' });
    expect(covid?.code.coding?.map((c) => c.code)).toEqual(['2924528', '28531000087107']);
    expect(covid?.id).toMatch(/^[0-9a-f]{32}$/);
    const unknownLot = byType<Medication>('Medication').find(
      (m) => m.id === medicationId(covidVaccination.product.id, null),
    );
    expect(unknownLot?.batch._lotNumber?.extension[0]?.valueCode).toBe('UNK');
  });

  it('writes a product known only by name as text with nullFlavor OTH', () => {
    const hepatitisA = daanFhir!.immunizations[1];
    expect(hepatitisA?.vaccineCode).toEqual({
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor', valueCode: 'OTH' },
      ],
      text: 'HEPATITIS-A-VACCIN',
    });
    expect(hepatitisA?.protocolApplied).toEqual([
      {
        targetDisease: [
          {
            coding: [{ system: 'http://snomed.info/sct', code: '128241005', display: 'hepatitis' }],
          },
        ],
        doseNumberString: 'n/a',
      },
    ]);
  });

  it('names one administering performer: the organisation, or the professional in a role', () => {
    const [covid] = johannaFhir!.immunizations;
    const [dktp] = daanFhir!.immunizations;
    expect(covid?.performer?.[0]?.function?.coding?.[0]?.code).toBe('AP');
    expect(covid?.performer?.[0]?.actor).toEqual({
      reference: `Organization/${covidVaccination.performerOrganization?.id}`,
      type: 'Organization',
      display: 'GGD Hollands Midden',
    });
    expect(dktp?.performer?.[0]?.actor.type).toBe('PractitionerRole');
    expect(dktp?.performer?.[0]?.actor.display).toBe(
      'M.J. de Vries (Jeugdgezondheidszorg Utrecht)',
    );
    expect(covid?.protocolApplied?.[0]?.doseNumberPositiveInt).toBe(2);
    expect(covid?.doseQuantity).toEqual({
      value: 0.3,
      unit: 'ml',
      system: 'http://unitsofmeasure.org',
      code: 'mL',
    });
    expect(covid?.reasonCode?.map((r) => r.coding?.[0]?.code)).toEqual([
      '404904002',
      '159741000146107',
    ]);
  });

  it('follows the three _include targets, and a searchset of them validates and qualifies', () => {
    const { immunizations, related } = daanFhir!;
    const includes = immunizations.flatMap((imm) =>
      immunizationIncludes.flatMap((inc) => followInclude(imm, inc, related)),
    );
    expect(includes.map((r) => r.resourceType).sort()).toEqual([
      'Location',
      'Patient',
      'Patient',
      'PractitionerRole',
    ]);
    const bundle = searchset({
      base: 'https://rs.dva.example.nl/63/fhir/',
      type: 'Immunization',
      parameters: immunizationIncludes.map((inc) => ['_include', `Immunization:${inc}`]),
      matches: immunizations,
      includes,
    });
    expect(bundle.entry?.map((e) => e.search.mode)).toEqual([
      'match',
      'match',
      'include',
      'include',
      'include',
    ]);
    expect(errorsOf(validateResource(bundle))).toEqual([]);
    expect(qualificationIssues(bundle)).toEqual([]);
    expect(parseXml(serialize(bundle, 'xml').body)).toEqual(bundle);
  });

  it('reads back what it writes, through the inverses a FHIR import will use', () => {
    for (const imm of byType<Immunization>('Immunization')) {
      const { occurrence, occurrencePrecision } = fromOccurrenceDateTime(imm.occurrenceDateTime);
      expect(occurrenceDateTime(occurrence, occurrencePrecision)).toBe(imm.occurrenceDateTime);
      expect(fromStatus(imm.status)).toBe('COMPLETED');
      const codings = fromConcept(imm.vaccineCode);
      const product = { id: 'p', display: imm.vaccineCode.text ?? '', codings };
      expect(productConcept(product)).toEqual(imm.vaccineCode);
    }
    for (const patient of byType<Patient>('Patient')) {
      const official = patient.name?.[0];
      expect(official && officialName(fromOfficialName(official))).toEqual(official);
      expect(gender(fromGender(patient.gender))).toBe(patient.gender);
    }
  });

  it('refuses a record the core should not have disclosed', () => {
    const leaked = { ...daan, vaccinations: [{ ...covidVaccination, disclosable: false }] };
    expect(() => renderDisclosure(leaked, imm20)).toThrow(/not disclosable/);
  });
});
