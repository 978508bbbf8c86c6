// The MedMij request identifiers on a token request (core.tknint.208): `MedMij-Request-ID`, new
// per request, and `X-Correlation-ID`, taken over from the authorization request (new for a
// refresh chain). Both are required and must be UUIDs; otherwise `invalid_request`.
import type { IncomingHttpHeaders } from 'node:http';
import { isUuid } from '../../server/requestIds.ts';
import { InvalidRequest } from './errors.ts';

export interface MedmijIds {
  requestId: string;
  correlationId: string;
}

export function requireMedmijIds(headers: IncomingHttpHeaders): MedmijIds {
  const requestId = single(headers['medmij-request-id']);
  const correlationId = single(headers['x-correlation-id']);
  if (!isUuid(requestId)) {
    throw new InvalidRequest('MedMij-Request-ID header missing or not a UUID', 'medmij_request_id');
  }
  if (!isUuid(correlationId)) {
    throw new InvalidRequest('X-Correlation-ID header missing or not a UUID', 'correlation_id');
  }
  return { requestId, correlationId };
}

/** A repeated header counts as missing: which copy would be the real one? */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
