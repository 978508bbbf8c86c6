// The one gate every citizen and vaccination passes on its way into a response. It records
// the disclosure for the audit trail and, for a PGO, lets through only the token's own citizen
// and only the records that may be disclosed (src/rules/disclosure.ts). Staff and system
// actors see every record; their roles were checked before execution (authorization.ts).
import type { Citizen, Vaccination } from '../store/generated/client.ts';
import { isDisclosable } from '../rules/disclosure.ts';
import type { GraphQLContext } from './context.ts';
import { unauthenticated } from './errors.ts';

function actorOf(ctx: GraphQLContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export function discloseCitizen(ctx: GraphQLContext, citizen: Citizen | null): Citizen | null {
  const actor = actorOf(ctx);
  if (!citizen) return null;
  if (actor.kind === 'PGO' && citizen.id !== actor.citizenId) {
    // Answered as "not found", so a PGO learns nothing about other citizens' ids.
    ctx.disclosures.denied(citizen.id, 'citizen');
    return null;
  }
  ctx.disclosures.citizen(citizen.id);
  return citizen;
}

export async function discloseVaccinations(
  ctx: GraphQLContext,
  rows: Vaccination[],
): Promise<Vaccination[]> {
  const actor = actorOf(ctx);
  let visible = rows;
  if (actor.kind === 'PGO') {
    for (const row of rows) {
      if (row.citizenId !== actor.citizenId) ctx.disclosures.denied(row.citizenId, 'vaccination');
    }
    const own = rows.filter((row) => row.citizenId === actor.citizenId);
    const citizen = own.length > 0 ? await ctx.loaders.citizen.load(actor.citizenId) : null;
    visible = citizen ? own.filter((row) => isDisclosable(row, citizen, ctx.now)) : [];
  }
  for (const row of visible) ctx.disclosures.vaccination(row.citizenId, row.id);
  return visible;
}

export async function discloseVaccination(
  ctx: GraphQLContext,
  row: Vaccination | null,
): Promise<Vaccination | null> {
  if (!row) return null;
  return (await discloseVaccinations(ctx, [row]))[0] ?? null;
}
