// FHIR resources back into the neutral model (model.ts), the inverse of rendering: a set of
// Immunizations with the Patients, Medications and care providers they reference becomes one
// CitizenDisclosure per Patient. Either version's profiles are read (Vaccinatie-Immunisatie
// 2.0 or 1.0; 1.0's added ATC J07 fallback is taken out again). Every element goes through the
// inverse converter next to its renderer, so that rendering what this returns gives the FHIR it
// read, up to what the model does not keep (ids of products, extra codings' order). Used by the
// tests to serve the Nictiz examples, and meant for `entpoort import` of FHIR resources.
//
// What the model has no place for is dropped: contained resources other than a Location, a
// second performer, extensions other than ours. A product gets the id `system|code` of its
// preferred coding (or `text|name`): a Medication is a product in one batch, not a product.
import { assembleFamilyName } from '../../rules/familyName.ts';
import type * as fhir from '../r4.ts';
import {
  coreExtensions,
  immunizationIdentifierSystems,
  productCodingOrder,
} from './codeSystems.ts';
import {
  fromConcept,
  fromGender,
  fromProductConcept,
  fromQuantity,
  fromStatus,
} from './datatypes.ts';
import { fromLocation, fromOrganization, fromPractitionerRole } from './fromFhirProviders.ts';
import type * as model from './model.ts';
import { fromOfficialName } from './names.ts';
import { fromOccurrenceDateTime } from './occurrence.ts';
import { splitReasons } from './reasons.ts';
import { vaccinationImmunization1, vaccinationImmunization2, type Rendering } from './rendering.ts';
import { FromFhirError, indexResources, required, resolve, type ResourceIndex } from './resolve.ts';

export { FromFhirError } from './resolve.ts';

export interface FromFhirOptions {
  /** The registry the records come from; FHIR does not say (both share one identifier OID). */
  source: model.SourceRegistry;
}

/** The version a resource declares in meta.profile; 2.0 when it declares neither. */
function renderingOf(resource: fhir.DisclosedResource): Rendering {
  const profiles = resource.meta?.profile ?? [];
  const v1 = Object.values(vaccinationImmunization1.profiles).filter(
    (p) => !Object.values(vaccinationImmunization2.profiles).includes(p),
  );
  return profiles.some((p) => v1.includes(p)) ? vaccinationImmunization1 : vaccinationImmunization2;
}

export function fromPatient(p: fhir.Patient): model.Citizen {
  const official = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
  const usual = p.name?.find((n) => n.use === 'usual');
  if (!official || !p.birthDate) {
    throw new FromFhirError('missing-element', `Patient/${p.id} needs a name and a birthDate`);
  }
  const name = fromOfficialName(official);
  return {
    id: p.id,
    birthDate: p.birthDate,
    gender: fromGender(p.gender),
    name: { ...name, usage: usageOf(official, name), callName: usual?.given?.[0] ?? null },
  };
}

/**
 * The name usage: the assembly-order extension, or else (as in the Nictiz examples, which have
 * none) the usage whose assembled family name is the `family` given.
 */
function usageOf(official: fhir.HumanName, name: ReturnType<typeof fromOfficialName>) {
  if (official.extension?.some((e) => e.url === coreExtensions.assemblyOrder)) return name.usage;
  const usages = ['OWN', 'OWN_PARTNER', 'PARTNER', 'PARTNER_OWN'] as const;
  return usages.find((u) => assembleFamilyName(name, u) === official.family) ?? name.usage;
}

function productKey(codings: model.Coding[], display: string): string {
  const preferred = productCodingOrder
    .map((system) => codings.find((c) => c.system === system))
    .find(Boolean);
  return preferred ? `${preferred.system}|${preferred.code}` : `text|${display}`;
}

