// What the token's citizen may see, fetched from the GraphQL core in ONE execution of the
// prepared disclosure document (src/fhir/documents/), whatever the FHIR interaction: a search
// renders all of it, a read picks one resource from it, so a read only ever finds resources
// linked to the token's patient. The core applies the disclosure rules for the PGO actor
// (src/graphql/access.ts); the age rule is checked here once more, see below.
import type { DocumentNode } from 'graphql';
import type { PgoActor } from '../../auth/actor.ts';
import type { GraphQLCore } from '../../graphql/core.ts';
import { MINIMUM_DISCLOSURE_AGE, ageOn } from '../../rules/age.ts';
import { heldDisclosures } from '../audit.ts';
import { fhirError, type FhirError } from '../errors.ts';
import type { CitizenDisclosure } from '../mapping/model.ts';
import type { FhirRequest } from '../request.ts';

export interface DisclosureSource {
  core: GraphQLCore;
  /** The disclosure document, prepared (parsed and validated) once at start-up. */
  document: DocumentNode;
}

export type LoadedDisclosure =
  | { citizen: CitizenDisclosure }
  /** `audit`: the core was asked, so the refusal is an access attempt worth an audit entry. */
  | { error: FhirError; audit: { reason: string } | undefined };

const grantsNothing = () => fhirError('invalid-token', 'The access token grants no access');

export async function loadDisclosure(
  source: DisclosureSource,
  request: FhirRequest & { actor: PgoActor },
  now: Date,
): Promise<LoadedDisclosure> {
  const held = heldDisclosures();
  const ctx = source.core.createContext(request.actor, {
    requestId: request.requestId,
    correlationId: request.correlationId,
    log: request.log,
    now,
    disclosures: held.collector,
    known: { citizen: request.tokenCitizen },
  });
  const result = await source.core.execute(
    source.document,
    { citizenId: request.actor.citizenId },
    ctx,
  );
  const refusedByCore = held.recorded().filter((entry) => entry.outcome !== 'SUCCESS');

  if (result.status !== 200 || (result.errors?.length ?? 0) > 0 || refusedByCore.length > 0) {
    // The document asks for the token's own citizen only; any error or refusal is ours to fix.
    const codes = result.errors?.map((e) => e.extensions?.code ?? 'unknown');
    request.log.error({ event: 'fhir.core_failed', status: result.status, codes, refusedByCore });
    return {
      error: fhirError('internal', 'The server could not answer this request'),
      audit: undefined,
    };
  }
  const citizen = (result.data?.citizen ?? null) as CitizenDisclosure | null;
  // A token for a citizen no longer in the store grants nothing.
  if (!citizen) return { error: grantsNothing(), audit: undefined };

  // The authorization server issues no token for a citizen under 16 (medmij-dva.md §16), and
  // the core discloses no record of one; the façade checks again, because a token may outlive
  // the facts it was issued on (a corrected birth date) or come from a flawed issuer. It answers
  // as for an invalid token (401 invalid_token): an empty searchset would tell the PGO that the
  // person has no vaccinations, which is untrue, and 403 insufficient_scope would suggest that
  // another scope could help. The audit entry records the refusal, not the birth date.
  if (ageOn(new Date(citizen.birthDate), now) < MINIMUM_DISCLOSURE_AGE) {
    request.log.info({ event: 'fhir.below_disclosure_age' });
    return { error: grantsNothing(), audit: { reason: 'below the disclosure age' } };
  }
  return { citizen };
}
