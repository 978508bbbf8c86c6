// Content negotiation for the FHIR face (MedMij DVA reference §12.1): `_format` wins over
// Accept; JSON is the default; a `fhirVersion` parameter must name R4 (4.0 or 4.0.1) and is
// otherwise optional, since MGO sends `fhirVersion=4.0` and the Nictiz scripts send none.
import { fhirError, type FhirError } from '../errors.ts';

export type FhirFormat = 'json' | 'xml';

const mediaTypes: Record<string, FhirFormat> = {
  'application/fhir+json': 'json',
  'application/json': 'json',
  'application/json+fhir': 'json',
  'text/json': 'json',
  'application/fhir+xml': 'xml',
  'application/xml': 'xml',
  'application/xml+fhir': 'xml',
  'text/xml': 'xml',
  '*/*': 'json',
  'application/*': 'json',
};

/** `_format` also takes the short forms of the FHIR specification. */
const formatShortcuts: Record<string, FhirFormat> = { json: 'json', xml: 'xml' };

const r4Versions = new Set(['4.0', '4.0.1']);

interface MediaRange {
  type: string;
  q: number;
  fhirVersion: string | undefined;
}

function parseRange(text: string): MediaRange {
  const [type = '', ...params] = text.split(';').map((p) => p.trim());
  // In a query string `+` decodes to a space: `_format=application/fhir+json` arrives that way.
  const normalised = type.toLowerCase().replace(/\s+/g, '+');
  const range: MediaRange = { type: normalised, q: 1, fhirVersion: undefined };
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((p) => p.trim().replace(/^"|"$/g, ''));
    if (name.toLowerCase() === 'q') range.q = Number.isNaN(Number(value)) ? 0 : Number(value);
    if (name.toLowerCase() === 'fhirversion') range.fhirVersion = value;
  }
  return range;
}

function formatOf(range: MediaRange): FhirFormat | undefined {
  if (range.q <= 0) return undefined;
  if (range.fhirVersion !== undefined && !r4Versions.has(range.fhirVersion)) return undefined;
  return mediaTypes[range.type];
}

const notAcceptable = (what: string) =>
  fhirError('not-acceptable', `${what} names no format this server produces (FHIR R4 JSON or XML)`);

/**
 * The format to answer in, from the `_format` query parameter (when given) or else the Accept
 * header; an unacceptable request gets a 406 FhirError.
 */
export function negotiateFormat(request: {
  accept?: string | undefined;
  format?: string | undefined;
}): FhirFormat | FhirError {
  const format = request.format?.trim();
  if (format) {
    const chosen =
      formatShortcuts[format.toLowerCase()] ?? formatOf({ ...parseRange(format), q: 1 });
    return chosen ?? notAcceptable('_format');
  }

  const accept = request.accept?.trim();
  if (!accept) return 'json';
  const ranges = accept
    .split(',')
    .filter((r) => r.trim() !== '')
    .map(parseRange)
    .sort((a, b) => b.q - a.q);
  for (const range of ranges) {
    const chosen = formatOf(range);
    if (chosen) return chosen;
  }
  return notAcceptable('Accept');
}
