// Immunization.occurrenceDateTime from an instant and the precision the registry knows it to,
// and back. FHIR writes partial dates ("2005", "2005-07", "2005-07-21") and requires a zone
// offset once a time is given. Calendar parts are taken in Europe/Amsterdam, where the
// registries record: a date stored as midnight in Amsterdam or as midnight UTC (01:00 or 02:00
// in Amsterdam) reads back as the same day.
import type { DatePrecision } from './model.ts';

const ZONE = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

/** Amsterdam's offset from UTC at `instant`, in seconds, as the time zone database gives it. */
function zoneOffsetSeconds(instant: Date): number {
  const name = partsFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  // longOffset reads "GMT+02:00", plain "GMT" at offset zero, and seconds for local mean time.
  const [, sign, h = '0', m = '0', s = '0'] =
    /([+-])(\d\d):(\d\d)(?::(\d\d))?/.exec(name ?? '') ?? [];
  return (sign === '-' ? -1 : 1) * (Number(h) * 3600 + Number(m) * 60 + Number(s));
}

const DAY_MS = 86_400_000;
/** Offset per UTC day, or null on a day the offset changes; bounded, cleared when full. */
const offsetByDay = new Map<number, number | null>();

/**
 * Intl's formatting is slow, and every vaccination needs it: the offset is looked up once per
 * UTC day (vaccinations cluster on days), and the calendar parts follow from it.
 */
function offsetSeconds(instant: Date): number {
  const day = Math.floor(instant.getTime() / DAY_MS);
  let offset = offsetByDay.get(day);
  if (offset === undefined) {
    const first = zoneOffsetSeconds(new Date(day * DAY_MS));
    offset = first === zoneOffsetSeconds(new Date((day + 1) * DAY_MS - 1)) ? first : null;
    if (offsetByDay.size >= 20_000) offsetByDay.clear();
    offsetByDay.set(day, offset);
  }
  return offset ?? zoneOffsetSeconds(instant);
}

const two = (n: number) => String(n).padStart(2, '0');

function amsterdam(instant: Date) {
  const offset = offsetSeconds(instant);
  const local = new Date(instant.getTime() + offset * 1000);
  const size = Math.abs(offset);
  const seconds = size % 60;
  const hoursMinutes = `${two(Math.floor(size / 3600))}:${two(Math.floor(size / 60) % 60)}`;
  return {
    year: String(local.getUTCFullYear()).padStart(4, '0'),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
    offset: `${offset < 0 ? '-' : '+'}${hoursMinutes}${seconds > 0 ? `:${two(seconds)}` : ''}`,
  };
}

export function occurrenceDateTime(occurrence: string, precision: DatePrecision): string {
  const instant = new Date(occurrence);
  if (Number.isNaN(instant.getTime())) throw new Error('Vaccination occurrence is not an instant');
  const p = amsterdam(instant);
  switch (precision) {
    case 'YEAR':
      return p.year;
    case 'MONTH':
      return `${p.year}-${p.month}`;
    case 'DAY':
      return `${p.year}-${p.month}-${p.day}`;
    case 'SECOND':
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
  }
}

/** Midnight in Amsterdam at the start of the given calendar day, as an instant. */
function amsterdamMidnight(year: number, month: number, day: number): Date {
  const utcMidnight = new Date(Date.UTC(year, month - 1, day));
  const [sign, hours = '0', minutes = '0'] =
    /([+-])(\d\d):(\d\d)/.exec(amsterdam(utcMidnight).offset)?.slice(1) ?? [];
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000);
}

/** The inverse: an instant (the start of the period a partial date names) and its precision. */
export function fromOccurrenceDateTime(value: string): {
  occurrence: string;
  occurrencePrecision: DatePrecision;
} {
  const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (date) {
    const [, year, month, day] = date;
    const precision: DatePrecision = day ? 'DAY' : month ? 'MONTH' : 'YEAR';
    const start = amsterdamMidnight(Number(year), Number(month ?? 1), Number(day ?? 1));
    return { occurrence: start.toISOString(), occurrencePrecision: precision };
  }
  const instant = new Date(value);
  if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(instant.getTime())) {
    throw new Error('Not a FHIR dateTime with a zone offset');
  }
  return { occurrence: instant.toISOString(), occurrencePrecision: 'SECOND' };
}
