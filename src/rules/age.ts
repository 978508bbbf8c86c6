// Age in whole years on a given day, as the age rules of MedMij and RIVM count it: a person
// born on 29 February turns a year older on 1 March in non-leap years.

export function ageOn(birthDate: Date, day: Date): number {
  const years = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const birthdayPassed =
    day.getUTCMonth() > birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() >= birthDate.getUTCDate());
  return birthdayPassed ? years : years - 1;
}

/** RIVM discloses vaccination data to PGOs only for citizens of this age or older. */
export const MINIMUM_DISCLOSURE_AGE = 16;
