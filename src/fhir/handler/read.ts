// `GET [base]/{type}/{id}` (medmij-dva.md §12.3): a resource is found only inside the token's
// citizen's disclosure, so anything else, another citizen's record included, is 404 exactly
// like an id that never existed (existence must not leak).
import type { PgoActor } from '../../auth/actor.ts';
import { resourceSummary } from '../audit.ts';
import { fhirError } from '../errors.ts';
import { renderDisclosure } from '../mapping/disclosure.ts';
import type { AnyResource } from '../r4.ts';
import { answer, refuse, type FhirRequest, type FhirResponse } from '../request.ts';
import { audited, type DataDeps } from './audited.ts';

/** FHIR's id syntax; anything else cannot name a resource. */
export const resourceId = /^[A-Za-z0-9\-.]{1,64}$/;

/** Our ids are UUIDs and 32-hex hashes; only those go into the audit entry of a miss. */
const ourIdFormat = (id: string) =>
  /^([0-9a-f]{32}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i.test(id) && !/[0-9]{9}/.test(id);

// The diagnostics never repeat the id: a client may have put a BSN there.
const notFound = (type: string) => fhirError('not-found', `No such ${type} for this patient`);

export async function readResource(
  deps: DataDeps,
  request: FhirRequest & { actor: PgoActor; type: string; id: string },
): Promise<FhirResponse> {
  const { type, id } = request;
  if (!resourceId.test(id)) return refuse(notFound(type));

  return audited(deps, request, (citizen) => {
    const rendered = renderDisclosure(citizen, request.base.rendering);
    const found: AnyResource | undefined =
      type === 'Immunization'
        ? rendered.immunizations.find((i) => i.id === id)
        : rendered.related.get(`${type}/${id}`);
    request.log.info({ event: 'fhir.read', type, found: !!found });
    if (!found) {
      const requested = ourIdFormat(id) ? `${type}/${id}` : type;
      return {
        response: refuse(notFound(type)),
        audit: { outcome: 'DENIED', disclosed: { reason: 'not linked to the patient', requested } },
      };
    }
    return {
      response: answer(found),
      audit: { outcome: 'SUCCESS', disclosed: { resources: resourceSummary([found]) } },
    };
  });
}
