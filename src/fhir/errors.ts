// FHIR errors as typed values, and the one table that maps each to an HTTP status, an
// OperationOutcome issue code and, for the bearer-token cases, the RFC 6750 challenge
// (MedMij DVA reference §11). Handlers return FhirErrors; only the HTTP edge turns them into
// responses, through `operationOutcome` and the `status` here.
import type { OperationOutcome, OperationOutcomeIssue } from './r4.ts';

type Severity = OperationOutcomeIssue['severity'];

/** What `WWW-Authenticate` says: a bare realm, or `Bearer error="…"`. */
export type BearerChallenge = 'realm' | 'invalid_token' | 'invalid_request' | 'insufficient_scope';

const reasons = {
  /** A resource type this server does not serve (Nictiz: 404 with `not-supported`). */
  'unsupported-type': { status: 404, code: 'not-supported' },
  /** An interaction or search this server does not offer for a served type. */
  'unsupported-interaction': { status: 405, code: 'not-supported' },
  /** No such resource, or one not linked to the token's patient: existence must not leak. */
  'not-found': { status: 404, code: 'not-found' },
  /** No format in Accept or `_format` that we can produce. */
  'not-acceptable': { status: 406, code: 'not-supported' },
  /** A malformed request, e.g. a missing MedMij-Request-ID. */
  'invalid-request': { status: 400, code: 'invalid', challenge: 'invalid_request' },
  /** A malformed search parameter value. */
  'invalid-search': { status: 400, code: 'invalid' },
  'missing-token': { status: 401, code: 'login', challenge: 'realm' },
  'invalid-token': { status: 401, code: 'login', challenge: 'invalid_token' },
  'insufficient-scope': { status: 403, code: 'security', challenge: 'insufficient_scope' },
  /** The core refused or failed to answer in a way the client may retry. */
  unavailable: { status: 503, code: 'transient' },
  /** A request understood but not processable, e.g. a value the core rejects. */
  processing: { status: 422, code: 'processing' },
  /** Anything unexpected; diagnostics stay generic. */
  internal: { status: 500, code: 'exception' },
} as const satisfies Record<string, { status: number; code: string; challenge?: BearerChallenge }>;

export type FhirErrorReason = keyof typeof reasons;

export interface FhirError {
  kind: 'FhirError';
  reason: FhirErrorReason;
  status: number;
  /** OperationOutcome.issue.code (FHIR IssueType). */
  code: string;
  severity: Severity;
  /** Shown to the client: never personal data, never internal detail. */
  diagnostics: string;
  challenge?: BearerChallenge;
}

export function fhirError(
  reason: FhirErrorReason,
  diagnostics: string,
  severity: Severity = 'error',
): FhirError {
  const row: { status: number; code: string; challenge?: BearerChallenge } = reasons[reason];
  const error: FhirError = {
    kind: 'FhirError',
    reason,
    status: row.status,
    code: row.code,
    severity,
    diagnostics,
  };
  if (row.challenge) error.challenge = row.challenge;
  return error;
}

export function isFhirError(value: unknown): value is FhirError {
  return typeof value === 'object' && value !== null && (value as FhirError).kind === 'FhirError';
}

/** Any thrown value as a FhirError; unexpected ones become `internal` without their message. */
export function asFhirError(value: unknown): FhirError {
  return isFhirError(value)
    ? value
    : fhirError('internal', 'The server could not answer this request');
}

export function operationOutcome(...errors: FhirError[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: errors.map((e) => ({ severity: e.severity, code: e.code, diagnostics: e.diagnostics })),
  };
}
