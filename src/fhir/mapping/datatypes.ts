// Per-element converters between the neutral model and FHIR datatypes, each next to its
// inverse, so rendering and a later FHIR import share one definition of every element.
import type * as fhir from '../r4.ts';
import { codeSystems, coreExtensions, productCodingOrder } from './codeSystems.ts';
import type * as model from './model.ts';
import type { ProductCodeBinding } from './rendering.ts';

export function coding(c: model.Coding): fhir.Coding {
  return c.display
    ? { system: c.system, code: c.code, display: c.display }
    : { system: c.system, code: c.code };
}

export function fromCoding(c: fhir.Coding): model.Coding {
  return { system: c.system, code: c.code, display: c.display ?? null };
}

/**
 * A CodeableConcept of one Coding. The qualification wants a display or a text on every
 * CodeableConcept; a coding recorded without display gets its code as text (a poor but honest
 * fallback, until the registries deliver displays for every code they use).
 */
export function concept(c: model.Coding): fhir.CodeableConcept {
  return c.display ? { coding: [coding(c)] } : { coding: [coding(c)], text: c.code };
}

export function fromConcept(cc: fhir.CodeableConcept): model.Coding[] {
  return (cc.coding ?? []).map(fromCoding);
}

export function nullFlavor(code: 'UNK' | 'OTH' | 'NI' | 'NA'): fhir.Extension {
  return { url: coreExtensions.nullFlavor, valueCode: code };
}

/**
 * The product as Immunization.vaccineCode and Medication.code, which both versions require to be
 * equal: every coding, G-Standaard first, and the product name as text. Under an extensible
 * binding a product known only by its name is text plus nullFlavor OTH (no code in the value
 * set); under a required one (1.0) a product without a code from the bound systems gets the
 * binding's fallback coding after its own.
 */
export function productConcept(
  product: model.VaccineProduct,
  binding: ProductCodeBinding | null = null,
): fhir.CodeableConcept {
  const rank = (c: model.Coding) => {
    const i = productCodingOrder.indexOf(c.system);
    return i === -1 ? productCodingOrder.length : i;
  };
  const codings = [...product.codings].sort((a, b) => rank(a) - rank(b)).map(coding);
  if (binding && !codings.some((c) => binding.systems.includes(c.system))) {
    codings.push(coding(binding.fallback));
  }
  if (codings.length === 0) return { extension: [nullFlavor('OTH')], text: product.display };
  return { coding: codings, text: product.display };
}

/** The product's own codings, without the fallback a required binding added. */
export function fromProductConcept(
  cc: fhir.CodeableConcept,
  binding: ProductCodeBinding | null = null,
): model.Coding[] {
  const added = (c: fhir.Coding) =>
    !!binding && c.system === binding.fallback.system && c.code === binding.fallback.code;
  return (cc.coding ?? []).filter((c) => !added(c)).map(fromCoding);
}

export function reference(type: string, id: string, display: string): fhir.Reference {
  return { reference: `${type}/${id}`, type, display };
}

export function identifier(system: string, value: string): fhir.Identifier {
  return { system, value };
}

/** An identifier whose value is withheld (data-absent-reason `masked`), as for the BSN. */
export function maskedIdentifier(system: string): fhir.Identifier {
  const masked = { url: coreExtensions.dataAbsentReason, valueCode: 'masked' };
  return { system, _value: { extension: [masked] } };
}

/** Units as registries write them, to their UCUM codes; others travel as unit text only. */
const ucumCodes: Record<string, string> = {
  ml: 'mL',
  mL: 'mL',
  milliliter: 'mL',
  mg: 'mg',
  ug: 'ug',
  µg: 'ug',
  microgram: 'ug',
};

/**
 * A unit UCUM has no code for, as a UCUM annotation: `{dosis}` is unity labelled "dosis". Only
 * printable ASCII without braces or spaces can be one.
 */
const ucumAnnotation = (unit: string) => (/^[!-z|~]+$/.test(unit) ? `{${unit}}` : undefined);

/**
 * A dose. Units without a UCUM code travel as unit text only, or, where the profile requires UCUM
 * (`ucumOnly`, 1.0), as a UCUM annotation; a unit that cannot be one leaves the dose out there.
 */
export function quantity(
  q: { value: number; unit: string },
  ucumOnly = false,
): fhir.Quantity | undefined {
  const code = ucumCodes[q.unit] ?? (ucumOnly ? ucumAnnotation(q.unit) : undefined);
  if (code) return { value: q.value, unit: q.unit, system: codeSystems.ucum, code };
  return ucumOnly ? undefined : { value: q.value, unit: q.unit };
}

export function fromQuantity(q: fhir.Quantity): { value: number; unit: string } {
  return { value: q.value, unit: q.unit ?? q.code ?? '' };
}

const statuses = {
  COMPLETED: 'completed',
  NOT_DONE: 'not-done',
  ENTERED_IN_ERROR: 'entered-in-error',
} as const satisfies Record<model.VaccinationStatus, fhir.Immunization['status']>;

export const status = (s: model.VaccinationStatus) => statuses[s];

export function fromStatus(s: fhir.Immunization['status']): model.VaccinationStatus {
  const found = (Object.keys(statuses) as model.VaccinationStatus[]).find((k) => statuses[k] === s);
  if (!found) throw new Error(`Unknown Immunization.status ${String(s)}`);
  return found;
}

const genders = {
  MALE: 'male',
  FEMALE: 'female',
  OTHER: 'other',
  UNKNOWN: 'unknown',
} as const satisfies Record<model.Gender, NonNullable<fhir.Patient['gender']>>;

export const gender = (g: model.Gender) => genders[g];

export function fromGender(g: fhir.Patient['gender']): model.Gender {
  return (Object.keys(genders) as model.Gender[]).find((k) => genders[k] === g) ?? 'UNKNOWN';
}
