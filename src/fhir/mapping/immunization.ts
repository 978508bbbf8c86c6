// One vaccination event as Immunization (imm-Vaccination-event 2.0 or nl-core-Vaccination-event
// 1.0; profile-specific parts from the Rendering): product extension and vaccineCode, the source
// record's identifier, the date to the precision known, site with laterality, route, dose, one
// performer, reasons (indications and motives), target diseases with the dose number, the note.
import type * as fhir from '../r4.ts';
import { immunizationIdentifierSystems } from './codeSystems.ts';
import { concept, identifier, productConcept, quantity, status } from './datatypes.ts';
import { medicationReference } from './medication.ts';
import type { Citizen, Vaccination } from './model.ts';
import { occurrenceDateTime } from './occurrence.ts';
import { patientReference } from './patient.ts';
import {
  locationReference,
  organizationReference,
  practitionerRoleReference,
} from './providers.ts';
import type { Rendering } from './rendering.ts';

function site(v: Vaccination, r: Rendering): fhir.CodeableConcept | undefined {
  if (!v.site) return undefined;
  const laterality = v.laterality
    ? { extension: [{ url: r.extensions.laterality, valueCodeableConcept: concept(v.laterality) }] }
    : {};
  return { ...laterality, ...concept(v.site) };
}

/**
 * The one performer imm-Vaccination-event allows (and the 1.0 `administrator` slice). A
 * professional in a role is the more precise answer and wins over an organisation; the
 * organisation then shows only through the role.
 */
function performerActor(v: Vaccination): fhir.Reference | undefined {
  if (v.performer) return practitionerRoleReference(v.performer);
  if (v.performerOrganization) return organizationReference(v.performerOrganization);
  return undefined;
}

function protocolApplied(v: Vaccination): fhir.Immunization['protocolApplied'] {
  if (v.targetDiseases.length === 0 && v.doseNumber == null) return undefined;
  // doseNumber[x] is mandatory; the Nictiz fixtures write "n/a" when it is unknown.
  const dose =
    v.doseNumber != null && v.doseNumber > 0
      ? { doseNumberPositiveInt: v.doseNumber }
      : { doseNumberString: 'n/a' };
  const targets =
    v.targetDiseases.length > 0 ? { targetDisease: v.targetDiseases.map(concept) } : {};
  return [{ ...targets, ...dose }];
}

export function immunization(v: Vaccination, citizen: Citizen, r: Rendering): fhir.Immunization {
  const actor = performerActor(v);
  const reasons = [...v.reasonIndications, ...v.reasonMotives].map(concept);
  const rendered: fhir.Immunization = {
    resourceType: 'Immunization',
    id: v.id,
    meta: { profile: [r.profiles.immunization] },
    // Always sent: the Nictiz scripts read one Medication per Immunization through it.
    extension: [
      { url: r.extensions.pharmaceuticalProduct, valueReference: medicationReference(v) },
    ],
    identifier: [identifier(immunizationIdentifierSystems[v.source], v.sourceRecordId)],
    status: status(v.status),
    vaccineCode: productConcept(v.product, r.requiredProductCode),
    patient: patientReference(citizen),
    occurrenceDateTime: occurrenceDateTime(v.occurrence, v.occurrencePrecision),
    location: v.location ? locationReference(v.location) : undefined,
    lotNumber: v.lotNumber?.trim() || undefined,
    site: site(v, r),
    route: v.route ? concept(v.route) : undefined,
    doseQuantity: v.doseQuantity ? quantity(v.doseQuantity, r.ucumDoseOnly) : undefined,
    performer: actor ? [r.performer(actor)] : undefined,
    note: v.note?.trim() ? [{ text: v.note.trim() }] : undefined,
    reasonCode: reasons.length > 0 ? reasons : undefined,
    protocolApplied: protocolApplied(v),
  };
  return withoutUndefined(rendered);
}

/** FHIR JSON has no nulls; optional elements are left out rather than set to undefined. */
function withoutUndefined<T extends object>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) kept[key] = value[key];
  return kept as T;
}
