// Vaccination events: lookup by id, federation references, and the links to citizen, product,
// performer and location, each through a per-request loader.
import { isDisclosable } from '../../rules/disclosure.ts';
import { discloseCitizen, discloseVaccination } from '../access.ts';
import { toCoding, toCodings } from '../fhirJson.ts';
import type { QueryResolvers, VaccinationResolvers } from '../generated/resolvers.ts';

export const vaccinationQuery: Pick<QueryResolvers, 'vaccination'> = {
  vaccination: async (_root, { id }, ctx) =>
    discloseVaccination(ctx, await ctx.loaders.vaccination.load(id)),
};

function present<T>(row: T | null, what: string): T {
  // A foreign key that finds no row is a broken store, not the caller's mistake.
  if (row === null) throw new Error(`vaccination's ${what} is missing from the store`);
  return row;
}

export const Vaccination: VaccinationResolvers = {
  __resolveReference: async ({ id }, ctx) =>
    discloseVaccination(ctx, await ctx.loaders.vaccination.load(id)),
  citizen: async (v, _args, ctx) =>
    present(discloseCitizen(ctx, await ctx.loaders.citizen.load(v.citizenId)), 'citizen'),
  product: async (v, _args, ctx) => present(await ctx.loaders.product.load(v.productId), 'product'),
  performerOrganization: (v, _args, ctx) =>
    v.performerOrganizationId ? ctx.loaders.organization.load(v.performerOrganizationId) : null,
  performer: (v, _args, ctx) =>
    v.performerRoleId ? ctx.loaders.professionalRole.load(v.performerRoleId) : null,
  location: (v, _args, ctx) => (v.locationId ? ctx.loaders.location.load(v.locationId) : null),
  route: (v) => toCoding(v.route),
  site: (v) => toCoding(v.site),
  laterality: (v) => toCoding(v.laterality),
  // Known limit: a dose without a unit is not shown, since the SDL's Quantity needs one.
  doseQuantity: (v) =>
    v.doseQuantity !== null && v.doseUnit
      ? { value: v.doseQuantity.toNumber(), unit: v.doseUnit }
      : null,
  targetDiseases: (v) => toCodings(v.targetDiseases),
  reasonMotives: (v) => toCodings(v.reasonMotives),
  reasonIndications: (v) => toCodings(v.reasonIndications),
  disclosable: async (v, _args, ctx) => {
    const citizen = present(await ctx.loaders.citizen.load(v.citizenId), 'citizen');
    return isDisclosable(v, citizen, ctx.now);
  },
};
