// Reads a FHIR input file into numbered entries: a Bundle (JSON or XML; entry n is
// Bundle.entry[n-1]), NDJSON (one resource per line; entry n is line n) or one resource (JSON or
// XML; entry 1). References between entries may use the Bundle's fullUrls (`urn:uuid:…`); they
// are rewritten to `Type/id` so the mapping's resolver finds them. Known shortcoming: unlike the
// CSV and NDJSON extracts, the file is read whole (references may point forward), so a FHIR
// input must fit in memory; registries deliver large extracts as CSV or NDJSON.
import { readFile } from 'node:fs/promises';
import { parseXml } from '../../fhir/format/serialize.ts';
import { ExtractError } from './header.ts';

export type Json = Record<string, unknown>;

export interface FhirEntry {
  /** Entry number for reports: Bundle entry (from 1), NDJSON line, or 1 for one resource. */
  number: number;
  resource: Json | null;
  /** Why the entry could not be read; no value from it. */
  problem?: string;
}

export interface FhirInput {
  entries: FhirEntry[];
  /** Bundle.timestamp or meta.lastUpdated, when the input says when it was made. */
  madeAt: string | undefined;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readFhirInput(path: string): Promise<FhirInput> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) return fromDocument(parseXmlText(start));
  const whole = tryJson(text);
  if (whole !== undefined) return fromDocument(whole);
  return fromNdjson(text);
}

function parseXmlText(text: string): unknown {
  try {
    return parseXml(text);
  } catch {
    throw new ExtractError('the file is not a FHIR resource in XML');
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fromDocument(value: unknown): FhirInput {
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    throw new ExtractError('the file is not a FHIR resource (no resourceType)');
  }
  if (value.resourceType !== 'Bundle') {
    return { entries: [{ number: 1, resource: value }], madeAt: lastUpdated(value) };
  }
  const list = Array.isArray(value.entry) ? (value.entry as unknown[]) : [];
  const urls = new Map<string, string>();
  const entries = list.map((entry, i): FhirEntry => {
    const resource = isObject(entry) && isObject(entry.resource) ? entry.resource : null;
    if (!resource || typeof resource.resourceType !== 'string') {
      return { number: i + 1, resource: null, problem: 'the entry holds no resource' };
    }
    resource.id ??= `entry-${i + 1}`;
    if (isObject(entry) && typeof entry.fullUrl === 'string') {
      urls.set(entry.fullUrl, `${resource.resourceType}/${String(resource.id)}`);
    }
    return { number: i + 1, resource };
  });
  if (urls.size > 0) for (const e of entries) if (e.resource) rewriteReferences(e.resource, urls);
  const timestamp = typeof value.timestamp === 'string' ? value.timestamp : undefined;
  return { entries, madeAt: timestamp ?? lastUpdated(value) };
}

function fromNdjson(text: string): FhirInput {
  const entries: FhirEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const value = tryJson(line);
    // JSON.parse's message would quote the line; the report must not.
    if (!isObject(value) || typeof value.resourceType !== 'string') {
      entries.push({ number: i + 1, resource: null, problem: 'not a FHIR resource in JSON' });
    } else {
      value.id ??= `line-${i + 1}`;
      entries.push({ number: i + 1, resource: value });
    }
  });
  if (entries.length === 0) throw new ExtractError('the file holds no FHIR resources');
  return { entries, madeAt: undefined };
}

function lastUpdated(resource: Json): string | undefined {
  const meta = resource.meta;
  return isObject(meta) && typeof meta.lastUpdated === 'string' ? meta.lastUpdated : undefined;
}

/** Every `reference` naming a Bundle fullUrl becomes the `Type/id` it stands for. */
function rewriteReferences(value: unknown, urls: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteReferences(item, urls);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'reference' && typeof item === 'string' && urls.has(item)) {
        value[key] = urls.get(item);
      } else rewriteReferences(item, urls);
    }
  }
}
