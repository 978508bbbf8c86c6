import { describe, expect, it } from 'vitest';
import { ageOn, MINIMUM_DISCLOSURE_AGE } from '../src/rules/age.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('age in whole years', () => {
  it('counts a year on the birthday itself, not the day before', () => {
    const born = day('2010-06-21');
    expect(ageOn(born, day('2026-06-20'))).toBe(15);
    expect(ageOn(born, day('2026-06-21'))).toBe(16);
    expect(ageOn(born, day('2026-12-31'))).toBe(16);
  });

  it('makes someone born on 29 February a year older on 1 March in other years', () => {
    const born = day('2004-02-29');
    expect(ageOn(born, day('2020-02-28'))).toBe(15);
    expect(ageOn(born, day('2020-02-29'))).toBe(16);
    expect(ageOn(born, day('2021-02-28'))).toBe(16);
    expect(ageOn(born, day('2021-03-01'))).toBe(17);
    expect(ageOn(born, day('2022-02-28'))).toBe(17);
    expect(ageOn(born, day('2022-03-01'))).toBe(18);
  });

  it('counts UTC calendar days, whatever the time of day', () => {
    const born = day('2000-01-01');
    expect(ageOn(born, new Date('2015-12-31T23:59:59.999Z'))).toBe(15);
    expect(ageOn(born, new Date('2016-01-01T00:00:00.000Z'))).toBe(16);
  });

  it('is zero in the first year and on the day of birth', () => {
    const born = day('2026-03-15');
    expect(ageOn(born, day('2026-03-15'))).toBe(0);
    expect(ageOn(born, day('2027-03-14'))).toBe(0);
    expect(ageOn(born, day('2027-03-15'))).toBe(1);
  });

  it('puts the disclosure threshold at 16', () => {
    expect(MINIMUM_DISCLOSURE_AGE).toBe(16);
  });
});
