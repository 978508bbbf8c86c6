// Proves the FHIR validation harness before anything relies on it: every official example of
// Vaccinatie-Immunisatie 2.0 validates, broken variants of them do not, and the qualification
// assertions catch what the Nictiz scripts reject (a plain BSN, a zib value set OID).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../src/fhir/format/serialize.ts';
import {
  errorsOf,
  fhirMaterial,
  qualificationIssues,
  validateResource,
} from './support/fhirValidator.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const examples = new URL('examples/', fhirMaterial);
const load = (path: string) => parseXml(readFileSync(new URL(path, examples), 'utf8')) as Json;
const imm20 = readdirSync(new URL('vaccinationimmunization-2.0.0/', examples)).sort();
const johannaFile = 'core-Patient--JohannaPetronellaMariaJ-P-M-vanGiessenvanderPutten.xml';
const covidImmunization = () =>
  load('vaccinationimmunization-2.0.0/39d98ab0-6aca-11ec-0000-020000000000.xml');
const messages = (resource: Json) =>
  errorsOf(validateResource(resource)).map((i) => `${i.path}: ${i.message}`);

describe('the validation harness', () => {
  it('finds all ten 2.0 examples', () => {
    expect(imm20).toHaveLength(10);
  });

  it.each(imm20)('accepts %s, and the qualification does too', (file) => {
    const resource = load(`vaccinationimmunization-2.0.0/${file}`);
    expect(messages(resource)).toEqual([]);
    expect(qualificationIssues(resource)).toEqual([]);
  });

  const broken: [string, (r: Json) => void, RegExp][] = [
    ['without status', (r) => delete r.status, /status: Missing required/],
    ['without vaccineCode', (r) => delete r.vaccineCode, /vaccineCode: Missing required/],
    ['with an unknown element', (r) => (r.colour = 'blue'), /Invalid additional property "colour"/],
    ['with two performers', (r) => r.performer.push(r.performer[0]), /performer.*expected 0\.\.1/],
    [
      'with occurrenceString',
      (r) => {
        delete r.occurrenceDateTime;
        r.occurrenceString = 'zomer 2020';
      },
      /occurrenceDateTime/,
    ],
    [
      'with a status outside the required value set',
      (r) => (r.status = 'done'),
      /immunization-status/,
    ],
    [
      'with a product extension that is no Reference',
      (r) => {
        r.extension[0] = { url: r.extension[0].url, valueString: 'Comirnaty' };
      },
      /valueString: type not allowed/,
    ],
    [
      'with a laterality outside its value set',
      (r) => {
        // 66459002 unilateral: not among left, right, both
        r.site.extension[0].valueCodeableConcept.coding[0].code = '66459002';
      },
      /60\.40\.2\.20\.7\.2/,
    ],
    [
      'with a comparator on the dose',
      (r) => {
        r.doseQuantity = {
          value: 0.3,
          comparator: '<',
          unit: 'ml',
          system: 'http://unitsofmeasure.org',
          code: 'mL',
        };
      },
      /sqty-1/,
    ],
  ];

  it.each(broken)('rejects an Immunization %s', (_name, breakIt, expected) => {
    const resource = covidImmunization();
    breakIt(resource);
    expect(messages(resource).join('\n')).toMatch(expected);
  });

  it('rejects a Dutch given name without its BR/IN qualifier (datatype profile check)', () => {
    const patient = load(`vaccinationimmunization-2.0.0/${johannaFile}`);
    delete patient.name[0]._given;
    expect(messages(patient).join('\n')).toMatch(/name\[0\] > HumanName\.given/);
  });

  it('rejects a Medication whose lot extension is no nullFlavor code', () => {
    const medication = load(
      'vaccinationimmunization-2.0.0/nl-core-PhPrd--18954-21684011138832447-2924528.xml',
    );
    medication.batch = {
      _lotNumber: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor',
            valueCode: 'SOMETIMES',
          },
        ],
      },
    };
    expect(messages(medication).join('\n')).toMatch(/v3-NullFlavor/);
  });

  it('fails the qualification of the nl-core Patient example, which carries a plain BSN', () => {
    const patient = load('nl-core-0.10.0-beta.1/nl-core-Patient-01.xml');
    expect(messages(patient)).toEqual([]);
    expect(qualificationIssues(patient).map((i) => i.message)).toEqual(['unmasked BSN']);
  });

  it('fails the qualification of a route coded with a zib value set OID', () => {
    const immunization = load('nl-core-0.10.0-beta.1/nl-core-Vaccination-event-03.xml');
    expect(qualificationIssues(immunization).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'Immunization.route.coding[0]: Coding system is a zib value set OID',
    ]);
  });

  it('fails the qualification of resources without profile, display or identifier value', () => {
    const immunization = covidImmunization();
    delete immunization.meta;
    delete immunization.patient.display;
    delete immunization.identifier[0].value;
    delete immunization.vaccineCode.coding[0].display;
    delete immunization.vaccineCode.coding[1].display;
    expect(
      qualificationIssues(immunization)
        .map((i) => i.message)
        .sort(),
    ).toEqual([
      'CodeableConcept without display or text',
      'Identifier without system or value',
      'Reference without display',
      'no meta.profile',
    ]);
  });
});
