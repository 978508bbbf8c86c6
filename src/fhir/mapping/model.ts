// The neutral model of what Entpoort discloses about one citizen's vaccinations: the shapes the
// GraphQL SDL (schema/*.graphql) gives them, field for field, so the result of the documents in
// src/fhir/documents/ can be handed to the mapping as it is. Dates and instants arrive as the
// ISO 8601 strings the Date and DateTime scalars serialise to; nullable fields may be null or
// absent. The citizen's BSN is deliberately not part of this model.

export type Maybe<T> = T | null | undefined;

export type VaccinationStatus = 'COMPLETED' | 'NOT_DONE' | 'ENTERED_IN_ERROR';
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY' | 'SECOND';
export type Gender = 'MALE' | 'FEMALE' | 'OTHER' | 'UNKNOWN';
export type NameUsage = 'OWN' | 'PARTNER' | 'PARTNER_OWN' | 'OWN_PARTNER';
export type SourceRegistry = 'CIMS' | 'PRAEVENTIS';

export interface Coding {
  system: string;
  code: string;
  display?: Maybe<string>;
}

export interface Address {
  use?: Maybe<string>;
  type?: Maybe<string>;
  line: string[];
  city?: Maybe<string>;
  postalCode?: Maybe<string>;
  country?: Maybe<string>;
}

export interface ContactPoint {
  system: string;
  value: string;
  use?: Maybe<string>;
}

export interface Organization {
  id: string;
  name: string;
  ura?: Maybe<string>;
  agb?: Maybe<string>;
  type?: Maybe<Coding>;
  addresses: Address[];
  telecom: ContactPoint[];
}

export interface Professional {
  id: string;
  agb?: Maybe<string>;
  uzi?: Maybe<string>;
  big?: Maybe<string>;
  givenName?: Maybe<string>;
  initials?: Maybe<string>;
  namePrefix?: Maybe<string>;
  familyName?: Maybe<string>;
}

export interface ProfessionalRole {
  id: string;
  professional: Professional;
  organization?: Maybe<Organization>;
  specialty?: Maybe<Coding>;
}

export interface Location {
  id: string;
  name?: Maybe<string>;
  addresses: Address[];
  telecom: ContactPoint[];
  managingOrganization?: Maybe<Organization>;
}

export interface VaccineProduct {
  id: string;
  display: string;
  /** Every code the product is known by; empty for a product known only by its text. */
  codings: Coding[];
  description?: Maybe<string>;
}

export interface PersonName {
  givenNames?: Maybe<string>;
  initials?: Maybe<string>;
  callName?: Maybe<string>;
  familyNamePrefix?: Maybe<string>;
  familyName: string;
  partnerNamePrefix?: Maybe<string>;
  partnerName?: Maybe<string>;
  usage: NameUsage;
  formatted: string;
}

export interface Citizen {
  id: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: Gender;
  name: PersonName;
}

export interface Vaccination {
  id: string;
  source: SourceRegistry;
  sourceRecordId: string;
  status: VaccinationStatus;
  product: VaccineProduct;
  /** An instant; how much of it is known says `occurrencePrecision`. */
  occurrence: string;
  occurrencePrecision: DatePrecision;
  doseNumber?: Maybe<number>;
  lotNumber?: Maybe<string>;
  route?: Maybe<Coding>;
  site?: Maybe<Coding>;
  laterality?: Maybe<Coding>;
  doseQuantity?: Maybe<{ value: number; unit: string }>;
  performerOrganization?: Maybe<Organization>;
  performer?: Maybe<ProfessionalRole>;
  location?: Maybe<Location>;
  targetDiseases: Coding[];
  reasonMotives: Coding[];
  reasonIndications: Coding[];
  note?: Maybe<string>;
  /** The core only hands a PGO disclosable records; false here is a bug upstream. */
  disclosable?: Maybe<boolean>;
}

/** One citizen with the vaccinations a PGO may receive: `citizen` of the disclosure query. */
export interface CitizenDisclosure extends Citizen {
  vaccinations: Vaccination[];
}
