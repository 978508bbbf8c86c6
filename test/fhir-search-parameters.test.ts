// How the FHIR face reads a search request: the query string in order with repeats kept and
// `%3A` and `+` decoded; `_include` in every form clients send, each target once, echoed in one
// canonical form; `_count`/`_offset` as whole numbers; person parameters never applied or named
// by value; unknown ones ignored, or refused under `Prefer: handling=strict`; and paging.
import { describe, expect, it } from 'vitest';
import { isFhirError } from '../src/fhir/errors.ts';
import { prefersStrictHandling } from '../src/fhir/http/prefer.ts';
import { queryParameters } from '../src/fhir/http/queryString.ts';
import { pageOf } from '../src/fhir/search/page.ts';
import { MAX_COUNT, parseImmunizationSearch } from '../src/fhir/search/parameters.ts';

const parse = (query: string, strict = false) => {
  const params = queryParameters(`/fhir/Immunization?${query}`);
  if (isFhirError(params)) throw new Error(params.diagnostics);
  return parseImmunizationSearch(params, strict);
};
const canonical = [
  ['_include', 'Immunization:patient'],
  ['_include', 'Immunization:performer'],
  ['_include', 'Immunization:location'],
];

describe('the query string', () => {
  it('keeps order and repeats, and decodes %3A and +', () => {
    expect(
      queryParameters('/x?_include=Immunization%3Apatient&a=1&a=2&_format=application/fhir+xml&b'),
    ).toEqual([
      ['_include', 'Immunization:patient'],
      ['a', '1'],
      ['a', '2'],
      ['_format', 'application/fhir xml'],
      ['b', ''],
    ]);
    expect(queryParameters('/x')).toEqual([]);
    expect(queryParameters('/x?a=%E0%A4%A')).toMatchObject({ status: 400 });
  });
});

describe('Immunization search parameters', () => {
  it.each([
    '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location',
    ['patient', 'performer', 'location'].map((i) => `_include=Immunization%3A${i}`).join('&'),
    '_include=Immunization:patient,Immunization:performer,Immunization:location',
    '_include=patient,performer,location',
    '_include=patient&_include=performer,Immunization:location&_include=patient',
  ])('reads every form of the three includes: %s', (query) => {
    expect(parse(query)).toEqual({
      includes: ['patient', 'performer', 'location'],
      count: undefined,
      offset: 0,
      applied: canonical,
    });
  });

  it('never applies or echoes patient or subject, and ignores the unknown', () => {
    const search = parse(
      'patient=999990019&subject:Patient=x&patient.identifier=y&foo=1&_include=patient',
    );
    expect(search).toMatchObject({ applied: [['_include', 'Immunization:patient']] });
  });

  it('refuses under strict handling, naming parameters but never values', () => {
    const refused = parse(
      'patient=999990019&foo=1&999990019=x&_include=Immunization:nonsense',
      true,
    );
    expect(isFhirError(refused) && refused.diagnostics).toBe(
      'Not supported on Immunization search: patient, foo, (unnamed), _include',
    );
    expect(parse('_include=patient&_count=2', true)).toMatchObject({ count: 2 });
  });

  it('reads _count and _offset as whole numbers, capped, echoing what it applied', () => {
    expect(parse('_count=5&_offset=10')).toMatchObject({
      count: 5,
      offset: 10,
      applied: [
        ['_count', '5'],
        ['_offset', '10'],
      ],
    });
    expect(parse(`_count=${MAX_COUNT + 1}`)).toMatchObject({ count: MAX_COUNT });
    for (const bad of ['_count=-1', '_count=1.5', '_count=', '_offset=x', '_count=01']) {
      expect(parse(bad), bad).toMatchObject({ kind: 'FhirError', status: 400 });
    }
  });

  it('pages over the matches with the next page parameters', () => {
    const all = [1, 2, 3, 4, 5];
    const first = parse('_include=patient&_count=2') as Exclude<
      ReturnType<typeof parse>,
      { kind: 'FhirError' }
    >;
    expect(pageOf(all, first)).toEqual({
      matches: [1, 2],
      next: [
        ['_include', 'Immunization:patient'],
        ['_count', '2'],
        ['_offset', '2'],
      ],
    });
    const last = parse('_count=2&_offset=4') as typeof first;
    expect(pageOf(all, last)).toEqual({ matches: [5], next: undefined });
    expect(pageOf(all, parse('') as typeof first)).toEqual({ matches: all, next: undefined });
  });
});

describe('Prefer: handling', () => {
  it.each([
    ['handling=strict', true],
    ['return=minimal, handling=strict', true],
    ['handling="strict"', true],
    ['handling=lenient', false],
    [undefined, false],
  ])('%s', (prefer, strict) => {
    expect(prefersStrictHandling(prefer ? { prefer } : {})).toBe(strict);
  });
});
