// What differs between the information-standard versions a PGO may expect: profile canonicals,
// extension URLs and the performer's shape. The mapping reads everything version-specific from
// a Rendering, so a second version is a second object here, not a second mapping.
import { administeringProvider } from './codeSystems.ts';
import type { ImmunizationPerformer, Reference } from '../r4.ts';

export interface Rendering {
  /** The information standard and version, for logs and configuration. */
  name: string;
  /** Unversioned canonicals for meta.profile (MGO matches them exactly). */
  profiles: {
    immunization: string;
    medication: string;
    patient: string;
    organization: string;
    location: string;
    practitioner: string;
    practitionerRole: string;
  };
  extensions: {
    /** On Immunization: the reference to the Medication (the vaccine product). */
    pharmaceuticalProduct: string;
    /** On Medication: free-text description of the product. */
    productDescription: string;
    /** On Immunization.site: left or right. */
    laterality: string;
  };
  /** The one performer: who administered the vaccine (an Organization or PractitionerRole). */
  performer(actor: Reference): ImmunizationPerformer;
}

const nictiz = 'http://nictiz.nl/fhir/StructureDefinition/';

const nlCore = {
  patient: `${nictiz}nl-core-Patient`,
  organization: `${nictiz}nl-core-HealthcareProvider-Organization`,
  location: `${nictiz}nl-core-HealthcareProvider`,
  practitioner: `${nictiz}nl-core-HealthProfessional-Practitioner`,
  practitionerRole: `${nictiz}nl-core-HealthProfessional-PractitionerRole`,
};

const zibExtensions = {
  productDescription: `${nictiz}ext-PharmaceuticalProduct.Description`,
  laterality: `${nictiz}ext-AnatomicalLocation.Laterality`,
};

/** Vaccinatie-Immunisatie 2.0 (package 2.0.0, nl-core 0.10.0-beta.1): what MedMij asks now. */
export const vaccinationImmunization2: Rendering = {
  name: 'Vaccinatie-Immunisatie 2.0',
  profiles: {
    ...nlCore,
    immunization: `${nictiz}imm-Vaccination-event`,
    medication: `${nictiz}imm-PharmaceuticalProduct`,
  },
  extensions: {
    ...zibExtensions,
    pharmaceuticalProduct: `${nictiz}ext-imm-Vaccination.PharmaceuticalProduct`,
  },
  // imm-Vaccination-event slices performer by the resolved actor (healthcareProvider or
  // healthProfessional); the function is not part of the slicing, but MGO shows only AP.
  performer: (actor) => ({ function: { coding: [{ ...administeringProvider }] }, actor }),
};

// A 1.0 rendering (nl-core-Vaccination-event, nl-core-PharmaceuticalProduct,
// ext-Vaccination.PharmaceuticalProduct) would be another Rendering with those URLs; its
// `administrator` performer slice is discriminated by function = AP, which `performer` above
// already writes, so the JSON shape of the performer is the same.
