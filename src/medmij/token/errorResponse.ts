// Maps any failure at the token endpoint to the RFC 6749 §5.2 answer, once: JSON
// `{error, error_description}`, never cached. `invalid_client` is 400, or 401 with a challenge
// for the scheme the client tried when it sent an Authorization header (RFC 6749 §5.2; mutual
// TLS itself has no HTTP challenge). Framework errors (unreadable body, unsupported media type)
// become `invalid_request`; anything else is `server_error` without its cause.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidClient, InvalidRequest, OAuthError, ServerError } from './errors.ts';
import { noStore } from './tokenResponse.ts';

export function asOAuthError(error: unknown): OAuthError {
  if (error instanceof OAuthError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new InvalidRequest('request could not be read', 'unreadable_request');
  }
  return new ServerError('the token endpoint failed; try again later', 'internal');
}

export function sendOAuthError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: OAuthError,
): FastifyReply {
  let status = error.status;
  const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s/.exec(request.headers.authorization ?? '')?.[1];
  if (error instanceof InvalidClient && scheme) {
    status = 401;
    reply.header('www-authenticate', `${scheme} realm="medmij", error="invalid_client"`);
  }
  return noStore(reply)
    .code(status)
    .type('application/json;charset=UTF-8')
    .send(JSON.stringify({ error: error.code, error_description: error.message }));
}
