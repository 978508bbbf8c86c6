// The transport-free FHIR handler: one FhirRequest in, one FhirResponse out (a resource or an
// OperationOutcome-to-be). Which types and interactions exist is decided here; what the token
// allows, by the core and the audited frame. Unexpected errors become a bare 500.
import type { PgoActor } from '../../auth/actor.ts';
import { loggableError } from '../../graphql/errors.ts';
import { capabilityStatement } from '../capabilityStatement.ts';
import { asFhirError, fhirError } from '../errors.ts';
import { answer, refuse, type FhirRequest, type FhirResponse } from '../request.ts';
import type { DataDeps } from './audited.ts';
import { readResource } from './read.ts';
import { searchImmunizations } from './search.ts';

/** The types this server reads (imm-RetrieveServe); only Immunization is searched. */
export const servedTypes: ReadonlySet<string> = new Set([
  'Immunization',
  'Patient',
  'Medication',
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
]);

export interface FhirHandlerDeps extends DataDeps {
  /** When the server started: the CapabilityStatement's date. */
  startedAt: Date;
}

export type FhirHandler = (request: FhirRequest) => Promise<FhirResponse>;

export function createFhirHandler(deps: FhirHandlerDeps): FhirHandler {
  return async (request) => {
    try {
      return await dispatch(deps, request);
    } catch (error) {
      request.log.error({ event: 'fhir.internal_error', err: loggableError(error) });
      return refuse(asFhirError(error));
    }
  };
}

async function dispatch(deps: FhirHandlerDeps, request: FhirRequest): Promise<FhirResponse> {
  if (request.interaction === 'capabilities') {
    return answer(capabilityStatement(request.base, deps.startedAt));
  }
  const { type = '', actor } = request;
  if (!servedTypes.has(type)) {
    // Nictiz: 404 with issue code not-supported. The type name is not repeated: it is the
    // caller's text.
    return refuse(fhirError('unsupported-type', 'This server does not serve that resource type'));
  }
  // The plugin authenticates every data request; a missing actor here is a wiring error.
  if (!actor) throw new Error('a FHIR data request reached the handler without an actor');
  const withActor = { ...request, actor } satisfies FhirRequest & { actor: PgoActor };

  if (request.interaction === 'read') {
    return readResource(deps, { ...withActor, type, id: request.id ?? '' });
  }
  if (type !== 'Immunization') {
    return refuse(fhirError('unsupported-interaction', `Search is offered on Immunization only`));
  }
  return searchImmunizations(deps, withActor);
}
