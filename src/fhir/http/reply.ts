// Writes a FhirResponse to HTTP, the one place where FHIR errors become status lines and
// headers: the body in the negotiated format (an OperationOutcome for errors), the RFC 6750
// challenge for token problems (medmij-dva.md §11; MGO reads `error` and `error_description`
// from it), `Allow` on 405, and `no-store`, since answers carry personal health data.
import type { FastifyReply } from 'fastify';
import { operationOutcome, type FhirError } from '../errors.ts';
import type { FhirFormat } from '../format/negotiate.ts';
import { serialize } from '../format/serialize.ts';
import type { FhirResponse } from '../request.ts';

/** A quoted-string in a header: printable ASCII without quote or backslash. */
const quoted = (text: string) => `"${text.replace(/[^\x20-\x7e]|["\\]/g, ' ')}"`;

export function bearerChallenge(error: FhirError, realm: string): string | undefined {
  if (!error.challenge) return undefined;
  const parts = [`realm=${quoted(realm)}`];
  if (error.challenge !== 'realm') {
    parts.push(
      `error=${quoted(error.challenge)}`,
      `error_description=${quoted(error.diagnostics)}`,
    );
  }
  return `Bearer ${parts.join(', ')}`;
}

export function sendFhir(
  reply: FastifyReply,
  response: FhirResponse,
  format: FhirFormat,
  realm: string,
): FastifyReply {
  const body = 'resource' in response ? response.resource : operationOutcome(response.outcome);
  const { contentType, body: text } = serialize(body, format);
  if ('outcome' in response) {
    const challenge = bearerChallenge(response.outcome, realm);
    if (challenge) reply.header('www-authenticate', challenge);
    if (response.status === 405) reply.header('allow', 'GET');
  }
  return reply
    .code(response.status)
    .header('cache-control', 'no-store')
    .header('content-type', contentType)
    .send(text);
}
