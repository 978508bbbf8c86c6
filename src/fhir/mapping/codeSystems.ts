// The code systems, identifier systems and core extensions the vaccination mapping writes and
// reads (MedMij DVA reference §14), in one place so rendering and a later import agree.
// Profile-specific URLs (profiles, Nictiz extensions) live in rendering.ts instead.
import { productCodeSystems, routeCodeSystem } from '../../rules/codeSystems.ts';

export const naming = {
  bsn: 'http://fhir.nl/fhir/NamingSystem/bsn',
  ura: 'http://fhir.nl/fhir/NamingSystem/ura',
  agb: 'http://fhir.nl/fhir/NamingSystem/agb-z',
  big: 'http://fhir.nl/fhir/NamingSystem/big',
  uzi: 'http://fhir.nl/fhir/NamingSystem/uzi-nr-pers',
} as const;

/**
 * System of Immunization.identifier, whose value is the source registry's own record id.
 * This is the OID the Nictiz 2.0 fixtures use (a branch of the Vaccinatie-Immunisatie project
 * space, 2.16.840.1.113883.2.4.3.11.60.131); RIVM has not confirmed an identifier namespace of
 * its own for CIMS or Praeventis record ids. Record ids are unique per registry only, so
 * while both registries share this placeholder a CIMS and a Praeventis id could coincide;
 * per-registry OIDs from RIVM would replace the entries below and nothing else.
 */
export const IMMUNIZATION_IDENTIFIER_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.131.2';

export const immunizationIdentifierSystems = {
  CIMS: IMMUNIZATION_IDENTIFIER_SYSTEM,
  PRAEVENTIS: IMMUNIZATION_IDENTIFIER_SYSTEM,
} as const;

export const codeSystems = {
  snomed: productCodeSystems.snomed,
  ucum: 'http://unitsofmeasure.org',
  atc: productCodeSystems.atc,
  /** G-Standaard tables: HPK (handelsproduct), PRK, GPK, ZI-nummer, route (table 7). */
  gstdHpk: productCodeSystems.hpk,
  gstdPrk: productCodeSystems.prk,
  gstdGpk: productCodeSystems.gpk,
  gstdZi: productCodeSystems.zi,
  gstdRoute: routeCodeSystem,
  gtin: 'https://www.gs1.org/gtin',
  performerFunction: 'http://terminology.hl7.org/CodeSystem/v2-0443',
} as const;

/**
 * The order codings of one product are written in: the G-Standaard code first (preferred by
 * imm-Vaccination-event), the most specific before the more generic, then SNOMED CT and ATC.
 */
export const productCodingOrder: readonly string[] = [
  codeSystems.gstdHpk,
  codeSystems.gstdPrk,
  codeSystems.gstdGpk,
  codeSystems.gstdZi,
  codeSystems.snomed,
  codeSystems.atc,
];

/**
 * ATC group J07, "vaccins": the most specific code every vaccine product has. Written only where
 * a required product binding (Vaccinatie-Immunisatie 1.0) leaves no other truthful choice.
 */
export const atcVaccines = { system: codeSystems.atc, code: 'J07', display: 'vaccins' } as const;

/**
 * Codings whose system starts here are zib value set OIDs, not code systems; the Nictiz
 * qualification rejects them (use codeSystems.gstdRoute for routes, not …60.40.2.9.13.2).
 */
export const ZIB_VALUE_SET_OID_PREFIX = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.2';

/** The performer function MGO and the Nictiz fixtures expect: Administering Provider. */
export const administeringProvider = {
  system: codeSystems.performerFunction,
  code: 'AP',
  display: 'Administering Provider',
} as const;

export const coreExtensions = {
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  nullFlavor: 'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor',
  nameQualifier: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier',
  assemblyOrder: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order',
  ownPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix',
  ownName: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name',
  partnerPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-prefix',
  partnerName: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name',
} as const;
