// What one request disclosed, collected while it executes and written to the audit trail
// before the response leaves: one entry per citizen (internal id, resource types, ids and
// counts; never a BSN), one per refused attempt, and one per other audited event.
import type { Actor } from '../auth/actor.ts';
import type { AuditRecord, AuditTrail } from '../audit/auditTrail.ts';
import type { AuditOutcome } from '../store/generated/client.ts';

interface CitizenDisclosure {
  citizen: boolean;
  vaccinations: Set<string>;
}

export interface Disclosures {
  citizen(citizenId: string): void;
  vaccination(citizenId: string, vaccinationId: string): void;
  /** An attempt the core refused, e.g. a PGO asking for another citizen. */
  denied(citizenId: string | null, resource: string): void;
  /** Any other audited event, e.g. `audit.read` or `grant.read`, or a refused operation. */
  event(
    action: string,
    disclosed: Record<string, unknown>,
    outcome?: AuditOutcome,
    citizenId?: string,
  ): void;
  /** The entries to write, emptied so that a second flush writes nothing twice. */
  drain(): Omit<AuditRecord, 'actor' | 'requestId' | 'correlationId'>[];
}

export function createDisclosures(): Disclosures {
  const citizens = new Map<string, CitizenDisclosure>();
  let others: ReturnType<Disclosures['drain']> = [];
  const of = (citizenId: string) => {
    const entry = citizens.get(citizenId) ?? { citizen: false, vaccinations: new Set() };
    citizens.set(citizenId, entry);
    return entry;
  };
  return {
    citizen: (citizenId) => void (of(citizenId).citizen = true),
    vaccination: (citizenId, id) => void of(citizenId).vaccinations.add(id),
    denied: (citizenId, resource) =>
      others.push({ citizenId, action: `${resource}.read`, disclosed: {}, outcome: 'DENIED' }),
    event: (action, disclosed, outcome = 'SUCCESS', citizenId) =>
      others.push({ action, disclosed, outcome, citizenId: citizenId ?? null }),
    drain() {
      const reads = [...citizens].map(([citizenId, d]) => ({
        citizenId,
        action: d.citizen ? 'citizen.read' : 'vaccination.read',
        disclosed: {
          ...(d.citizen ? { Citizen: [citizenId] } : {}),
          ...(d.vaccinations.size > 0
            ? { Vaccination: { count: d.vaccinations.size, ids: [...d.vaccinations].sort() } }
            : {}),
        },
        outcome: 'SUCCESS' as const,
      }));
      const drained = [...reads, ...others];
      citizens.clear();
      others = [];
      return drained;
    },
  };
}

export interface AuditScope {
  actor: Actor | null;
  audit: AuditTrail;
  disclosures: Disclosures;
  requestId: string;
  correlationId: string | undefined;
  operationName?: string | undefined;
}

/** Writes what the request disclosed; the caller awaits it before answering. */
export async function writeDisclosures(scope: AuditScope): Promise<void> {
  const entries = scope.disclosures.drain();
  if (entries.length === 0 || !scope.actor) return;
  for (const entry of entries) {
    await scope.audit.append({
      ...entry,
      disclosed: { ...entry.disclosed, operation: scope.operationName ?? null },
      actor: scope.actor,
      requestId: scope.requestId,
      correlationId: scope.correlationId,
    });
  }
}
