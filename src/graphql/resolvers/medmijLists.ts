// Staff view of the MedMij lists: which Volgnummer each replica works from and how long ago it
// was last found current, read from the `medmij_list` table that all replicas share (the
// in-memory state of one replica, with its last error, is in /readyz instead).
import type { StaffRole } from '../../auth/actor.ts';
import type { GraphQLContext } from '../context.ts';
import { forbidden, unauthenticated } from '../errors.ts';

/** Who may read the list status; also to be entered in authorization.ts's staffRootFields. */
export const medmijListsRoles: StaffRole[] = ['viewer', 'auditor'];

/**
 * The list names as in src/medmij/lists/listNames.ts, repeated here because the GraphQL core
 * does not import from the MedMij face.
 */
const listNames = [
  'OAuthclientlist',
  'Whitelist',
  'Zorgaanbiederslijst',
  'Gegevensdienstnamenlijst',
];

export interface MedmijListStatusRow {
  name: string;
  stored: boolean;
  volgnummer: number | null;
  tijdstempel: Date | null;
  fetchedAt: Date | null;
  ageSeconds: number | null;
  source: string | null;
}

export async function medmijListStatuses(
  prisma: GraphQLContext['prisma'],
  now: Date,
): Promise<MedmijListStatusRow[]> {
  const rows = await prisma.medmijList.findMany({
    select: { name: true, volgnummer: true, tijdstempel: true, fetchedAt: true, source: true },
  });
  const byName = new Map(rows.map((row) => [row.name, row]));
  return listNames.map((name) => {
    const row = byName.get(name);
    if (!row) {
      return {
        name,
        stored: false,
        volgnummer: null,
        tijdstempel: null,
        fetchedAt: null,
        ageSeconds: null,
        source: null,
      };
    }
    const age = Math.max(0, Math.floor((now.getTime() - row.fetchedAt.getTime()) / 1000));
    return { ...row, stored: true, ageSeconds: age };
  });
}

export const medmijListsQuery = {
  medmijLists: async (
    _root: unknown,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<MedmijListStatusRow[]> => {
    // Authorization runs before execution; this repeats it so the field is never open by
    // omission. System components are trusted in process, as in authorization.ts.
    const actor = ctx.actor;
    if (!actor) throw unauthenticated();
    const allowed =
      actor.kind === 'SYSTEM' ||
      (actor.kind === 'STAFF' && medmijListsRoles.some((role) => actor.roles.has(role)));
    if (!allowed) throw forbidden('medmijLists needs the viewer or auditor role');
    return medmijListStatuses(ctx.prisma, ctx.now);
  },
};
