// What differs between the information-standard versions a PGO may expect: profile canonicals,
// extension URLs, the product code binding, the dose unit rule, the performer's shape and what a
// search carries beside its matches. The mapping reads everything version-specific from a
// Rendering, so a second version is a second object here, not a second mapping.
import { administeringProvider, atcVaccines, codeSystems } from './codeSystems.ts';
import type { IncludeTarget } from './disclosure.ts';
import type { Coding, ImmunizationPerformer, Reference } from '../r4.ts';

/** A required binding on vaccineCode and Medication.code, and how a product meets it. */
export interface ProductCodeBinding {
  /** The code systems the bound value set draws from (each one whole). */
  systems: readonly string[];
  /** Added to a product none of whose codings is from those systems. */
  fallback: Coding;
}

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
  /** Null where the binding is extensible: an uncoded product is text plus nullFlavor OTH. */
  requiredProductCode: ProductCodeBinding | null;
  /** Whether doseQuantity must be UCUM (its system fixed by the profile). */
  ucumDoseOnly: boolean;
  /** What a search with `_include` carries beyond the requested targets (see ../includes.ts). */
  alwaysIncluded: readonly IncludeTarget[];
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

/** Function AP: what MGO shows, and what the 1.0 `administrator` slice requires. */
const administering = (actor: Reference): ImmunizationPerformer => ({
  function: { coding: [{ ...administeringProvider }] },
  actor,
});

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
  // vaccineCode and Medication.code bind …60.131.11.7 extensibly.
  requiredProductCode: null,
  ucumDoseOnly: false,
  // Its qualification scripts read each Medication with GET Medication/{id} after the search.
  alwaysIncluded: [],
  // imm-Vaccination-event slices performer by the resolved actor (healthcareProvider or
  // healthProfessional); the function is not part of the slicing, but MGO shows only AP.
  performer: administering,
};

/**
 * Vaccinatie-Immunisatie 1.0 (nl-core-Vaccination-event and nl-core-PharmaceuticalProduct of
 * nl-core 0.10.0-beta.1): phased out by Nictiz, but the line MGO renders today.
 */
export const vaccinationImmunization1: Rendering = {
  name: 'Vaccinatie-Immunisatie 1.0',
  profiles: {
    ...nlCore,
    immunization: `${nictiz}nl-core-Vaccination-event`,
    medication: `${nictiz}nl-core-PharmaceuticalProduct`,
  },
  extensions: {
    ...zibExtensions,
    pharmaceuticalProduct: `${nictiz}ext-Vaccination.PharmaceuticalProduct`,
  },
  // vaccineCode binds …60.121.11.17 and Medication.code …60.121.11.12, both required: the
  // G-Standaard PRK, HPK, GPK and ZI tables, GTIN and ATC (the latter also nullFlavor OTH, which
  // vaccineCode lacks). SNOMED CT is in neither, so a product known only by SNOMED CT or by name
  // gets ATC J07 "vaccins" beside its own codes and name: true of every vaccine, valid in both
  // value sets, and it keeps vaccineCode equal to Medication.code as the profile demands.
  requiredProductCode: {
    systems: [
      codeSystems.gstdPrk,
      codeSystems.gstdHpk,
      codeSystems.gstdGpk,
      codeSystems.gstdZi,
      codeSystems.gtin,
      codeSystems.atc,
    ],
    fallback: atcVaccines,
  },
  // zib-Vaccination-event fixes doseQuantity.system to UCUM.
  ucumDoseOnly: true,
  // Its qualification scripts (default target) find each Medication inside the search Bundle.
  alwaysIncluded: ['medication'],
  // zib-Vaccination-event slices performer by function; the `administrator` slice (0..1) needs
  // function v2-0443 AP and takes an Organization or a PractitionerRole as actor.
  performer: administering,
};
