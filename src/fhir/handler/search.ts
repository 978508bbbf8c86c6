// `GET [base]/Immunization` (medmij-dva.md §12.2, §12.4): every Immunization the core discloses
// for the token's citizen, or one page of them, with what `_include` (or, for a bare search,
// includes.ts's decision) adds from that page, in the base's rendering.
import type { PgoActor } from '../../auth/actor.ts';
import { resourceSummary } from '../audit.ts';
import { searchset } from '../bundle.ts';
import { isFhirError } from '../errors.ts';
import { includedResources, includesFor } from '../includes.ts';
import { renderDisclosure } from '../mapping/disclosure.ts';
import { answer, refuse, type FhirRequest, type FhirResponse } from '../request.ts';
import { pageOf } from '../search/page.ts';
import { parseImmunizationSearch } from '../search/parameters.ts';
import { audited, type DataDeps } from './audited.ts';

export async function searchImmunizations(
  deps: DataDeps,
  request: FhirRequest & { actor: PgoActor },
): Promise<FhirResponse> {
  const search = parseImmunizationSearch(request.params, request.strict);
  if (isFhirError(search)) return refuse(search);
  const { rendering, url } = request.base;

  return audited(deps, request, (citizen) => {
    const rendered = renderDisclosure(citizen, rendering);
    const page = pageOf(rendered.immunizations, search);
    const plan = includesFor(rendering, search.includes);
    const includes = includedResources(plan, {
      immunizations: page.matches,
      related: rendered.related,
    });
    const bundle = searchset({
      base: url,
      type: 'Immunization',
      parameters: search.applied,
      matches: page.matches,
      includes,
      total: rendered.immunizations.length,
      ...(page.next ? { next: page.next } : {}),
    });
    request.log.info({
      event: 'fhir.search',
      total: bundle.total,
      entries: bundle.entry?.length ?? 0,
    });
    return {
      response: answer(bundle),
      audit: {
        outcome: 'SUCCESS',
        disclosed: {
          total: bundle.total,
          offset: search.offset,
          resources: resourceSummary([...page.matches, ...includes]),
        },
      },
    };
  });
}
