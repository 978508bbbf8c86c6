// zod schemas of the single values an extract carries: identifiers, dates and instants,
// decimals and codings. Messages name the rule, never the value (they reach the terminal).
import { z } from 'zod';
import { isValidBsn } from '../../rules/bsn.ts';
import type { Coding } from '../model.ts';
import { parseCodings } from './codingText.ts';

export const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** Text of 1 to `max` characters; never NUL, which PostgreSQL text cannot hold. */
export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

export const digits = (count: number) =>
  z.string().regex(new RegExp(`^[0-9]{${count}}$`), `must be ${count} digits`);

export const bsn = z
  .string()
  .regex(/^[0-9]{9}$/, 'must be nine digits')
  .refine(isValidBsn, 'fails the 11-test');

export const sourceRecordId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1-64 letters, digits or . _ : -');

/** A calendar date, YYYY-MM-DD; kept as text. */
export const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a real day (checked by hand: this runs for every row). */
function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1]!) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day <= 28 || leap;
}

function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const instantPattern = new RegExp(
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?' +
    '(Z|[+-][0-9]{2}:[0-9]{2})$',
);

/** An instant with its offset, at most millisecond precision (the columns' precision). */
export const instant = z
  .string()
  .refine(
    (v) => instantPattern.test(v) && isCalendarDate(v.slice(0, 10)) && !isNaN(Date.parse(v)),
    'must be a date and time with offset, e.g. 2021-06-02T14:35:00+02:00',
  )
  .transform((v) => new Date(v));

export type Precision = 'YEAR' | 'MONTH' | 'DAY' | 'SECOND';

/**
 * A FHIR dateTime whose form gives its precision: `2021` YEAR, `2021-06` MONTH, `2021-06-02`
 * DAY, or an instant with offset SECOND. Partial dates are stored as their first moment in UTC,
 * as the demo data does.
 */
export const occurrence = z.string().transform((v, ctx) => {
  let at: Date | null = null;
  let precision: Precision = 'SECOND';
  if (/^[0-9]{4}$/.test(v)) [at, precision] = [new Date(`${v}-01-01T00:00:00Z`), 'YEAR'];
  else if (/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(v)) {
    [at, precision] = [new Date(`${v}-01T00:00:00Z`), 'MONTH'];
  } else if (isCalendarDate(v)) [at, precision] = [new Date(`${v}T00:00:00Z`), 'DAY'];
  else if (instantPattern.test(v) && isCalendarDate(v.slice(0, 10))) at = new Date(v);
  if (!at || isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be YYYY, YYYY-MM, YYYY-MM-DD or an instant' });
    return z.NEVER;
  }
  return { at, precision };
});

/** A decimal with at most 7 integer digits and 3 decimals, normalised to three decimals. */
export const decimal = z
  .union([z.number(), z.string()])
  .transform((v) => String(v))
  .refine((v) => /^[0-9]{1,7}(\.[0-9]{1,3})?$/.test(v), 'must be a decimal, at most 3 decimals')
  .transform((v) => Number(v).toFixed(3));

const system = z
  .string()
  .regex(/^(urn:oid:[0-2](\.[0-9]+)+|https?:\/\/[^\s|;]+)$/, 'must be an OID or URL');

/** A coding whose system is one of `systems` (any system when omitted). */
function coding(systems?: readonly string[]) {
  const systemSchema = systems
    ? system.refine((s) => systems.includes(s), `must be one of ${systems.join(', ')}`)
    : system;
  return z
    .strictObject({
      system: systemSchema,
      code: z.string().regex(/^\S{1,64}$/, 'must be 1-64 characters without spaces'),
      display: optional(text(500)),
    })
    .transform((c): Coding => {
      const value = c.display
        ? { system: c.system, code: c.code, display: c.display }
        : { system: c.system, code: c.code };
      return Object.freeze(value);
    });
}

/** How codings arrive: CSV text (`system|code|display;…`, codingText.ts) or JSON objects. */
export type CodingForm = 'text' | 'json';

type Checked = { ok: true; value: unknown } | { ok: false; issues: z.core.$ZodIssue[] };

const CACHE_LIMIT = 10_000;

/**
 * One coding (`single`) or a list of codings. Extracts repeat the same few codings on every
 * row, so each distinct value is checked once by the zod schemas above and the frozen result
 * is reused: validation stays exact while most rows cost a map lookup.
 */
function codingField(form: CodingForm, single: boolean, systems?: readonly string[]) {
  const schema = single ? coding(systems) : z.array(coding(systems)).max(20);
  const cache = new Map<string, Checked>();
  const check = (value: unknown): Checked => {
    let input = value;
    if (form === 'text') {
      const parsed = typeof value === 'string' ? parseCodings(value) : null;
      if (!parsed || (single && parsed.length !== 1)) {
        const message = single
          ? 'must be one coding system|code|display'
          : 'must be codings system|code|display separated by ;';
        return { ok: false, issues: [{ code: 'custom', message, path: [], input: undefined }] };
      }
      input = single ? parsed[0] : parsed;
    }
    const result = schema.safeParse(input);
    if (!result.success) return { ok: false, issues: result.error.issues };
    return {
      ok: true,
      value: Array.isArray(result.data) ? Object.freeze(result.data) : result.data,
    };
  };
  return z.unknown().transform((value, ctx) => {
    const key = form === 'text' ? (typeof value === 'string' ? value : null) : jsonKey(value);
    let checked = key === null ? undefined : cache.get(key);
    if (!checked) {
      checked = check(value);
      if (key !== null) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, checked);
      }
    }
    if (!checked.ok) {
      for (const issue of checked.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
      return z.NEVER;
    }
    return checked.value;
  });
}

export const oneCoding = (form: CodingForm, systems?: readonly string[]) =>
  codingField(form, true, systems) as unknown as z.ZodType<Coding>;

/** The list is frozen and shared between rows: read it, never change it. */
export const codingList = (form: CodingForm, systems?: readonly string[]) =>
  codingField(form, false, systems) as unknown as z.ZodType<Coding[]>;

/** A cache key for JSON codings made only of system, code and display strings; else null. */
function jsonKey(value: unknown): string | null {
  if (Array.isArray(value)) {
    let key = '[';
    for (const item of value) {
      const k = jsonKey(item);
      if (k === null || k.startsWith('[')) return null;
      key += `${k}\u0002`;
    }
    return key;
  }
  if (typeof value !== 'object' || value === null) return null;
  let key = '';
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string' || (name !== 'system' && name !== 'code' && name !== 'display')) {
      return null;
    }
    key += `${name}\u0001${v}\u0001`;
  }
  return key;
}
