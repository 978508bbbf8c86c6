// The hand-written checks of single extract values: what they accept, what they make of it, and
// that what they refuse is named by rule and never echoes the value.
import { describe, expect, it } from 'vitest';
import * as c from '../src/ingest/formats/checks.ts';
import { codingList, oneCoding } from '../src/ingest/formats/codingChecks.ts';

const refused = (checked: unknown) => {
  expect(checked).toBeInstanceOf(c.Failed);
  return (checked as c.Failed).issues.map((i) => i.message);
};

describe('value checks', () => {
  it('accept real days and instants with an offset, and refuse the rest', () => {
    expect(c.date('2024-02-29')).toBe('2024-02-29');
    expect(refused(c.date('2023-02-29'))).toEqual(['must be a date YYYY-MM-DD']);
    expect(refused(c.date('1900-02-29'))).toEqual(['must be a date YYYY-MM-DD']);
    expect(c.date('2000-02-29')).toBe('2000-02-29');
    expect(c.instant('2021-06-02T14:35:00.5+02:00')).toEqual(new Date('2021-06-02T12:35:00.5Z'));
    expect(refused(c.instant('2021-06-02T14:35:00'))).toEqual([c.instantRule]);
    expect(refused(c.instant('2021-06-31T14:35:00Z'))).toEqual([c.instantRule]);
    expect(refused(c.instant(20210602))).toEqual([
      'Invalid input: expected string, received number',
    ]);
  });

  it('read an occurrence with the precision its form gives', () => {
    expect(c.occurrence('2019')).toEqual({ at: new Date('2019-01-01T00:00Z'), precision: 'YEAR' });
    expect(c.occurrence('2019-07')).toEqual({
      at: new Date('2019-07-01T00:00Z'),
      precision: 'MONTH',
    });
    expect(c.occurrence('2019-07-04')).toMatchObject({ precision: 'DAY' });
    expect(c.occurrence('2019-07-04T09:00:00+02:00')).toEqual({
      at: new Date('2019-07-04T07:00Z'),
      precision: 'SECOND',
    });
    for (const bad of ['2019-13', '2019-07-32', '19', '2019-07-04 09:00']) {
      expect(c.occurrence(bad)).toBeInstanceOf(c.Failed);
    }
  });

  it('check BSNs by form and by the 11-test, without quoting them', () => {
    expect(c.bsn('999990202')).toBe('999990202');
    expect(refused(c.bsn('999990203'))).toEqual(['fails the 11-test']);
    const messages = refused(c.bsn('12345'));
    expect(messages).toEqual(['must be nine digits', 'fails the 11-test']);
    expect(messages.join()).not.toContain('12345');
  });

  it('normalise decimals and bound integers and text', () => {
    expect(c.decimal('0.5')).toBe('0.500');
    expect(c.decimal(0.25)).toBe('0.250');
    expect(refused(c.decimal('0.12345'))).toEqual(['must be a decimal, at most 3 decimals']);
    expect(refused(c.decimal('-1'))).toEqual(['must be a decimal, at most 3 decimals']);
    expect(c.integer(1, 99)(3)).toBe(3);
    expect(refused(c.integer(1, 99)(100))).toEqual(['Too big: expected number to be <=99']);
    expect(refused(c.integer(1, 99)(1.5))).toEqual([
      'Invalid input: expected int, received number',
    ]);
    expect(c.text(5)('Jan')).toBe('Jan');
    expect(refused(c.text(5)('a\u0000b'))).toEqual(['must not contain NUL characters']);
    expect(refused(c.text(2)(''))).toEqual(['Too small: expected string to have >=1 characters']);
    expect(c.optional(c.text(5))(null)).toBeNull();
    expect(c.optional(c.text(5))(undefined)).toBeUndefined();
    expect(refused(c.oneOf(['a', 'b'])('c'))).toEqual(['Invalid option: expected one of "a"|"b"']);
  });
});

describe('coding checks', () => {
  const system = 'http://snomed.info/sct';

  it('share one frozen coding between rows that carry the same text', () => {
    const check = oneCoding('text', [system]);
    const first = check(`${system}|871751006|Hepatitis A`);
    const second = check(`${system}|871751006|Hepatitis A`);
    expect(first).toEqual({ system, code: '871751006', display: 'Hepatitis A' });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('name the part of a coding that is wrong', () => {
    const one = oneCoding('json', [system]);
    const wrong = one({ system: 'urn:oid:1.2.3', code: 'a b' }) as c.Failed;
    expect(wrong.issues).toEqual([
      { path: 'system', message: `must be one of ${system}` },
      { path: 'code', message: 'must be 1-64 characters without spaces' },
    ]);
    expect(refused(one({ system, code: '1', colour: 'red' }))).toEqual([
      'Unrecognized key: "colour"',
    ]);
    const list = codingList('json', [system]);
    expect((list([{ system, code: '1' }, { system }]) as c.Failed).issues).toEqual([
      { path: '1.code', message: 'Invalid input: expected string, received undefined' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ system, code: String(i) }));
    expect(refused(list(many))).toEqual(['Too big: expected array to have <=20 items']);
    expect(refused(oneCoding('text')('no separators'))).toEqual([
      'must be one coding system|code|display',
    ]);
  });
});
