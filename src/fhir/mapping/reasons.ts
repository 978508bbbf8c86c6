// Immunization.reasonCode holds two kinds of reason, sliced by required value set: the
// vaccination indication (why this person: …60.131.11.4) and the vaccination motive (why the
// vaccination was given: …60.131.11.2). Rendering writes indications then motives; reading
// back sorts each code into its slice by these lists (medmij-dva.md §14).
import { codeSystems } from './codeSystems.ts';
import type { Coding } from './model.ts';

/** ValueSet 2.16.840.1.113883.2.4.3.11.60.131.11.2--20220301153357 (SNOMED CT). */
export const vaccinationMotiveCodes: ReadonlySet<string> = new Set([
  '159741000146107',
  '159731000146104',
  '159721000146101',
  '33879002',
  '51116004',
  '14747002',
]);

/**
 * Splits reason codings into motives and indications. A code in neither value set (reasonCode's
 * slicing is open) counts as an indication: a reason about the person, not the programme.
 */
export function splitReasons(codings: readonly Coding[]): {
  reasonMotives: Coding[];
  reasonIndications: Coding[];
} {
  const isMotive = (c: Coding) =>
    c.system === codeSystems.snomed && vaccinationMotiveCodes.has(c.code);
  return {
    reasonMotives: codings.filter(isMotive),
    reasonIndications: codings.filter((c) => !isMotive(c)),
  };
}
