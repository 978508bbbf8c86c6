// FHIR JSON and XML bodies. XML goes through FHIR.js (the `fhir` package), which orders elements
// as the R4 definitions require and carries primitive extensions (`_value`) both ways; we never
// write FHIR XML by hand.
import { Fhir } from 'fhir';
import { keptJson } from '../mapping/sharedRenderings.ts';
import type { AnyResource } from '../r4.ts';
import type { FhirFormat } from './negotiate.ts';

export const contentTypes: Record<FhirFormat, string> = {
  json: 'application/fhir+json; charset=utf-8',
  xml: 'application/fhir+xml; charset=utf-8',
};

// Building the converter parses the bundled R4 definitions (about a second): do it once, lazily.
let converter: Fhir | undefined;
const fhirJs = () => (converter ??= new Fhir());

export interface Body {
  contentType: string;
  body: string;
}

export function serialize(resource: AnyResource, format: FhirFormat): Body {
  const body = format === 'json' ? json(resource) : fhirJs().objToXml(resource);
  return { contentType: contentTypes[format], body };
}

/**
 * JSON.stringify's text, with the text of kept resources (../mapping/sharedRenderings.ts)
 * spliced into a Bundle instead of serialised anew. Members keep their order.
 */
function json(resource: AnyResource): string {
  if (resource.resourceType !== 'Bundle' || !('entry' in resource)) return JSON.stringify(resource);
  return members(resource, (key, value) =>
    key === 'entry' ? `[${(value as object[]).map(entryJson).join(',')}]` : undefined,
  );
}

const entryJson = (entry: object) =>
  members(entry, (key, value) => (key === 'resource' ? keptJson(value as object) : undefined));

function members(object: object, special: (key: string, value: unknown) => string | undefined) {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue; // as JSON.stringify leaves it out
    parts.push(`${JSON.stringify(key)}:${special(key, value) ?? JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Reads FHIR XML into R4 JSON. `xmlToJson` (unlike `xmlToObj`) keeps decimals as JSON numbers
 * with their written precision; XML comments, which R4 JSON cannot carry, are dropped.
 */
export function parseXml(xml: string): AnyResource {
  const json = fhirJs().xmlToJson(xml);
  if (!json) throw new Error('Not a single FHIR resource in XML');
  return JSON.parse(json, (key, value) => (key === 'fhir_comments' ? undefined : value));
}

export function parseBody(body: string, format: FhirFormat): AnyResource {
  return format === 'json' ? (JSON.parse(body) as AnyResource) : parseXml(body);
}
