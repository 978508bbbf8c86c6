// The neutral records an import writes, whatever format they were read from: one vaccination
// event with the citizen and the reference data (product, performer, location) it names by
// natural key. Format readers (CSV, NDJSON, later FHIR) produce these; the writer in write/
// consumes them and knows nothing about formats.
export type Registry = 'CIMS' | 'PRAEVENTIS';

/** A FHIR Coding; a type alias (not an interface) so Prisma accepts it as JSON. */
export type Coding = { system: string; code: string; display?: string };

export type Address = { line: string[]; postalCode?: string; city?: string; country?: string };

export interface IncomingCitizen {
  bsn: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: 'MALE' | 'FEMALE' | 'OTHER' | 'UNKNOWN';
  givenNames: string | null;
  initials: string | null;
  callName: string | null;
  familyNamePrefix: string | null;
  familyName: string;
  partnerNamePrefix: string | null;
  partnerName: string | null;
  nameUsage: 'OWN' | 'PARTNER' | 'PARTNER_OWN' | 'OWN_PARTNER';
}

export interface IncomingProduct {
  display: string;
  hpk: string | null;
  prk: string | null;
  gpk: string | null;
  zi: string | null;
  snomed: Coding | null;
  atc: Coding | null;
  description: string | null;
}

export interface IncomingOrganization {
  ura: string | null;
  agb: string | null;
  name: string;
}

export interface IncomingProfessional {
  agb: string | null;
  uzi: string | null;
  big: string | null;
  givenName: string | null;
  initials: string | null;
  namePrefix: string | null;
  familyName: string | null;
  specialty: Coding | null;
}

export interface IncomingLocation {
  /** The registry's own key; the writer prefixes it with the registry. */
  key: string;
  name: string | null;
  address: Address | null;
  /** FHIR only (null: none); when absent, the record's organisation stands in. */
  managingOrganization?: IncomingOrganization | null;
}

export interface IncomingVaccination {
  sourceRecordId: string;
  /** As recorded; a retraction makes the stored status ENTERED_IN_ERROR whatever this says. */
  status: 'COMPLETED' | 'NOT_DONE';
  retraction: { at: Date; reason: string | null } | null;
  occurrence: Date;
  occurrencePrecision: 'YEAR' | 'MONTH' | 'DAY' | 'SECOND';
  doseNumber: number | null;
  lotNumber: string | null;
  route: Coding | null;
  site: Coding | null;
  laterality: Coding | null;
  /** Decimal as text with three decimals (the column's scale), e.g. "0.300". */
  doseQuantity: string | null;
  doseUnit: string | null;
  targetDiseases: Coding[];
  reasonMotives: Coding[];
  reasonIndications: Coding[];
  note: string | null;
  /** CIMS only; null for registries that need no consent. */
  consentToShare: boolean | null;
  recordedAt: Date;
}

/** One imported row: where it came from (for reports) and what it says. */
export interface IncomingRecord {
  /** Line number in the file (CSV: the line the row starts on), or entry number. */
  line: number;
  citizen: IncomingCitizen;
  vaccination: IncomingVaccination;
  product: IncomingProduct;
  organization: IncomingOrganization | null;
  professional: IncomingProfessional | null;
  location: IncomingLocation | null;
  /** The row as read, for the reject file only (CSV fields or the NDJSON line). */
  raw: string | readonly string[];
}
