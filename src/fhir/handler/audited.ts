// The frame every data interaction runs in: fetch the citizen's disclosure, render the answer,
// write the request's one audit entry, and only then answer. An answer whose audit entry could
// not be written is not sent (nothing is disclosed that was not logged); a failure after the
// core was asked is logged as such, so every request that reached the core leaves one entry.
import type { AuditTrail } from '../../audit/auditTrail.ts';
import type { PgoActor } from '../../auth/actor.ts';
import { loggableError } from '../../graphql/errors.ts';
import { auditFhirRequest, type FhirAuditEntry } from '../audit.ts';
import { fhirError } from '../errors.ts';
import type { CitizenDisclosure } from '../mapping/model.ts';
import { refuse, type FhirRequest, type FhirResponse } from '../request.ts';
import { loadDisclosure, type DisclosureSource } from './citizenDisclosure.ts';

export interface DataDeps extends DisclosureSource {
  audit: AuditTrail;
  now: () => Date;
}

export interface Rendered {
  response: FhirResponse;
  audit: FhirAuditEntry;
}

export async function audited(
  deps: DataDeps,
  request: FhirRequest & { actor: PgoActor },
  render: (citizen: CitizenDisclosure) => Rendered,
): Promise<FhirResponse> {
  const loaded = await loadDisclosure(deps, request, deps.now());
  if ('error' in loaded) {
    if (loaded.audit) {
      await auditFhirRequest(deps.audit, request, { outcome: 'DENIED', disclosed: loaded.audit });
    }
    return refuse(loaded.error);
  }

  let rendered: Rendered;
  try {
    rendered = render(loaded.citizen);
  } catch (error) {
    request.log.error({ event: 'fhir.render_failed', err: loggableError(error) });
    const failed = { reason: 'the answer could not be rendered' };
    await auditFhirRequest(deps.audit, request, { outcome: 'FAILURE', disclosed: failed });
    return refuse(fhirError('internal', 'The server could not answer this request'));
  }
  await auditFhirRequest(deps.audit, request, rendered.audit);
  return rendered.response;
}
