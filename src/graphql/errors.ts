// The GraphQL error codes of Entpoort, in one place: how each is made, which HTTP status a
// request-level error carries, and how errors are masked before they leave the process.
import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Apollo's own codes for malformed requests; their messages are safe to show. */
const apolloRequestCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const ourCodes = new Set<string>(errorCodes);

function error(code: ErrorCode, message: string, status?: number, headers?: HeaderMap) {
  // A status only on request-level errors: field errors travel in a 200 response with data.
  const http =
    status === undefined ? {} : { http: { status, headers: headers ?? new HeaderMap() } };
  return new GraphQLError(message, { extensions: { code, ...http } });
}

export const unauthenticated = () =>
  error(
    'UNAUTHENTICATED',
    'A valid bearer token is required',
    401,
    new HeaderMap([['www-authenticate', 'Bearer']]),
  );
export const forbidden = (message: string, requestLevel = false) =>
  error('FORBIDDEN', message, requestLevel ? 403 : undefined);
export const badUserInput = (message: string) => error('BAD_USER_INPUT', message);
export const notFound = (message: string) => error('NOT_FOUND', message);
export const conflict = (message: string) => error('CONFLICT', message);
export const queryTooComplex = (message: string) => error('QUERY_TOO_COMPLEX', message, 400);
export const internalErrorResult: GraphQLFormattedError = {
  message: 'Internal server error',
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
};

// Read by shape, not `instanceof`: an error may come from another copy of graphql-js.
interface ErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

function shape(e: unknown): ErrorShape | undefined {
  return e instanceof Error ? (e as ErrorShape) : undefined;
}

export function errorCode(e: unknown): string | undefined {
  const code = shape(e)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Nine digits in a row may be a BSN echoed from the caller's input; never send or log one. */
export function withoutBsns(text: string): string {
  return text.replace(/(?<![0-9])[0-9]{9}(?![0-9])/g, '[redacted]');
}

/** What of an unexpected error goes to the log: type, message and stack, BSN-like runs cut. */
export function loggableError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { type: typeof e };
  return {
    type: e.name,
    message: withoutBsns(e.message),
    stack: e.stack === undefined ? undefined : withoutBsns(e.stack),
  };
}

/**
 * Apollo's formatError. Our own codes pass (restored where Apollo wrapped them, as it does for
 * validation errors); Apollo's request codes pass; everything else is an internal error: logged
 * in full, answered with a bare code, no message, stack or SQL.
 */
export function maskError(log: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const base = { locations: formatted.locations, path: formatted.path };
    const own = ownError(raw);
    if (own) {
      return { message: withoutBsns(own.message), ...base, extensions: { code: own.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && apolloRequestCodes.has(code)) {
      return { message: withoutBsns(formatted.message), ...base, extensions: { code } };
    }
    if (code === 'BAD_USER_INPUT') {
      // Variable coercion: graphql-js quotes the offending value, which may be personal data.
      return { message: withoutBsns(formatted.message), ...base, extensions: { code } };
    }
    const original = innermost(raw);
    log.error({
      event: 'graphql.internal_error',
      path: formatted.path,
      err: loggableError(original),
    });
    return {
      message: 'Internal server error',
      ...base,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The error we raised, however deeply graphql-js or Apollo wrapped it. */
function ownError(raw: unknown): { message: string; code: string } | undefined {
  for (let e = shape(raw), depth = 0; e && depth < 5; e = shape(e.originalError), depth += 1) {
    const code = errorCode(e);
    if (code && ourCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      return { message: e.message, code };
    }
  }
  return undefined;
}

function innermost(raw: unknown): unknown {
  let e = raw;
  while (shape(e)?.originalError) e = shape(e)!.originalError;
  return e;
}

/** The HTTP status a request-level error asks for, for faces that run the core in process. */
export function httpStatusOf(e: unknown): number | undefined {
  const http = shape(e)?.extensions?.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}