function fromProduct(imm: fhir.Immunization, index: ResourceIndex, r: Rendering) {
  const ref = imm.extension?.find((e) => e.url === r.extensions.pharmaceuticalProduct);
  const medication = resolve(index, ref?.valueReference, 'Medication');
  const concept = medication?.code ?? imm.vaccineCode;
  const codings = fromProductConcept(concept, r.requiredProductCode);
  const display =
    concept.text ?? codings.find((c) => c.display)?.display ?? codings[0]?.code ?? 'Vaccin';
  const description = medication?.extension?.find(
    (e) => e.url === r.extensions.productDescription,
  )?.valueString;
  const product: model.VaccineProduct = {
    id: productKey(codings, display),
    display,
    codings,
    description: description ?? null,
  };
  return { product, lotNumber: medication?.batch.lotNumber ?? imm.lotNumber ?? null };
}

function fromPerformer(imm: fhir.Immunization, index: ResourceIndex) {
  const actor = imm.performer?.[0]?.actor;
  const organization = resolve(index, actor, 'Organization');
  const role = resolve(index, actor, 'PractitionerRole');
  if (actor?.reference && !organization && !role) {
    throw new FromFhirError('unresolved-reference', `Immunization/${imm.id}.performer not found`);
  }
  return {
    performerOrganization: organization ? fromOrganization(organization) : null,
    performer: role ? fromPractitionerRole(role, index) : null,
  };
}

function fromSite(imm: fhir.Immunization, r: Rendering) {
  const laterality = imm.site?.extension?.find((e) => e.url === r.extensions.laterality);
  const lateralityCoding = laterality?.valueCodeableConcept
    ? fromConcept(laterality.valueCodeableConcept)[0]
    : undefined;
  return {
    site: (imm.site && fromConcept(imm.site)[0]) ?? null,
    laterality: lateralityCoding ?? null,
  };
}

export function fromImmunization(
  imm: fhir.Immunization,
  index: ResourceIndex,
  options: FromFhirOptions,
): model.Vaccination {
  const r = renderingOf(imm);
  if (!imm.occurrenceDateTime) {
    throw new FromFhirError('missing-element', `Immunization/${imm.id} needs occurrenceDateTime`);
  }
  const system = immunizationIdentifierSystems[options.source];
  const location = resolve(index, imm.location, 'Location', imm);
  // A contained Location's id is only unique inside its Immunization.
  const locationId = imm.location?.reference?.startsWith('#') ? `${imm.id}-${location?.id}` : '';
  const dose = imm.protocolApplied?.find((p) => p.doseNumberPositiveInt !== undefined);
  const targets = (imm.protocolApplied ?? []).flatMap((p) => p.targetDisease ?? []);
  return {
    id: imm.id,
    source: options.source,
    // The registry's record id; without one, the resource id stands in for it.
    sourceRecordId: imm.identifier?.find((i) => i.system === system && i.value)?.value ?? imm.id,
    status: fromStatus(imm.status),
    ...fromProduct(imm, index, r),
    ...fromOccurrenceDateTime(imm.occurrenceDateTime),
    doseNumber: dose?.doseNumberPositiveInt ?? null,
    route: (imm.route && fromConcept(imm.route)[0]) ?? null,
    ...fromSite(imm, r),
    doseQuantity: imm.doseQuantity ? fromQuantity(imm.doseQuantity) : null,
    ...fromPerformer(imm, index),
    location: location ? fromLocation(location, index, locationId || location.id) : null,
    targetDiseases: targets.flatMap(fromConcept),
    ...splitReasons((imm.reasonCode ?? []).flatMap(fromConcept)),
    note: imm.note?.map((n) => n.text).join('\n') || null,
  };
}

/** One CitizenDisclosure per Patient, its Immunizations in the order given. */
export function disclosuresFromFhir(
  resources: readonly fhir.DisclosedResource[],
  options: FromFhirOptions,
): model.CitizenDisclosure[] {
  const index = indexResources(resources);
  const citizens = new Map<string, model.CitizenDisclosure>();
  for (const r of resources) {
    if (r.resourceType === 'Patient') citizens.set(r.id, { ...fromPatient(r), vaccinations: [] });
  }
  for (const r of resources) {
    if (r.resourceType !== 'Immunization') continue;
    const patient = required(resolve(index, r.patient, 'Patient'), `Immunization/${r.id}.patient`);
    citizens.get(patient.id)?.vaccinations.push(fromImmunization(r, index, options));
  }
  return [...citizens.values()];
}
