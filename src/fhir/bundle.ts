// Searchset Bundles (MedMij DVA reference §12.4): absolute fullUrls `[base]/Type/id`, matches
// then de-duplicated includes, `total` counting matches only (on every page, all of them), a
// self link that starts with the base and echoes only the parameters the search applied, and a
// `next` link when there is a further page. A BSN never gets in: the builder refuses a bundle
// that carries a BSN value or a BSN-like parameter.
import type { AnyResource, Bundle, BundleEntry } from './r4.ts';
import { naming } from './mapping/codeSystems.ts';
import { isValidBsn } from '../rules/bsn.ts';

export interface SearchsetInput {
  /** The service base, e.g. `https://rs.example.nl/63/fhir` (trailing slash optional). */
  base: string;
  /** The searched type, e.g. `Immunization`. */
  type: string;
  /** The parameters applied, in request order; ignored ones must be left out by the caller. */
  parameters: [name: string, value: string][];
  matches: AnyResource[];
  includes: AnyResource[];
  /** All matches when `matches` is one page of them; `matches.length` by default. */
  total?: number;
  /** The parameters of the next page, when there is one (a `next` link). */
  next?: [name: string, value: string][];
}

// The Nictiz scripts compare the echoed `_include`s with the request; they write `:` plainly.
const encode = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');

/**
 * The self link. It always has the `?`, even without parameters: the Nictiz scripts resolve a
 * relative `Medication/{id}` against it after cutting `Immunization[/?].*$`.
 */
export function selfLink(base: string, type: string, parameters: [string, string][]): string {
  const query = parameters.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  return `${base.replace(/\/+$/, '')}/${type}?${query}`;
}

export function searchset(input: SearchsetInput): Bundle {
  for (const [, value] of [...input.parameters, ...(input.next ?? [])]) {
    if (/\d{9}/.test(value) && (value.match(/\d{9}/g) ?? []).some(isValidBsn)) {
      throw new Error('Refusing to echo a BSN-like search parameter in a self link');
    }
  }
  const base = input.base.replace(/\/+$/, '');
  const key = (r: AnyResource) => `${r.resourceType}/${r.id ?? ''}`;
  const entry = (resource: AnyResource, mode: 'match' | 'include'): BundleEntry => {
    if (!resource.id) throw new Error(`A ${resource.resourceType} in a searchset needs an id`);
    return { fullUrl: `${base}/${key(resource)}`, resource, search: { mode } };
  };

  const seen = new Set(input.matches.map(key));
  const includes = input.includes.filter((r) => !seen.has(key(r)) && (seen.add(key(r)), true));
  const entries = [
    ...input.matches.map((r) => entry(r, 'match')),
    ...includes.map((r) => entry(r, 'include')),
  ];
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: input.total ?? input.matches.length,
    link: [
      { relation: 'self', url: selfLink(base, input.type, input.parameters) },
      ...(input.next
        ? [{ relation: 'next' as const, url: selfLink(base, input.type, input.next) }]
        : []),
    ],
    ...(entries.length > 0 ? { entry: entries } : {}),
  };
  assertNoBsn(bundle);
  return bundle;
}

/** Throws when any Identifier in `value` carries a BSN value (masked ones have none). */
export function assertNoBsn(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) assertNoBsn(item);
    return;
  }
  const node = value as Record<string, unknown>;
  if (node.system === naming.bsn && node.value !== undefined) {
    throw new Error('Refusing to serve an unmasked BSN');
  }
  for (const key in node) assertNoBsn(node[key]);
}
