// Checks of the single values an extract row carries: identifiers, dates and instants,
// decimals, names (docs/ingest-formats.md). Written by hand rather than with zod because they
// run for every field of every row. A check returns the value to keep, or a Failed. Messages
// name the rule, never the value (they reach the terminal); the generic ones use zod's
// wording ("Invalid input: expected string, …"), as the header line's checks (zod) do.
import { isValidBsn } from '../../rules/bsn.ts';

/** A broken rule; `path` leads into the value (`0.system`), '' for the value itself. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * A value that broke one or more rules. When it `stops` (a value of the wrong type or form),
 * the row's cross-field rules are not checked; otherwise they are, on the value as it came.
 */
export class Failed {
  readonly issues: readonly Issue[];
  readonly stops: boolean;
  constructor(issues: readonly Issue[], stops: boolean) {
    this.issues = issues;
    this.stops = stops;
  }
}

/** Checks one value: the value to keep (possibly converted), or a Failed. */
export type Check<T = unknown> = (value: unknown) => T | Failed;

export const failed = (message: string, stops = false) =>
  new Failed([{ path: '', message }], stops);

/** The message for keys an object (a row, a coding) must not have. */
export const unrecognized = (keys: readonly string[]) =>
  `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map((k) => `"${k}"`).join(', ')}`;

/** A value of the wrong JSON type (or absent: undefined). */
export function wrongType(expected: string, value: unknown): Failed {
  const received = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return failed(`Invalid input: expected ${expected}, received ${received}`, true);
}

/** Absent (CSV: an empty cell; NDJSON: no key or null) is allowed and kept as it is. */
export const optional =
  <T>(check: Check<T>): Check<T | null | undefined> =>
  (value) =>
    value === undefined || value === null ? value : check(value);

/** Text of 1 to `max` characters; never NUL, which PostgreSQL text cannot hold. */
export function text(max: number): Check<string> {
  const tooLong = `Too big: expected string to have <=${max} characters`;
  return (value) => {
    if (typeof value !== 'string') return wrongType('string', value);
    const nul = value.includes('\u0000');
    if (value.length > 0 && value.length <= max && !nul) return value;
    const issues: Issue[] = [];
    if (value.length === 0) {
      issues.push({ path: '', message: 'Too small: expected string to have >=1 characters' });
    }
    if (value.length > max) issues.push({ path: '', message: tooLong });
    if (nul) issues.push({ path: '', message: 'must not contain NUL characters' });
    return new Failed(issues, false);
  };
}

/** Exactly `count` digits (register numbers: URA, AGB, UZI, BIG). */
export function digits(count: number): Check<string> {
  return (value) => {
    if (typeof value !== 'string') return wrongType('string', value);
    return value.length === count && allDigits(value, 0, count)
      ? value
      : failed(`must be ${count} digits`);
  };
}

export const bsn: Check<string> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  if (isValidBsn(value)) return value;
  const issues: Issue[] = [{ path: '', message: 'fails the 11-test' }];
  if (!/^[0-9]{9}$/.test(value)) issues.unshift({ path: '', message: 'must be nine digits' });
  return new Failed(issues, false);
};

const recordId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const sourceRecordId: Check<string> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  return recordId.test(value) ? value : failed('must be 1-64 letters, digits or . _ : -');
};

/** A calendar date, YYYY-MM-DD; kept as text. */
export const date: Check<string> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  return isCalendarDate(value) ? value : failed('must be a date YYYY-MM-DD');
};

export const instantRule = 'must be a date and time with offset, e.g. 2021-06-02T14:35:00+02:00';

/** An instant with its offset, at most millisecond precision (the columns' precision). */
export const instant: Check<Date> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  return parseInstant(value) ?? failed(instantRule);
};

export type Precision = 'YEAR' | 'MONTH' | 'DAY' | 'SECOND';

/**
 * A FHIR dateTime whose form gives its precision: `2021` YEAR, `2021-06` MONTH, `2021-06-02`
 * DAY, or an instant with offset SECOND. Partial dates are stored as their first moment in UTC,
 * as the demo data does.
 */
export const occurrence: Check<{ at: Date; precision: Precision }> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  let at: Date | null;
  let precision: Precision = 'SECOND';
  if (value.length === 4 && allDigits(value, 0, 4)) {
    [at, precision] = [new Date(`${value}-01-01T00:00:00Z`), 'YEAR'];
  } else if (/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(value)) {
    [at, precision] = [new Date(`${value}-01T00:00:00Z`), 'MONTH'];
  } else if (isCalendarDate(value)) {
    [at, precision] = [new Date(`${value}T00:00:00Z`), 'DAY'];
  } else {
    at = parseInstant(value);
  }
  if (!at || isNaN(at.getTime())) {
    return failed('must be YYYY, YYYY-MM, YYYY-MM-DD or an instant', true);
  }
  return { at, precision };
};

const decimalForm = /^[0-9]{1,7}(\.[0-9]{1,3})?$/;

/** A decimal with at most 7 integer digits and 3 decimals, normalised to three decimals. */
export const decimal: Check<string> = (value) => {
  if (typeof value !== 'number' && typeof value !== 'string') {
    return failed('Invalid input', true);
  }
  const written = String(value);
  return decimalForm.test(written)
    ? Number(written).toFixed(3)
    : failed('must be a decimal, at most 3 decimals');
};

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number): Check<number> {
  return (value) => {
    if (typeof value !== 'number') return wrongType('number', value);
    if (value >= min && value <= max && Number.isInteger(value)) return value;
    if (!Number.isInteger(value)) {
      return failed('Invalid input: expected int, received number', true);
    }
    const issues: Issue[] = [];
    if (value > Number.MAX_SAFE_INTEGER) {
      issues.push({ path: '', message: 'Too big: expected int to be <=9007199254740991' });
    } else if (value < Number.MIN_SAFE_INTEGER) {
      issues.push({ path: '', message: 'Too small: expected int to be >=-9007199254740991' });
    }
    if (value < min)
      issues.push({ path: '', message: `Too small: expected number to be >=${min}` });
    if (value > max) issues.push({ path: '', message: `Too big: expected number to be <=${max}` });
    return new Failed(issues, false);
  };
}

export const boolean: Check<boolean> = (value) =>
  typeof value === 'boolean' ? value : wrongType('boolean', value);

/** One of `values` (the extract's words for gender, status, ...). */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  const message = `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`;
  return (value) => (values.includes(value as T) ? (value as T) : failed(message, true));
}

/** YYYY-MM-DD naming a real day. */
export function isCalendarDate(value: string): boolean {
  return value.length === 10 && isRealDayAt(value);
}

const instantForm = new RegExp(
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?' +
    '(Z|[+-][0-9]{2}:[0-9]{2})$',
);

/** The instant `value` names (a real day, a time and an offset), or null. */
export function parseInstant(value: string): Date | null {
  if (!instantForm.test(value) || !isRealDayAt(value)) return null;
  const at = new Date(value);
  return isNaN(at.getTime()) ? null : at;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the text starts with YYYY-MM-DD naming a real day. */
function isRealDayAt(value: string): boolean {
  if (value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1]!) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day <= 28 || leap;
}

const allDigits = (value: string, from: number, count: number) => digitsAt(value, from, count) >= 0;

/** The number the digits at `from` spell, or -1 when one is not a digit. */
function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
