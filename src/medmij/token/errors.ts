// The token endpoint's errors (RFC 6749 §5.2): one type per OAuth error code, each knowing its
// HTTP status. Thrown by the steps, turned into `{error, error_description}` once, in
// errorResponse.ts. Descriptions are fixed texts for the PGO's developers: never a token, code,
// BSN or anything else the caller did not send itself.

export const oauthErrorCodes = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'server_error',
] as const;
export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

export abstract class OAuthError extends Error {
  abstract readonly code: OAuthErrorCode;
  abstract readonly status: number;
  /** A short internal reason for logs and the chain log (e.g. `code_reused`); not sent. */
  readonly reason: string;
  constructor(description: string, reason: string = description) {
    super(description);
    this.reason = reason;
  }
}

/** Missing, repeated or malformed parameter or MedMij header. */
export class InvalidRequest extends OAuthError {
  override name = 'InvalidRequest';
  readonly code = 'invalid_request';
  readonly status = 400;
}

/**
 * Client authentication failed: no verified certificate, a peer off the Whitelist, a client_id
 * off the OCL or unequal to the certificate's DNS name. RFC 6749 §5.2: 400, or 401 with a
 * WWW-Authenticate challenge when the client tried HTTP authentication (errorResponse.ts).
 */
export class InvalidClient extends OAuthError {
  override name = 'InvalidClient';
  readonly code = 'invalid_client';
  readonly status = 400;
}

/** Code or refresh token unknown, expired, used, revoked, or bound to another client or URI. */
export class InvalidGrant extends OAuthError {
  override name = 'InvalidGrant';
  readonly code = 'invalid_grant';
  readonly status = 400;
}

/** The client's OCL entry does not list the service (AS 2.2.0; the code is not confirmed). */
export class UnauthorizedClient extends OAuthError {
  override name = 'UnauthorizedClient';
  readonly code = 'unauthorized_client';
  readonly status = 400;
}

export class UnsupportedGrantType extends OAuthError {
  override name = 'UnsupportedGrantType';
  readonly code = 'unsupported_grant_type';
  readonly status = 400;
}

export class InvalidScope extends OAuthError {
  override name = 'InvalidScope';
  readonly code = 'invalid_scope';
  readonly status = 400;
}

/** Our failure (database down, a bug); the description never carries the cause. */
export class ServerError extends OAuthError {
  override name = 'ServerError';
  readonly code = 'server_error';
  readonly status = 500;
}
