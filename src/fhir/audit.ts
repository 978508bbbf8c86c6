// The access-log entry (NEN 7513, medmij-dva.md §15) of a FHIR request: exactly one per request
// that reached the core, written to the core's audit trail before the answer leaves. The core
// would write its own `citizen.read` entry after executing; the façade instead hands it a
// collector that keeps those reads back (`held`), and writes one `fhir.search` or `fhir.read`
// entry with what the PGO actually received: resource types, counts and ids of the page
// rendered, for which citizen (internal id), to which PGO client, under which MedMij ids.
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { PgoActor } from '../auth/actor.ts';
import { createDisclosures, type Disclosures } from '../graphql/disclosures.ts';
import type { AuditOutcome } from '../store/generated/client.ts';
import type { AnyResource } from './r4.ts';
import type { FhirRequest } from './request.ts';

export interface HeldDisclosures {
  /** For RequestScope.disclosures: records as usual, gives `finish` nothing to write. */
  collector: Disclosures;
  /** What the core recorded during execution. */
  recorded(): ReturnType<Disclosures['drain']>;
}

export function heldDisclosures(): HeldDisclosures {
  const inner = createDisclosures();
  return { collector: { ...inner, drain: () => [] }, recorded: () => inner.drain() };
}

/** `{ Immunization: { count: 2, ids: [...] }, Patient: {...} }`, ids sorted. */
export function resourceSummary(resources: readonly AnyResource[]) {
  const byType = new Map<string, Set<string>>();
  for (const r of resources) {
    const ids = byType.get(r.resourceType) ?? new Set<string>();
    ids.add(r.id ?? '');
    byType.set(r.resourceType, ids);
  }
  const summary: Record<string, { count: number; ids: string[] }> = {};
  for (const [type, ids] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    summary[type] = { count: ids.size, ids: [...ids].sort() };
  }
  return summary;
}

export interface FhirAuditEntry {
  outcome: AuditOutcome;
  /** Beside the base, interaction and token: what was disclosed, or why nothing was. */
  disclosed: Record<string, unknown>;
}

export async function auditFhirRequest(
  trail: AuditTrail,
  request: FhirRequest & { actor: PgoActor },
  entry: FhirAuditEntry,
): Promise<void> {
  await trail.append({
    actor: { kind: 'PGO', id: request.actor.id },
    citizenId: request.actor.citizenId,
    action: request.interaction === 'read' ? 'fhir.read' : 'fhir.search',
    disclosed: {
      base: request.base.version,
      interaction: request.interaction,
      type: request.type ?? null,
      accessToken: request.actor.tokenId,
      ...entry.disclosed,
    },
    outcome: entry.outcome,
    requestId: request.medmijRequestId,
    correlationId: request.correlationId,
  });
}
