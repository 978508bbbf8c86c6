// Citizens: lookup by internal id or BSN, federation references, name and age, and the
// citizen's vaccinations through the batched loader.
import { ageOn } from '../../rules/age.ts';
import { isValidBsn } from '../../rules/bsn.ts';
import type { Citizen as CitizenRow } from '../../store/generated/client.ts';
import { discloseCitizen, discloseVaccinations } from '../access.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput, forbidden } from '../errors.ts';
import type { CitizenResolvers, QueryResolvers } from '../generated/resolvers.ts';
import { personName } from '../personName.ts';

async function findCitizen(
  ctx: GraphQLContext,
  id: string | null | undefined,
  bsn: string | null | undefined,
): Promise<CitizenRow | null> {
  if ((id == null) === (bsn == null)) throw badUserInput('Give exactly one of id and bsn');
  if (id != null) return ctx.loaders.citizen.load(id);
  // The FHIR face derives the patient from the token; a PGO never chooses one by BSN.
  if (ctx.actor?.kind !== 'STAFF') throw forbidden('Lookup by BSN is for staff only');
  // The message never repeats the value: it is, or resembles, a BSN.
  if (!isValidBsn(bsn!)) throw badUserInput('bsn is not a valid burgerservicenummer');
  const citizen = await ctx.prisma.citizen.findUnique({ where: { bsn: bsn! } });
  if (citizen) ctx.loaders.citizen.prime(citizen.id, citizen);
  return citizen;
}

export const citizenQuery: Pick<QueryResolvers, 'citizen'> = {
  citizen: async (_root, { id, bsn }, ctx) => discloseCitizen(ctx, await findCitizen(ctx, id, bsn)),
};

export const Citizen: CitizenResolvers = {
  __resolveReference: async ({ id }, ctx) =>
    discloseCitizen(ctx, await ctx.loaders.citizen.load(id)),
  bsn: (citizen, _args, ctx) => {
    if (ctx.actor?.kind !== 'STAFF') throw forbidden('Citizen.bsn is for staff only');
    return citizen.bsn;
  },
  age: (citizen, _args, ctx) => ageOn(citizen.birthDate, ctx.now),
  name: (citizen) => personName(citizen),
  vaccinations: async (citizen, { filter }, ctx) =>
    discloseVaccinations(
      ctx,
      await ctx.loaders.vaccinationsOf.load({ citizenId: citizen.id, filter }),
    ),
};
