import { describe, expect, it } from 'vitest';
import { isDisclosable, type DisclosureFacts } from '../src/rules/disclosure.ts';

const now = new Date('2025-06-15T12:00:00Z');
const sixteenToday = { birthDate: new Date('2009-06-15') };
const sixteenTomorrow = { birthDate: new Date('2009-06-16') };
const standing: DisclosureFacts = {
  source: 'PRAEVENTIS',
  status: 'COMPLETED',
  retractedAt: null,
  consentToShare: null,
};

describe('isDisclosable', () => {
  it('discloses from the 16th birthday on, whatever the age at vaccination', () => {
    expect(isDisclosable(standing, sixteenToday, now)).toBe(true);
    expect(isDisclosable(standing, sixteenTomorrow, now)).toBe(false);
  });

  it('never discloses a record entered in error or retracted', () => {
    expect(isDisclosable({ ...standing, status: 'ENTERED_IN_ERROR' }, sixteenToday, now)).toBe(
      false,
    );
    expect(isDisclosable({ ...standing, retractedAt: now }, sixteenToday, now)).toBe(false);
    expect(isDisclosable({ ...standing, status: 'NOT_DONE' }, sixteenToday, now)).toBe(true);
  });

  it('discloses CIMS records only with explicit consent', () => {
    const cims = { ...standing, source: 'CIMS' as const };
    expect(isDisclosable({ ...cims, consentToShare: true }, sixteenToday, now)).toBe(true);
    expect(isDisclosable({ ...cims, consentToShare: false }, sixteenToday, now)).toBe(false);
    expect(isDisclosable({ ...cims, consentToShare: null }, sixteenToday, now)).toBe(false);
  });
});
