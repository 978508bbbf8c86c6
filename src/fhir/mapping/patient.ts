// The citizen as nl-core-Patient. The BSN identifier is present but masked: MedMij responses
// never carry a BSN value (data-absent-reason `masked`), and this mapping is never given one.
import type * as fhir from '../r4.ts';
import { naming } from './codeSystems.ts';
import { gender, maskedIdentifier, reference } from './datatypes.ts';
import type { Citizen } from './model.ts';
import { officialName, usualName } from './names.ts';
import type { Rendering } from './rendering.ts';

export const patientReference = (c: Citizen) => reference('Patient', c.id, c.name.formatted);

export function patient(c: Citizen, r: Rendering): fhir.Patient {
  const usual = usualName(c.name);
  return {
    resourceType: 'Patient',
    id: c.id,
    meta: { profile: [r.profiles.patient] },
    identifier: [maskedIdentifier(naming.bsn)],
    name: usual ? [officialName(c.name), usual] : [officialName(c.name)],
    gender: gender(c.gender),
    birthDate: c.birthDate,
  };
}
