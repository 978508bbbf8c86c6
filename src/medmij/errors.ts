// The authorization endpoint's errors (RFC 6749 §4.1.2.1; medmij-dva.md §3.1): one type per
// OAuth error code. Each knows whether it may travel back to the client through redirect_uri:
// an unknown client or a redirect_uri that is not the client's never redirects (our own error
// page instead); every other error does, with the request's state. The token endpoint's errors
// are in token/errors.ts.
//
// Descriptions go to the PGO and its developers: fixed texts, never anything that tells
// whether RIVM holds data on, or knows, the person (medmij-dva.md §3.1).

export const authorizationErrorCodes = [
  'invalid_request',
  'invalid_client',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
] as const;
export type AuthorizationErrorCode = (typeof authorizationErrorCodes)[number];

export abstract class AuthorizationError extends Error {
  abstract readonly code: AuthorizationErrorCode;
  /** Whether the error may be sent to redirect_uri; false ends on our error page. */
  readonly redirectable: boolean = true;
  /** A short internal reason for our logs (e.g. `redirect_uri_host`); never sent. */
  readonly reason: string;
  constructor(description: string, reason: string = description) {
    super(description);
    this.reason = reason;
  }
}

/** Missing, repeated or malformed parameter; a MedMij id that is not a UUID. */
export class InvalidRequest extends AuthorizationError {
  override name = 'InvalidRequest';
  readonly code = 'invalid_request';
}

/** redirect_uri missing, malformed or not the client's: shown, never redirected. */
export class InvalidRedirectUri extends AuthorizationError {
  override name = 'InvalidRedirectUri';
  readonly code = 'invalid_request';
  override readonly redirectable = false;
}

/** client_id missing or not on the OCL: shown, never redirected. */
export class UnknownClient extends AuthorizationError {
  override name = 'UnknownClient';
  readonly code = 'invalid_client';
  override readonly redirectable = false;
}

/** The client is on the OCL, but its entry does not list our service. */
export class UnauthorizedClient extends AuthorizationError {
  override name = 'UnauthorizedClient';
  readonly code = 'unauthorized_client';
}

/** DigiD cancelled or failed, availability test negative, consent refused. */
export class AccessDenied extends AuthorizationError {
  override name = 'AccessDenied';
  readonly code = 'access_denied';
}

export class UnsupportedResponseType extends AuthorizationError {
  override name = 'UnsupportedResponseType';
  readonly code = 'unsupported_response_type';
}

export class InvalidScope extends AuthorizationError {
  override name = 'InvalidScope';
  readonly code = 'invalid_scope';
}

/** Our own failure; the description never carries the cause. */
export class ServerError extends AuthorizationError {
  override name = 'ServerError';
  readonly code = 'server_error';
}

export class TemporarilyUnavailable extends AuthorizationError {
  override name = 'TemporarilyUnavailable';
  readonly code = 'temporarily_unavailable';
}

/** The one description every later refusal carries, whatever its reason. */
export const accessDeniedDescription = 'The request was not authorized';

export function accessDenied(reason: string): AccessDenied {
  return new AccessDenied(accessDeniedDescription, reason);
}
