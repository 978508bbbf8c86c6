// MedMij chain-log events of the authorization side (medmij-dva.md §15), written as structured
// pino records for the log shipper to deliver to MedMij's chain log. The record mirrors the
// published shape: event {type, location, datetime, session_id, trace_id}, request {id,
// client_id, server_id, method, uri}, response {status}, error {code, description}. It carries
// MedMij ids, the client's hostname and our own ids only: never a BSN, a name or health data.
import type { Logger } from 'pino';

/** The event types MedMij names for the authorization side. */
export const chainLogEvents = [
  'receive_authorization_request',
  'show_landing_page',
  'authorization_request_error',
  'show_authorization_request_error_page',
  'send_authorization_request_error',
  'send_authentication_request',
  'send_authorization_cancellation',
  'receive_authentication_response',
  'receive_authorization_cancellation',
  'receive_authentication_error',
  // Not in the published list (which ends with the SAML-era send_artifact_resolution_request,
  // which an OIDC broker never needs): the successful end of the flow, named like the others.
  'send_authorization_response',
] as const;
export type ChainLogEvent = (typeof chainLogEvents)[number];

export interface ChainLogFields {
  /** MedMij-Request-ID of the authorization request. */
  requestId?: string | undefined;
  /** X-Correlation-ID: the chain log's trace_id. */
  correlationId?: string | undefined;
  /** The PGO's OCL hostname. */
  clientId?: string | undefined;
  /** Our BrowserSession id (never its cookie). */
  sessionId?: string | undefined;
  /** The path of our endpoint, without query (the query may hold the PGO's state). */
  uri?: string;
  method?: string;
  status?: number;
  error?: { code: string; description?: string };
}

export interface ChainLog {
  (event: ChainLogEvent, fields: ChainLogFields): void;
}

/** A chain logger writing through `log`, naming us as `server` (our public host). */
export function createChainLog(log: Logger, server: string, now = () => new Date()): ChainLog {
  return (type, fields) => {
    const record = {
      event: {
        type,
        location: 'authorization_endpoint',
        datetime: now().toISOString(),
        session_id: fields.sessionId,
        trace_id: fields.correlationId,
      },
      request: {
        id: fields.requestId,
        method: fields.method,
        client_id: fields.clientId,
        server_id: server,
        uri: fields.uri,
      },
      ...(fields.status === undefined ? {} : { response: { status: fields.status } }),
      ...(fields.error ? { error: fields.error } : {}),
    };
    log.info({ event: `medmij_chain.${type}`, medmijChain: record });
  };
}
