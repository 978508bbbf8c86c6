// The FHIR R4 shapes the façade produces and reads, as plain JSON types: only the elements our
// profiles use. Primitive extensions (`_value`, `_family`, ...) are typed where we write them.

export interface Extension {
  url: string;
  extension?: Extension[];
  valueCode?: string;
  valueString?: string;
  valueReference?: Reference;
  valueCodeableConcept?: CodeableConcept;
}

/** The `_name` sibling that carries extensions on a primitive element. */
export interface PrimitiveExtension {
  extension: Extension[];
}

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  extension?: Extension[];
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  extension?: Extension[];
  reference?: string;
  type?: string;
  display?: string;
}

export interface Identifier {
  system: string;
  value?: string;
  _value?: PrimitiveExtension;
}

export interface Quantity {
  value: number;
  unit: string;
  system?: string;
  code?: string;
}

export interface HumanName {
  extension?: Extension[];
  use: 'official' | 'usual';
  text?: string;
  family?: string;
  _family?: PrimitiveExtension;
  given?: string[];
  _given?: (PrimitiveExtension | null)[];
}

export interface Address {
  use?: string;
  type?: string;
  line?: string[];
  city?: string;
  postalCode?: string;
  country?: string;
}

export interface ContactPoint {
  system: string;
  value: string;
  use?: string;
}

export interface Meta {
  profile: string[];
}

interface ResourceBase {
  id: string;
  meta: Meta;
  extension?: Extension[];
}

export interface ImmunizationPerformer {
  function?: CodeableConcept;
  actor: Reference;
}

export interface Immunization extends ResourceBase {
  resourceType: 'Immunization';
  /** Never written by the mapping; read from imported resources (`#locatie1`). */
  contained?: DisclosedResource[];
  identifier?: Identifier[];
  status: 'completed' | 'not-done' | 'entered-in-error';
  vaccineCode: CodeableConcept;
  patient: Reference;
  occurrenceDateTime: string;
  location?: Reference;
  lotNumber?: string;
  site?: CodeableConcept;
  route?: CodeableConcept;
  doseQuantity?: Quantity;
  performer?: ImmunizationPerformer[];
  note?: { text: string }[];
  reasonCode?: CodeableConcept[];
  protocolApplied?: {
    targetDisease?: CodeableConcept[];
    doseNumberPositiveInt?: number;
    doseNumberString?: string;
  }[];
}

export interface Medication extends ResourceBase {
  resourceType: 'Medication';
  code: CodeableConcept;
  batch: { lotNumber?: string; _lotNumber?: PrimitiveExtension };
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  type?: CodeableConcept[];
  name: string;
  telecom?: ContactPoint[];
  address?: Address[];
}

export interface Location extends ResourceBase {
  resourceType: 'Location';
  name?: string;
  telecom?: ContactPoint[];
  address?: Address;
  managingOrganization?: Reference;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  name?: HumanName[];
}

export interface PractitionerRole extends ResourceBase {
  resourceType: 'PractitionerRole';
  practitioner?: Reference;
  organization?: Reference;
  specialty?: CodeableConcept[];
}

/** Every resource the vaccination mapping produces. */
export type DisclosedResource =
  Immunization | Medication | Patient | Organization | Location | Practitioner | PractitionerRole;

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics?: string;
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

export interface BundleEntry {
  fullUrl: string;
  resource: { resourceType: string; id?: string };
  search: { mode: 'match' | 'include' | 'outcome' };
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next'; url: string }[];
  entry?: BundleEntry[];
}

/** Anything with a resourceType: what the serialisers accept. */
export interface AnyResource {
  resourceType: string;
  id?: string;
}
