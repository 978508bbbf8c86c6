// Immunization.occurrenceDateTime is written in Amsterdam time with its offset. The mapping
// caches the offset per day; this checks it against Intl's own reading of the time zone
// database, around the summer-time changes and across the last century.
import { describe, expect, it } from 'vitest';
import { occurrenceDateTime } from '../src/fhir/mapping/occurrence.ts';

const reference = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

function expected(instant: Date): string {
  const p = Object.fromEntries(reference.formatToParts(instant).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName!.replace('GMT', '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

describe('occurrence in Amsterdam time', () => {
  it('matches the time zone database on both sides of every change from 1970 to 2030', () => {
    for (let year = 1970; year <= 2030; year += 1) {
      for (const month of [2, 3, 9, 10]) {
        for (let day = 1; day <= 31; day += 1) {
          for (const hour of [0, 0.5, 1, 1.5, 2, 3, 23.999]) {
            const at = new Date(Date.UTC(year, month, day) + hour * 3_600_000);
            expect(occurrenceDateTime(at.toISOString(), 'SECOND')).toBe(expected(at));
          }
        }
      }
    }
  });

  it('matches it at random instants since 1900', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const [from, to] = [Date.UTC(1900, 0, 1), Date.UTC(2035, 0, 1)];
    for (let i = 0; i < 20_000; i += 1) {
      const at = new Date(Math.floor(from + random() * (to - from)));
      expect(occurrenceDateTime(at.toISOString(), 'SECOND')).toBe(expected(at));
    }
  });

  it('writes partial dates as the Amsterdam calendar day, month or year', () => {
    const lateEvening = '2021-06-01T22:30:00.000Z'; // 00:30 on 2 June in Amsterdam
    expect(occurrenceDateTime(lateEvening, 'DAY')).toBe('2021-06-02');
    expect(occurrenceDateTime('2020-12-31T23:30:00.000Z', 'MONTH')).toBe('2021-01');
    expect(occurrenceDateTime('2020-12-31T23:30:00.000Z', 'YEAR')).toBe('2021');
  });
});
