// The code systems an extract may use, by role. The values are the ones the demo data and the
// FHIR mapping use (vaccination-schedule.md); kept here so the import does not depend on a face.

export const systems = {
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
  zi: 'urn:oid:2.16.840.1.113883.2.4.4.8',
  route: 'urn:oid:2.16.840.1.113883.2.4.4.9',
  snomed: 'http://snomed.info/sct',
  atc: 'http://www.whocc.no/atc',
} as const;

/** The systems a product code may have, and the product column each one fills. */
export const productSystems = {
  [systems.hpk]: 'hpk',
  [systems.prk]: 'prk',
  [systems.gpk]: 'gpk',
  [systems.zi]: 'zi',
  [systems.snomed]: 'snomed',
  [systems.atc]: 'atc',
} as const;

export type ProductCodeColumn = (typeof productSystems)[keyof typeof productSystems];
