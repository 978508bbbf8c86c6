// Addresses and contact points. The SDL already carries them in FHIR's shape (nl-core
// AddressInformation and ContactInformation), so this only drops empty fields, which FHIR JSON
// does not allow.
import type * as fhir from '../r4.ts';
import type * as model from './model.ts';

function present<T extends object>(value: T): Partial<T> {
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) {
      kept[key] = v;
    }
  }
  return kept as Partial<T>;
}

export function address(a: model.Address): fhir.Address {
  return present({
    use: a.use,
    type: a.type,
    line: a.line.filter((l) => l.trim() !== ''),
    city: a.city,
    postalCode: a.postalCode,
    country: a.country,
  }) as fhir.Address;
}

export function contactPoint(c: model.ContactPoint): fhir.ContactPoint {
  return present({ system: c.system, value: c.value, use: c.use }) as fhir.ContactPoint;
}

/** A short one-line rendering of an address, for a Reference.display. */
export function addressLine(a: model.Address | undefined): string {
  if (!a) return '';
  return [...a.line, [a.postalCode, a.city].filter(Boolean).join(' ')]
    .filter((p) => p && p.trim())
    .join(', ');
}
