// Searchset Bundles as MedMij and the Nictiz scripts read them (MedMij DVA reference §12.4):
// absolute fullUrls, match/include modes, total counting matches, a self link that starts with
// the base and echoes the applied parameters, includes once each, and never a BSN.
import { describe, expect, it } from 'vitest';
import { searchset, selfLink } from '../src/fhir/bundle.ts';
import { immunizationIncludes, renderDisclosure } from '../src/fhir/mapping/disclosure.ts';
import { vaccinationImmunization2 as imm20 } from '../src/fhir/mapping/rendering.ts';
import { daan } from './support/fhirFixtures.ts';
import { errorsOf, validateResource } from './support/fhirValidator.ts';

const base = 'https://rs.dva.example.nl/63/fhir';
const includeAll = immunizationIncludes.map(
  (i) => ['_include', `Immunization:${i}`] as [string, string],
);
const { immunizations, related } = renderDisclosure(daan, imm20);
const patient = related.get(`Patient/${daan.id}`)!;

describe('searchset bundles', () => {
  it('lists matches then includes, each include once, with absolute fullUrls', () => {
    const bundle = searchset({
      base: `${base}/`,
      type: 'Immunization',
      parameters: includeAll,
      matches: immunizations,
      includes: [patient, patient],
    });
    expect(bundle.total).toBe(2);
    expect(bundle.entry?.map((e) => [e.fullUrl, e.search.mode])).toEqual([
      [`${base}/Immunization/${immunizations[0]?.id}`, 'match'],
      [`${base}/Immunization/${immunizations[1]?.id}`, 'match'],
      [`${base}/Patient/${daan.id}`, 'include'],
    ]);
    expect(bundle.link).toEqual([
      {
        relation: 'self',
        url:
          `${base}/Immunization?_include=Immunization:patient` +
          '&_include=Immunization:performer&_include=Immunization:location',
      },
    ]);
  });

  it('answers no results with total 0, no entries and a self link the scripts can cut', () => {
    const bundle = searchset({
      base,
      type: 'Immunization',
      parameters: [],
      matches: [],
      includes: [],
    });
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 0,
      link: [{ relation: 'self', url: `${base}/Immunization?` }],
    });
    expect(errorsOf(validateResource(bundle))).toEqual([]);
    // How the Nictiz scripts resolve a relative Medication reference against the self link.
    expect(bundle.link[0]?.url.replace(/Immunization[/?].*$/, '') + 'Medication/x').toBe(
      `${base}/Medication/x`,
    );
  });

  it('encodes what needs encoding in echoed parameters, but not the colon', () => {
    expect(selfLink(base, 'Immunization', [['date', 'ge2021-01-01T00:00:00+01:00']])).toBe(
      `${base}/Immunization?date=ge2021-01-01T00:00:00%2B01:00`,
    );
  });

  it('refuses to echo a BSN or to carry an unmasked one', () => {
    const withBsn = {
      ...patient,
      identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456782' }],
    };
    expect(() =>
      searchset({
        base,
        type: 'Immunization',
        parameters: [],
        matches: immunizations,
        includes: [withBsn],
      }),
    ).toThrow(/BSN/);
    expect(() =>
      searchset({
        base,
        type: 'Immunization',
        parameters: [['patient.identifier', 'http://fhir.nl/fhir/NamingSystem/bsn|123456782']],
        matches: [],
        includes: [],
      }),
    ).toThrow(/BSN/);
  });
});
