// The availability test (medmij-dva.md §5, §16), after DigiD login and before consent: RIVM
// knows the citizen, the citizen is 16 or older today, and at least one of their records may
// be disclosed to a PGO (rules/disclosure.ts). The caller answers every failure alike
// (`access_denied`), so the PGO learns nothing about which condition failed; the reason is
// for our audit trail only.
import { MINIMUM_DISCLOSURE_AGE, ageOn } from '../rules/age.ts';
import { isDisclosable } from '../rules/disclosure.ts';
import type { Prisma, PrismaClient } from '../store/generated/client.ts';

export type Unavailable = 'citizen_unknown' | 'under_minimum_age' | 'nothing_disclosable';

export type Availability = { available: true } | { available: false; reason: Unavailable };

type Store = PrismaClient | Prisma.TransactionClient;

export async function availabilityTest(
  prisma: Store,
  citizenId: string | null,
  now: Date,
): Promise<Availability> {
  if (!citizenId) return { available: false, reason: 'citizen_unknown' };
  const citizen = await prisma.citizen.findUnique({
    where: { id: citizenId },
    select: { birthDate: true },
  });
  if (!citizen) return { available: false, reason: 'citizen_unknown' };
  if (ageOn(citizen.birthDate, now) < MINIMUM_DISCLOSURE_AGE) {
    return { available: false, reason: 'under_minimum_age' };
  }

  // Records that could pass, narrowed in SQL; the rule itself is decided by isDisclosable.
  const candidates = await prisma.vaccination.findMany({
    where: { citizenId, retractedAt: null, status: { not: 'ENTERED_IN_ERROR' } },
    select: { source: true, status: true, retractedAt: true, consentToShare: true },
  });
  if (!candidates.some((record) => isDisclosable(record, citizen, now))) {
    return { available: false, reason: 'nothing_disclosable' };
  }
  return { available: true };
}
