// Who may run which root fields, decided before execution so that a refused request returns
// no data at all. Staff need a role per root field; a PGO (through the FHIR face, in process)
// may use only the read fields the façade needs, and the resolvers then confine it to its
// token's citizen (access.ts). Unknown root fields are refused: deny by default.
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Actor, StaffRole } from '../auth/actor.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { medmijListsRoles } from './resolvers/medmijLists.ts';

const readers: StaffRole[] = ['viewer', 'registrar'];
const anyRole: StaffRole[] = ['viewer', 'registrar', 'auditor'];

/** Root field → staff roles of which one suffices. */
export const staffRootFields: Record<string, StaffRole[]> = {
  citizen: readers,
  vaccination: readers,
  organization: readers,
  organizations: readers,
  vaccineProduct: readers,
  vaccineProducts: readers,
  _entities: readers,
  citizenGrants: ['viewer'],
  correctVaccination: ['registrar'],
  retractVaccination: ['registrar'],
  revokeGrant: ['registrar'],
  medmijLists: medmijListsRoles,
  auditEntries: ['auditor'],
  verifyAuditTrail: ['auditor'],
  // The subgraph's SDL, for composing the supergraph; any staff member may fetch it.
  _service: anyRole,
  __typename: anyRole,
  // Only reachable when introspection is on (never in production by default).
  __schema: anyRole,
  __type: anyRole,
};

/** Root fields a PGO's operations may use; its citizen is enforced in the resolvers. */
export const pgoRootFields = new Set([
  'citizen',
  'vaccination',
  'organization',
  'vaccineProduct',
  '_entities',
  '__typename',
]);

/** The names (not aliases) of the root fields an operation selects, through fragments. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const names = new Set<string>();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return [...names].sort();
}

/** Throws UNAUTHENTICATED (401) or FORBIDDEN (403) unless the actor may run every field. */
export function authorizeRootFields(actor: Actor | null, fields: string[]): void {
  if (!actor) throw unauthenticated();
  // System components run in process with full trust; they are audited like anyone else.
  if (actor.kind === 'SYSTEM') return;
  for (const field of fields) {
    if (actor.kind === 'PGO') {
      if (!pgoRootFields.has(field)) throw forbidden(`A PGO may not use ${field}`, true);
      continue;
    }
    // Citizens act only on Entpoort's own pages, never through GraphQL.
    if (actor.kind === 'CITIZEN') throw forbidden(`A citizen may not use ${field}`, true);
    const roles = staffRootFields[field] ?? [];
    if (!roles.some((role) => actor.roles.has(role))) {
      const needed = roles.length > 0 ? roles.join(' or ') : 'a role no one has';
      throw forbidden(`${field} needs ${needed}`, true);
    }
  }
}
