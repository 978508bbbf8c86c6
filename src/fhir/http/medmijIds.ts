// The MedMij request identifiers every resource request must carry (core.rscint.201,
// medmij-dva.md §8): `MedMij-Request-ID` (new per request) and `X-Correlation-ID` (from the
// token request), both UUIDs. Missing or malformed is `invalid_request` (400). The server's
// onRequest hook (src/server/requestIds.ts) already echoes and logs well-formed values.
import type { IncomingHttpHeaders } from 'node:http';
import { isUuid } from '../../server/requestIds.ts';
import { fhirError, type FhirError } from '../errors.ts';

export interface MedmijIds {
  medmijRequestId: string;
  correlationId: string;
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function medmijIdsOf(headers: IncomingHttpHeaders): MedmijIds | FhirError {
  const medmijRequestId = single(headers, 'medmij-request-id');
  const correlationId = single(headers, 'x-correlation-id');
  if (!isUuid(medmijRequestId)) {
    return fhirError('invalid-request', 'MedMij-Request-ID is missing or not a UUID');
  }
  if (!isUuid(correlationId)) {
    return fhirError('invalid-request', 'X-Correlation-ID is missing or not a UUID');
  }
  return { medmijRequestId, correlationId };
}
