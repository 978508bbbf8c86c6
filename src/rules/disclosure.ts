// Which vaccination records a PGO may receive. RIVM discloses a record to the citizen's PGO
// only when the citizen is 16 or older today (whatever their age at vaccination), the record
// stands (not entered in error, not retracted) and, for CIMS (COVID-19), the citizen consented
// to sharing when vaccinated.
import type { Citizen, Vaccination } from '../store/generated/client.ts';
import { MINIMUM_DISCLOSURE_AGE, ageOn } from './age.ts';

export type DisclosureFacts = Pick<
  Vaccination,
  'source' | 'status' | 'retractedAt' | 'consentToShare'
>;

export function isDisclosable(
  vaccination: DisclosureFacts,
  citizen: Pick<Citizen, 'birthDate'>,
  now: Date,
): boolean {
  if (ageOn(citizen.birthDate, now) < MINIMUM_DISCLOSURE_AGE) return false;
  if (vaccination.status === 'ENTERED_IN_ERROR' || vaccination.retractedAt !== null) return false;
  // CIMS asks each citizen for consent; null (never asked) is no consent.
  if (vaccination.source === 'CIMS') return vaccination.consentToShare === true;
  return true;
}
