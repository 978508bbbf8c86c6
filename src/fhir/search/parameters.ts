// The parameters of `GET [base]/Immunization` (medmij-dva.md §12.2): `_include` in any of the
// forms clients send (repeated, comma-separated, `Immunization:x` or just `x`; percent-decoding
// happens before this), `_count` and `_offset` for paging, `_format`. Lenient by default, as
// FHIR search is: unknown parameters and unsupported values are ignored and not echoed. Under
// `Prefer: handling=strict` they are a 400. `patient` and `subject` never select anyone: the
// patient comes from the token (core.rscint.203), so they are dropped and never echoed.
import { fhirError, type FhirError } from '../errors.ts';
import { immunizationIncludes, type ImmunizationInclude } from '../mapping/disclosure.ts';

export interface ImmunizationSearch {
  /** Requested includes, each once, in request order. */
  includes: ImmunizationInclude[];
  /** Page size; undefined means all matches in one Bundle (what the qualification expects). */
  count: number | undefined;
  /** Matches skipped before this page. */
  offset: number;
  /** What the self link echoes: the applied parameters, canonical, in request order. */
  applied: [name: string, value: string][];
}

/** `patient`, `subject`, with any modifier or chain (`patient:Patient`, `subject.identifier`). */
const personParameter = /^(patient|subject)([:.].*)?$/i;

/** A parameter name fit to repeat in an error: short, plain, and no run of digits like a BSN. */
const shown = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_:.-]{0,39}$/.test(name) && !/[0-9]{9}/.test(name) ? name : '(unnamed)';

/** A page never holds more than this many matches, whatever `_count` asks. */
export const MAX_COUNT = 1000;

const includeForms = new Map<string, ImmunizationInclude>(
  immunizationIncludes.flatMap((i) => [
    [`Immunization:${i}`, i],
    [i, i],
  ]),
);

const nonNegative = /^(0|[1-9][0-9]{0,8})$/;

function integer(name: string, value: string): number | FhirError {
  if (!nonNegative.test(value)) {
    return fhirError('invalid-search', `${name} must be a whole number of 0 or more`);
  }
  return Number(value);
}

export function parseImmunizationSearch(
  params: [string, string][],
  strict: boolean,
): ImmunizationSearch | FhirError {
  const search: ImmunizationSearch = { includes: [], count: undefined, offset: 0, applied: [] };
  const refused: string[] = [];
  const paged = new Set<string>();

  for (const [name, value] of params) {
    if (personParameter.test(name)) {
      refused.push(name.split(/[:.]/)[0]!.toLowerCase());
    } else if (name === '_include') {
      for (const part of value.split(',').map((p) => p.trim())) {
        const include = includeForms.get(part);
        if (!include) refused.push('_include');
        else if (!search.includes.includes(include)) {
          search.includes.push(include);
          search.applied.push(['_include', `Immunization:${include}`]);
        }
      }
    } else if (name === '_count' || name === '_offset') {
      const n = integer(name, value);
      if (typeof n !== 'number') return n;
      // The first one counts; a repeat is refused like any parameter not applied.
      if (paged.has(name)) {
        refused.push(name);
        continue;
      }
      paged.add(name);
      const applied = name === '_count' ? (search.count = Math.min(n, MAX_COUNT)) : n;
      if (name === '_offset') search.offset = n;
      search.applied.push([name, String(applied)]);
    } else if (name === '_format') {
      // Applied by content negotiation (format/negotiate.ts); echoed so links keep the format.
      search.applied.push([name, value]);
    } else {
      refused.push(name);
    }
  }

  if (strict && refused.length > 0) {
    // Names only, never values: a value could be a BSN.
    const names = [...new Set(refused.map(shown))].join(', ');
    return fhirError('invalid-search', `Not supported on Immunization search: ${names}`);
  }
  return search;
}
