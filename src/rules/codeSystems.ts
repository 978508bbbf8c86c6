// The code systems of vaccine products and routes, as FHIR names them: the G-Standaard tables
// by OID (HPK handelsproduct, PRK voorschrijfproduct, GPK generiek product, ZI-nummer, table 7
// routes), SNOMED CT and ATC. One list for the store, GraphQL, FHIR and the imports.

export const productCodeSystems = {
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
  zi: 'urn:oid:2.16.840.1.113883.2.4.4.8',
  snomed: 'http://snomed.info/sct',
  atc: 'http://www.whocc.no/atc',
} as const;

export const routeCodeSystem = 'urn:oid:2.16.840.1.113883.2.4.4.9';
