// From the FHIR mapping's neutral model (src/fhir/mapping/model.ts, what fromFhir.ts reads) to
// the importer's records (../model.ts). The mapping keeps more than the importer's tables do;
// what is dropped here is listed, with the reason, in test/ingest-fhir-round-trip.test.ts.
import type * as fhirModel from '../../fhir/mapping/model.ts';
import { productSystems } from '../codeSystems.ts';
import type {
  Address,
  Coding,
  IncomingCitizen,
  IncomingLocation,
  IncomingOrganization,
  IncomingProduct,
  IncomingProfessional,
  IncomingVaccination,
} from '../model.ts';

type Maybe<T> = fhirModel.Maybe<T>;

const text = (value: Maybe<string>) => value ?? null;

export const coding = (c: Maybe<fhirModel.Coding>): Coding | null =>
  c ? { system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) } : null;

const codings = (list: fhirModel.Coding[]): Coding[] => list.map((c) => coding(c)!);

export function citizenOf(c: fhirModel.Citizen, bsn: string): IncomingCitizen {
  return {
    bsn,
    birthDate: c.birthDate,
    gender: c.gender,
    givenNames: text(c.name.givenNames),
    initials: text(c.name.initials),
    callName: text(c.name.callName),
    familyNamePrefix: text(c.name.familyNamePrefix),
    familyName: c.name.familyName,
    partnerNamePrefix: text(c.name.partnerNamePrefix),
    partnerName: text(c.name.partnerName),
    nameUsage: c.name.usage,
  };
}

export function productOf(p: fhirModel.VaccineProduct): IncomingProduct {
  const product: IncomingProduct = {
    display: p.display,
    hpk: null,
    prk: null,
    gpk: null,
    zi: null,
    snomed: null,
    atc: null,
    description: text(p.description),
  };
  // The first code per system; codings in systems without a column are not kept.
  for (const c of p.codings) {
    const column = productSystems[c.system as keyof typeof productSystems];
    if (!column || product[column] !== null) continue;
    if (column === 'snomed' || column === 'atc') product[column] = coding(c);
    else product[column] = c.code;
  }
  return product;
}

export function organizationOf(o: Maybe<fhirModel.Organization>): IncomingOrganization | null {
  // The importer keys organisations by URA or AGB; one with neither cannot be stored.
  if (!o || (!o.ura && !o.agb)) return null;
  return { ura: text(o.ura), agb: text(o.agb), name: o.name };
}

export function professionalOf(role: Maybe<fhirModel.ProfessionalRole>) {
  const p = role?.professional;
  if (!role || !p || (!p.uzi && !p.agb && !p.big)) return null;
  const professional: IncomingProfessional = {
    agb: text(p.agb),
    uzi: text(p.uzi),
    big: text(p.big),
    givenName: text(p.givenName),
    initials: text(p.initials),
    namePrefix: text(p.namePrefix),
    familyName: text(p.familyName),
    specialty: coding(role.specialty),
  };
  return professional;
}

const addressOf = (a: fhirModel.Address | undefined): Address | null =>
  a
    ? {
        line: a.line,
        ...(a.postalCode ? { postalCode: a.postalCode } : {}),
        ...(a.city ? { city: a.city } : {}),
        ...(a.country ? { country: a.country } : {}),
      }
    : null;

export function locationOf(l: Maybe<fhirModel.Location>): IncomingLocation | null {
  if (!l) return null;
  return {
    key: l.id,
    name: text(l.name),
    address: addressOf(l.addresses[0]),
    managingOrganization: organizationOf(l.managingOrganization),
  };
}

/** `recorded`: Immunization.recorded; without it, the occurrence (a stable stand-in). */
export function vaccinationOf(
  v: fhirModel.Vaccination,
  recorded: Date | null,
  madeAt: Date,
): IncomingVaccination {
  const retracted = v.status === 'ENTERED_IN_ERROR';
  const occurrence = new Date(v.occurrence);
  return {
    sourceRecordId: v.sourceRecordId,
    status: v.status === 'NOT_DONE' ? 'NOT_DONE' : 'COMPLETED',
    // FHIR says only that the record is in error, not when: the input's time stands in.
    retraction: retracted ? { at: madeAt, reason: null } : null,
    occurrence,
    occurrencePrecision: v.occurrencePrecision,
    doseNumber: v.doseNumber ?? null,
    lotNumber: text(v.lotNumber),
    route: coding(v.route),
    site: coding(v.site),
    laterality: coding(v.laterality),
    doseQuantity: v.doseQuantity ? v.doseQuantity.value.toFixed(3) : null,
    doseUnit: v.doseQuantity?.unit ?? null,
    targetDiseases: codings(v.targetDiseases),
    reasonMotives: codings(v.reasonMotives),
    reasonIndications: codings(v.reasonIndications),
    note: text(v.note),
    // FHIR carries no CIMS sharing consent; see docs/ingest-formats.md.
    consentToShare: null,
    recordedAt: recorded ?? occurrence,
  };
}
