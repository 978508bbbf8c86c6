// Request and correlation ids. Every request gets a fresh request id (our own, for logs); the
// caller's X-Correlation-ID and MedMij-Request-ID are kept, echoed and logged with each line.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string | undefined;
    medmijRequestId: string | undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function generateRequestId(): string {
  return randomUUID();
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  // Only well-formed ids reach logs and headers; anything else could smuggle text into them.
  return first !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(first) ? first : undefined;
}

/** The caller's ids, as bound to every log line of the request (see app.ts). */
export function callerIds(headers: IncomingHttpHeaders) {
  return {
    correlationId: header(headers, 'x-correlation-id'),
    medmijRequestId: header(headers, 'medmij-request-id'),
  };
}

export function registerRequestIds(app: FastifyInstance): void {
  app.decorateRequest('correlationId', undefined);
  app.decorateRequest('medmijRequestId', undefined);
  app.addHook('onRequest', async (request, reply) => {
    Object.assign(request, callerIds(request.headers));
    reply.header('x-request-id', request.id);
    if (request.correlationId) reply.header('x-correlation-id', request.correlationId);
    if (request.medmijRequestId) reply.header('medmij-request-id', request.medmijRequestId);
  });
}
