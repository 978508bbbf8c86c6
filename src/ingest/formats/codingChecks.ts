// Checks of codings, one or a list: CSV text (`system|code|display;…`, codingText.ts) or JSON
// objects. Extracts repeat the same few codings on every row, so each distinct value is checked
// once per field and its result, a frozen Coding (list) or the problems, is reused: most rows
// cost a map lookup, and rows share the Coding objects.
import type { Coding } from '../model.ts';
import {
  Failed,
  failed,
  optional,
  text,
  unrecognized,
  wrongType,
  type Check,
  type Issue,
} from './checks.ts';
import { parseCodings } from './codingText.ts';

/** How codings arrive: CSV text or JSON. */
export type CodingForm = 'text' | 'json';

const CACHE_LIMIT = 10_000;
const MAX_CODINGS = 20;

/** One coding whose system is one of `systems` (any system when omitted). */
export const oneCoding = (form: CodingForm, systems?: readonly string[]): Check<Coding> =>
  cached(form, true, codingCheck(systems));

/** The list is frozen and shared between rows: read it, never change it. */
export const codingList = (form: CodingForm, systems?: readonly string[]): Check<Coding[]> =>
  cached(form, false, listCheck(codingCheck(systems)));

function cached<T>(form: CodingForm, single: boolean, check: Check<T>): Check<T> {
  const cache = new Map<string, T | Failed>();
  const checkText = (value: unknown) => {
    const parsed = typeof value === 'string' ? parseCodings(value) : null;
    if (!parsed || (single && parsed.length !== 1)) {
      const message = single
        ? 'must be one coding system|code|display'
        : 'must be codings system|code|display separated by ;';
      return new Failed([{ path: '', message }], true);
    }
    return check(single ? parsed[0] : parsed);
  };
  return (value) => {
    const key = form === 'text' ? (typeof value === 'string' ? value : null) : jsonKey(value);
    let checked = key === null ? undefined : cache.get(key);
    if (checked === undefined) {
      checked = form === 'text' ? checkText(value) : check(value);
      if (key !== null) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, checked);
      }
    }
    return checked;
  };
}

const systemForm = /^(urn:oid:[0-2](\.[0-9]+)+|https?:\/\/[^\s|;]+)$/;

function system(systems?: readonly string[]): Check<string> {
  const notListed = systems && `must be one of ${systems.join(', ')}`;
  return (value) => {
    if (typeof value !== 'string') return wrongType('string', value);
    const issues: Issue[] = [];
    if (!systemForm.test(value)) issues.push({ path: '', message: 'must be an OID or URL' });
    if (notListed && !systems.includes(value)) issues.push({ path: '', message: notListed });
    return issues.length > 0 ? new Failed(issues, false) : value;
  };
}

const code: Check<string> = (value) => {
  if (typeof value !== 'string') return wrongType('string', value);
  return /^\S{1,64}$/.test(value) ? value : failed('must be 1-64 characters without spaces');
};

const display = optional(text(500));

/** {system, code, display?} and nothing else; any problem stops the row's cross-field rules. */
function codingCheck(systems?: readonly string[]): Check<Coding> {
  const parts = { system: system(systems), code, display };
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return new Failed(wrongType('object', value).issues, true);
    }
    const given = value as Record<string, unknown>;
    const coding: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const [name, check] of Object.entries(parts)) {
      const checked = check(given[name]);
      if (checked instanceof Failed) {
        for (const issue of checked.issues) issues.push({ path: name, message: issue.message });
      } else if (checked) coding[name] = checked;
    }
    const unknown = Object.keys(given).filter((key) => !Object.hasOwn(parts, key));
    if (unknown.length > 0) issues.push({ path: '', message: unrecognized(unknown) });
    return issues.length > 0 ? new Failed(issues, true) : Object.freeze(coding as Coding);
  };
}

function listCheck(check: Check<Coding>): Check<Coding[]> {
  return (value) => {
    if (!Array.isArray(value)) return new Failed(wrongType('array', value).issues, true);
    if (value.length > MAX_CODINGS) {
      return new Failed(
        [{ path: '', message: 'Too big: expected array to have <=20 items' }],
        true,
      );
    }
    const issues: Issue[] = [];
    const codings = value.map((item, i) => {
      const coding = check(item);
      if (!(coding instanceof Failed)) return coding;
      for (const issue of coding.issues) {
        issues.push({ path: issue.path ? `${i}.${issue.path}` : `${i}`, message: issue.message });
      }
      return null;
    });
    return issues.length > 0 ? new Failed(issues, true) : (Object.freeze(codings) as Coding[]);
  };
}

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
