// `Prefer: handling=strict|lenient` (FHIR search, RFC 7240): whether unknown or unsupported
// search parameters are an error. Lenient unless the client asks otherwise.
import type { IncomingHttpHeaders } from 'node:http';

export function prefersStrictHandling(headers: IncomingHttpHeaders): boolean {
  const values = ([] as string[]).concat(headers.prefer ?? []);
  return values
    .flatMap((v) => v.split(','))
    .some((preference) => /^\s*handling\s*=\s*"?strict"?\s*(;.*)?$/i.test(preference));
}
