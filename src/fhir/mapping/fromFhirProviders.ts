// Care providers read back from FHIR into the neutral model: Organization, Location (contained
// or not), Practitioner and PractitionerRole, the inverses of providers.ts, contact.ts and the
// professional's name in names.ts.
import type * as fhir from '../r4.ts';
import { coreExtensions, naming } from './codeSystems.ts';
import { fromCoding } from './datatypes.ts';
import type * as model from './model.ts';
import { required, resolve, type ResourceIndex } from './resolve.ts';

const identifierValue = (ids: fhir.Identifier[] | undefined, system: string) =>
  ids?.find((i) => i.system === system && i.value)?.value ?? null;

const firstCoding = (concepts: fhir.CodeableConcept[] | undefined) => {
  const c = concepts?.[0]?.coding?.[0];
  return c ? fromCoding(c) : null;
};

export function fromAddress(a: fhir.Address): model.Address {
  return {
    use: a.use ?? null,
    type: a.type ?? null,
    line: a.line ?? [],
    city: a.city ?? null,
    postalCode: a.postalCode ?? null,
    country: a.country ?? null,
  };
}

export function fromTelecom(list: fhir.ContactPoint[] | undefined): model.ContactPoint[] {
  return (list ?? [])
    .filter((c) => c.system && c.value)
    .map((c) => ({ system: c.system, value: c.value, use: c.use ?? null }));
}

/** The model (and the store) needs a name; FHIR does not (a Nictiz example has none). */
const unnamed = (ura: string | null) => (ura ? `Zorgaanbieder (URA ${ura})` : 'Zorgaanbieder');

export function fromOrganization(o: fhir.Organization): model.Organization {
  const ura = identifierValue(o.identifier, naming.ura);
  return {
    id: o.id,
    name: o.name?.trim() || unnamed(ura),
    ura,
    agb: identifierValue(o.identifier, naming.agb),
    type: firstCoding(o.type),
    addresses: (o.address ?? []).map(fromAddress),
    telecom: fromTelecom(o.telecom),
  };
}

export function fromLocation(
  l: fhir.Location,
  index: ResourceIndex,
  id: string = l.id,
): model.Location {
  const managing = resolve(index, l.managingOrganization, 'Organization');
  return {
    id,
    name: l.name ?? null,
    addresses: l.address ? [fromAddress(l.address)] : [],
    telecom: fromTelecom(l.telecom),
    managingOrganization: managing ? fromOrganization(managing) : null,
  };
}

export function fromPractitioner(p: fhir.Practitioner): model.Professional {
  const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
  const parts = new Map((name?._family?.extension ?? []).map((e) => [e.url, e.valueString]));
  const qualifier = (i: number) =>
    name?._given?.[i]?.extension.find((e) => e.url === coreExtensions.nameQualifier)?.valueCode;
  const given = name?.given ?? [];
  const initials = given.filter((_, i) => qualifier(i) === 'IN');
  const full = given.filter((_, i) => qualifier(i) !== 'IN');
  return {
    id: p.id,
    big: identifierValue(p.identifier, naming.big),
    uzi: identifierValue(p.identifier, naming.uzi),
    agb: identifierValue(p.identifier, naming.agb),
    givenName: full.join(' ') || null,
    initials: initials.join('') || null,
    namePrefix: parts.get(coreExtensions.ownPrefix) ?? null,
    familyName: parts.get(coreExtensions.ownName) ?? name?.family ?? null,
  };
}

export function fromPractitionerRole(
  role: fhir.PractitionerRole,
  index: ResourceIndex,
): model.ProfessionalRole {
  const practitioner = required(
    resolve(index, role.practitioner, 'Practitioner'),
    `PractitionerRole/${role.id}.practitioner`,
  );
  const organization = resolve(index, role.organization, 'Organization');
  return {
    id: role.id,
    professional: fromPractitioner(practitioner),
    organization: organization ? fromOrganization(organization) : null,
    specialty: firstCoding(role.specialty),
  };
}
