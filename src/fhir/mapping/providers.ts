// Care providers: Organization (nl-core-HealthcareProvider-Organization), Location
// (nl-core-HealthcareProvider), Practitioner and PractitionerRole
// (nl-core-HealthProfessional-*), and the References to them, each with a display.
import type * as fhir from '../r4.ts';
import { naming } from './codeSystems.ts';
import { address, addressLine, contactPoint } from './contact.ts';
import { concept, identifier, reference } from './datatypes.ts';
import type * as model from './model.ts';
import { professionalDisplayName, professionalName } from './names.ts';
import type { Rendering } from './rendering.ts';

const identifiers = (pairs: [string, model.Maybe<string>][]): fhir.Identifier[] =>
  pairs.flatMap(([system, value]) => (value ? [identifier(system, value)] : []));

const optional = <K extends string, T>(key: K, values: T[]) =>
  (values.length > 0 ? { [key]: values } : {}) as Partial<Record<K, T[]>>;

export const organizationReference = (o: model.Organization) =>
  reference('Organization', o.id, o.name);

export function organization(o: model.Organization, r: Rendering): fhir.Organization {
  return {
    resourceType: 'Organization',
    id: o.id,
    meta: { profile: [r.profiles.organization] },
    ...optional(
      'identifier',
      identifiers([
        [naming.ura, o.ura],
        [naming.agb, o.agb],
      ]),
    ),
    ...optional('type', o.type ? [concept(o.type)] : []),
    name: o.name,
    ...optional('telecom', o.telecom.map(contactPoint)),
    ...optional('address', o.addresses.map(address)),
  };
}

/** Location.name is optional in the registries; the display falls back to the address. */
export const locationDisplay = (l: model.Location) =>
  l.name?.trim() || addressLine(l.addresses[0]) || 'Vaccinatielocatie';

export const locationReference = (l: model.Location) =>
  reference('Location', l.id, locationDisplay(l));

export function location(l: model.Location, r: Rendering): fhir.Location {
  const first = l.addresses[0];
  return {
    resourceType: 'Location',
    id: l.id,
    meta: { profile: [r.profiles.location] },
    ...(l.name?.trim() ? { name: l.name.trim() } : {}),
    ...optional('telecom', l.telecom.map(contactPoint)),
    // FHIR gives a Location one address; a second registered address is not disclosed.
    ...(first ? { address: address(first) } : {}),
    ...(l.managingOrganization
      ? { managingOrganization: organizationReference(l.managingOrganization) }
      : {}),
  };
}

const professionalDisplay = (p: model.Professional) => professionalDisplayName(p) || 'Zorgverlener';

export const practitionerReference = (p: model.Professional) =>
  reference('Practitioner', p.id, professionalDisplay(p));

export function practitioner(p: model.Professional, r: Rendering): fhir.Practitioner {
  const name = professionalName(p);
  return {
    resourceType: 'Practitioner',
    id: p.id,
    meta: { profile: [r.profiles.practitioner] },
    ...optional(
      'identifier',
      identifiers([
        [naming.big, p.big],
        [naming.uzi, p.uzi],
        [naming.agb, p.agb],
      ]),
    ),
    ...optional('name', name ? [name] : []),
  };
}

export function practitionerRoleReference(role: model.ProfessionalRole): fhir.Reference {
  const who = professionalDisplay(role.professional);
  const display = role.organization ? `${who} (${role.organization.name})` : who;
  return reference('PractitionerRole', role.id, display);
}

export function practitionerRole(
  role: model.ProfessionalRole,
  r: Rendering,
): fhir.PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: role.id,
    meta: { profile: [r.profiles.practitionerRole] },
    practitioner: practitionerReference(role.professional),
    ...(role.organization ? { organization: organizationReference(role.organization) } : {}),
    ...optional('specialty', role.specialty ? [concept(role.specialty)] : []),
  };
}
