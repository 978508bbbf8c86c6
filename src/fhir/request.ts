// The seam between HTTP and FHIR (after Medplum's fhir-router): the plugin turns an HTTP request
// into a FhirRequest, a transport-free handler answers it with a FhirResponse, and only the
// plugin knows about headers, status lines and JSON or XML.
import type { Logger } from 'pino';
import type { PgoActor } from '../auth/actor.ts';
import type { VerifiedToken } from '../auth/pgoTokens.ts';
import type { FhirBase } from './bases.ts';
import type { FhirError } from './errors.ts';
import type { AnyResource } from './r4.ts';

export type FhirInteraction = 'capabilities' | 'search-type' | 'read';

export interface FhirRequest {
  base: FhirBase;
  interaction: FhirInteraction;
  /** The resource type in the path; absent for `metadata`. */
  type?: string;
  id?: string;
  /** Query parameters, decoded, in request order (a name may repeat). */
  params: [name: string, value: string][];
  /** `Prefer: handling=strict`: unknown or unsupported parameters are errors, not ignored. */
  strict: boolean;
  /** From the bearer token only; null for `metadata`, which needs none. */
  actor: PgoActor | null;
  /** The actor's citizen, read with the token; handed to the core so it is not read twice. */
  tokenCitizen?: VerifiedToken['citizen'];
  /** Entpoort's own id of the request (logs). */
  requestId: string;
  /** The caller's MedMij-Request-ID and X-Correlation-ID, for the audit entry. */
  medmijRequestId: string | undefined;
  correlationId: string | undefined;
  /** Bound to the request's ids. */
  log: Logger;
}

export type FhirResponse =
  { status: number; resource: AnyResource } | { status: number; outcome: FhirError };

export const answer = (resource: AnyResource, status = 200): FhirResponse => ({
  status,
  resource,
});

export const refuse = (outcome: FhirError): FhirResponse => ({ status: outcome.status, outcome });
