// A citizen's disclosed vaccinations rendered as FHIR: the Immunizations (search matches, in
// the order the core returns them) and every resource they lead to, each once, for `_include`
// and for reads, which are limited to resources linked to the token's patient.
import type * as fhir from '../r4.ts';
import { immunization } from './immunization.ts';
import { medication } from './medication.ts';
import { medicationId } from './ids.ts';
import type { CitizenDisclosure, Organization } from './model.ts';
import { patient } from './patient.ts';
import { location, organization, practitioner, practitionerRole } from './providers.ts';
import type { Rendering } from './rendering.ts';
import { sharedRendering } from './sharedRenderings.ts';

export interface RenderedDisclosure {
  immunizations: fhir.Immunization[];
  /** Everything else, keyed `Type/id`: Patient, Medication, care providers. */
  related: Map<string, fhir.DisclosedResource>;
}

export function renderDisclosure(d: CitizenDisclosure, r: Rendering): RenderedDisclosure {
  const related = new Map<string, fhir.DisclosedResource>();
  // Vaccinations share their providers and products: each resource is rendered once per
  // request, and the shared ones once per process while they stay the same.
  const once = (type: string, id: string, render: () => fhir.DisclosedResource) => {
    const key = `${type}/${id}`;
    if (!related.has(key)) related.set(key, render());
  };
  const shared = <S>(type: string, id: string, source: S, render: (s: S) => Shared) =>
    once(type, id, () => sharedRendering(r, `${type}/${id}`, source, render));
  const organizationOnce = (o: Organization) =>
    shared('Organization', o.id, o, (x) => organization(x, r));

  once('Patient', d.id, () => patient(d, r));
  const immunizations = d.vaccinations.map((v) => {
    // The core filters what a PGO may see; a non-disclosable record here is a bug upstream.
    if (v.disclosable === false) throw new Error(`Vaccination ${v.id} is not disclosable`);
    const batch = { product: v.product, lotNumber: v.lotNumber };
    shared('Medication', medicationId(v.product.id, v.lotNumber), batch, (b) => medication(b, r));
    if (v.performerOrganization) organizationOnce(v.performerOrganization);
    if (v.performer) {
      const role = v.performer;
      shared('PractitionerRole', role.id, role, (x) => practitionerRole(x, r));
      shared('Practitioner', role.professional.id, role.professional, (x) => practitioner(x, r));
      if (role.organization) organizationOnce(role.organization);
    }
    if (v.location) {
      const place = v.location;
      shared('Location', place.id, place, (x) => location(x, r));
      if (place.managingOrganization) organizationOnce(place.managingOrganization);
    }
    return immunization(v, d, r);
  });
  return { immunizations, related };
}

type Shared =
  fhir.Medication | fhir.Organization | fhir.Practitioner | fhir.PractitionerRole | fhir.Location;

/** The `_include` targets this server follows (the CapabilityStatement's two, and location). */
export const immunizationIncludes = ['patient', 'performer', 'location'] as const;
export type ImmunizationInclude = (typeof immunizationIncludes)[number];

/** What a searchset may carry beside its matches: the `_include` targets and the product. */
export type IncludeTarget = ImmunizationInclude | 'medication';

function referencesTo(
  imm: fhir.Immunization,
  target: IncludeTarget,
): (fhir.Reference | undefined)[] {
  switch (target) {
    case 'patient':
      return [imm.patient];
    case 'location':
      return [imm.location];
    case 'performer':
      return (imm.performer ?? []).map((p) => p.actor);
    case 'medication':
      // The product extension of either version; no `_include` parameter names it.
      return (imm.extension ?? [])
        .map((e) => e.valueReference)
        .filter((r) => r?.type === 'Medication');
  }
}

/** The resources one Immunization's `_include=Immunization:<include>` (or its product) adds. */
export function followInclude(
  imm: fhir.Immunization,
  include: IncludeTarget,
  related: RenderedDisclosure['related'],
): fhir.DisclosedResource[] {
  return referencesTo(imm, include).flatMap((ref) => {
    const target = ref?.reference ? related.get(ref.reference) : undefined;
    return target ? [target] : [];
  });
}
