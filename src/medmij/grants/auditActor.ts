// Who acts, for the audit entries of consent: the citizen (giving, refusing or revoking their
// consent), a PGO, or a staff member. auth/actor.ts has no citizen actor yet although the
// audit trail's actor_kind has CITIZEN; the type is widened here, in one place, until it does.
import type { AuditRecord } from '../../audit/auditTrail.ts';

export type AuditActor = { kind: 'CITIZEN' | 'PGO' | 'STAFF' | 'SYSTEM'; id: string };

export function citizenActor(citizenId: string): AuditActor {
  return { kind: 'CITIZEN', id: citizenId };
}

export function asAuditActor(actor: AuditActor): AuditRecord['actor'] {
  return actor as AuditRecord['actor'];
}
