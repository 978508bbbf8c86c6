// The query string as FHIR search needs it: every parameter in request order, repeated names
// kept apart, `+` read as a space and percent-encoding undone (the Nictiz scripts send `:` as
// `%3A`). Fastify's parsed query merges repeats and loses the order, so the raw URL is read.
import { fhirError, type FhirError } from '../errors.ts';

export function queryParameters(rawUrl: string): [string, string][] | FhirError {
  const start = rawUrl.indexOf('?');
  if (start < 0) return [];
  const pairs: [string, string][] = [];
  for (const part of rawUrl.slice(start + 1).split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const [name, value] = equals < 0 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
    try {
      pairs.push([decode(name), decode(value)]);
    } catch {
      return fhirError('invalid-search', 'The query string has a malformed percent-encoding');
    }
  }
  return pairs;
}

const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
