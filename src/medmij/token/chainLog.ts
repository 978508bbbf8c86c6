// The token side's MedMij chain-log events (medmij-dva.md §15), in the same record shape and
// log fields as the authorization side's (../chainLog.ts), so one shipper delivers both. The
// DVA's event names are not confirmed; these mirror the DVP's (`send_token_request` → our
// `receive_token_request`) and the authorization side's error event:
//   receive_token_request   a token request arrived (before any check)
//   send_token_response     tokens were issued
//   token_request_error     the request was refused; `error` says why
// `trace_id` is the X-Correlation-ID, `request.id` the MedMij-Request-ID. Never a token, code,
// BSN or name: client_id is a public hostname, and only well-formed values are written.
import type { Logger } from 'pino';
import type { OAuthErrorCode } from './errors.ts';

export const tokenChainLogEvents = [
  'receive_token_request',
  'send_token_response',
  'token_request_error',
] as const;
export type TokenChainEvent = (typeof tokenChainLogEvents)[number];

export interface TokenChainFields {
  medmijRequestId: string | undefined;
  correlationId: string | undefined;
  clientId?: string | undefined;
  grantType?: string | undefined;
  status?: number;
  error?: { code: OAuthErrorCode; description: string };
}

export interface TokenChainLog {
  (type: TokenChainEvent, fields: TokenChainFields): void;
}

const HOSTNAME_LIKE = /^[A-Za-z0-9.-]{1,253}$/;
const GRANT_TYPE_LIKE = /^[a-z_]{1,40}$/;

/** Writes through `log`, naming us as `server` (our public host) and the endpoint's path. */
export function createTokenChainLog(log: Logger, server: string, uri: string): TokenChainLog {
  return (type, fields) => {
    const record = {
      event: {
        type,
        location: 'token_endpoint',
        datetime: new Date().toISOString(),
        trace_id: fields.correlationId,
      },
      request: {
        id: fields.medmijRequestId,
        method: 'POST',
        client_id: wellFormed(fields.clientId, HOSTNAME_LIKE),
        server_id: server,
        uri,
        grant_type: wellFormed(fields.grantType, GRANT_TYPE_LIKE),
      },
      ...(fields.status === undefined ? {} : { response: { status: fields.status } }),
      ...(fields.error ? { error: fields.error } : {}),
    };
    log.info({ event: `medmij_chain.${type}`, medmijChain: record });
  };
}

/** client_id as it may be logged: a hostname-like value, or a marker. */
export function loggableClientId(value: string | undefined): string | undefined {
  return wellFormed(value, HOSTNAME_LIKE);
}

export function loggableGrantType(value: string | undefined): string | undefined {
  return wellFormed(value, GRANT_TYPE_LIKE);
}

function wellFormed(value: string | undefined, pattern: RegExp): string | undefined {
  if (value === undefined) return undefined;
  return pattern.test(value) ? value : '(malformed)';
}
