// The resources many citizens share (providers, locations, vaccinators, batches) are rendered
// once and reused while their input stays the same, never after it changes; a citizen's own
// resources are rendered anew; and a Bundle carrying kept resources serialises to exactly the
// text JSON.stringify gives.
import { describe, expect, it } from 'vitest';
import { searchset } from '../src/fhir/bundle.ts';
import { serialize } from '../src/fhir/format/serialize.ts';
import { renderDisclosure } from '../src/fhir/mapping/disclosure.ts';
import type { CitizenDisclosure } from '../src/fhir/mapping/model.ts';
import {
  vaccinationImmunization1 as imm10,
  vaccinationImmunization2 as imm20,
} from '../src/fhir/mapping/rendering.ts';
import { daan } from './support/fhirFixtures.ts';

/** A deep copy, as each request's GraphQL result is a new object tree. */
const copy = <T>(value: T): T => structuredClone(value);

const ofType = (related: Map<string, unknown>, type: string) =>
  [...related].filter(([key]) => key.startsWith(`${type}/`)).map(([, resource]) => resource);

describe('shared renderings', () => {
  it('reuse, frozen, the providers and batches an equal request rendered before', () => {
    const first = renderDisclosure(copy(daan), imm20);
    const second = renderDisclosure(copy(daan), imm20);
    for (const type of ['Organization', 'Location', 'PractitionerRole', 'Medication']) {
      const [a, b] = [ofType(first.related, type), ofType(second.related, type)];
      expect(a.length, type).toBeGreaterThan(0);
      a.forEach((resource, i) => expect(b[i], type).toBe(resource));
      expect(a.every((resource) => Object.isFrozen(resource))).toBe(true);
    }
    // A citizen's own resources are never kept.
    expect(second.related.get(`Patient/${daan.id}`)).not.toBe(
      first.related.get(`Patient/${daan.id}`),
    );
    expect(second.immunizations[0]).not.toBe(first.immunizations[0]);
  });

  it('render anew once the input changes, and per information-standard version', () => {
    const before = renderDisclosure(copy(daan), imm20);
    const changed: CitizenDisclosure = copy(daan);
    const organization = changed.vaccinations.find(
      (v) => v.performerOrganization,
    )!.performerOrganization!;
    organization.name = 'GGD na de fusie';
    const after = renderDisclosure(changed, imm20);
    const key = `Organization/${organization.id}`;
    const original = before.related.get(key) as { name: string };
    expect(after.related.get(key)).not.toBe(original);
    expect(after.related.get(key)).toMatchObject({ name: 'GGD na de fusie' });
    // The unchanged input again: rendered as it was, not the changed one kept since.
    const again = renderDisclosure(copy(daan), imm20).related.get(key);
    expect(again).toMatchObject({ name: original.name });
    // Each version keeps its own: a 1.0 Medication has the 1.0 profile.
    const medication = (r: typeof imm20) =>
      ofType(renderDisclosure(copy(daan), r).related, 'Medication')[0] as { meta: object };
    expect(medication(imm10).meta).toEqual({ profile: [imm10.profiles.medication] });
    expect(medication(imm20).meta).toEqual({ profile: [imm20.profiles.medication] });
  });

  it('serialise inside a Bundle to exactly what JSON.stringify writes', () => {
    for (let request = 0; request < 2; request += 1) {
      const rendered = renderDisclosure(copy(daan), imm20);
      const bundle = searchset({
        base: 'https://rs.dva.example.nl/fhir',
        type: 'Immunization',
        parameters: [['_include', 'Immunization:performer']],
        matches: rendered.immunizations,
        includes: [...rendered.related.values()],
      });
      expect(serialize(bundle, 'json').body).toBe(JSON.stringify(bundle));
    }
  });
});
