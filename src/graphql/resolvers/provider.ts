// Organisations, professionals, their roles and locations: reference data, not personal data
// of citizens, so any actor that may read vaccinations may read these.
import type { Organization as OrganizationRow } from '../../store/generated/client.ts';
import type { GraphQLContext } from '../context.ts';
import { toAddresses, toCoding, toContactPoints } from '../fhirJson.ts';
import type {
  LocationResolvers,
  OrganizationResolvers,
  ProfessionalRoleResolvers,
  QueryResolvers,
} from '../generated/resolvers.ts';
import { exactlyOne, pageSize, searchText } from './argumentChecks.ts';

async function findOrganization(
  ctx: GraphQLContext,
  args: { id?: string | null; ura?: string | null; agb?: string | null },
): Promise<OrganizationRow | null> {
  exactlyOne(args);
  if (args.id != null) return ctx.loaders.organization.load(args.id);
  const where = args.ura != null ? { ura: args.ura } : { agb: args.agb! };
  const row = await ctx.prisma.organization.findUnique({ where });
  if (row) ctx.loaders.organization.prime(row.id, row);
  return row;
}

export const providerQuery: Pick<QueryResolvers, 'organization' | 'organizations'> = {
  organization: (_root, args, ctx) => findOrganization(ctx, args),
  organizations: (_root, { name, first }, ctx) =>
    ctx.prisma.organization.findMany({
      where: { name: { contains: searchText(name, 'name'), mode: 'insensitive' } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: pageSize(first, 100),
    }),
};

export const Organization: OrganizationResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.organization.load(id),
  type: (o) => toCoding(o.type),
  addresses: (o) => toAddresses(o.address),
  telecom: (o) => toContactPoints(o.telecom),
};

export const ProfessionalRole: ProfessionalRoleResolvers = {
  professional: async (role, _args, ctx) => {
    const professional = await ctx.loaders.professional.load(role.professionalId);
    if (!professional) throw new Error('professional role without its professional');
    return professional;
  },
  organization: (role, _args, ctx) =>
    role.organizationId ? ctx.loaders.organization.load(role.organizationId) : null,
  specialty: (role) => toCoding(role.specialty),
};

export const Location: LocationResolvers = {
  addresses: (l) => toAddresses(l.address),
  telecom: (l) => toContactPoints(l.telecom),
  managingOrganization: (l, _args, ctx) =>
    l.managingOrganizationId ? ctx.loaders.organization.load(l.managingOrganizationId) : null,
};
