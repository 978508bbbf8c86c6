// PGO grants for staff: a citizen's grants (read, audited as a disclosure) and revocation by a
// registrar with a reason (the grant, its tokens and the audit entry in one transaction, by
// medmij/grants/revokeGrant.ts, the same code as the citizen's own page). Typed by hand so it
// stands apart from codegen; the shapes are those of schema/consent.graphql.
import { revokeGrant } from '../../auth/grants/revokeGrant.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';

export interface PgoGrant {
  id: string;
  citizenId: string;
  pgoHostname: string;
  pgoName: string;
  scope: string;
  longTerm: boolean;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  active: boolean;
}

const grantSelect = {
  id: true,
  citizenId: true,
  scope: true,
  longTerm: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  client: { select: { hostname: true, organisationName: true } },
} as const;

type GrantRow = {
  id: string;
  citizenId: string;
  scope: string;
  longTerm: boolean;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  client: { hostname: string; organisationName: string };
};

function pgoGrant(row: GrantRow, now: Date): PgoGrant {
  const { client, ...grant } = row;
  return {
    ...grant,
    pgoHostname: client.hostname,
    pgoName: client.organisationName,
    active: grant.revokedAt === null && grant.expiresAt.getTime() > now.getTime(),
  };
}

export const grantQuery = {
  citizenGrants: async (
    _root: unknown,
    { citizenId }: { citizenId: string },
    ctx: GraphQLContext,
  ): Promise<PgoGrant[]> => {
    if (!isUuid(citizenId)) throw badUserInput('citizenId is not an internal citizen id');
    const rows = await ctx.prisma.grant.findMany({
      where: { citizenId },
      select: grantSelect,
      orderBy: { createdAt: 'desc' },
      take: 500,
    });
    ctx.disclosures.event('grant.read', {
      Citizen: citizenId,
      Grant: { count: rows.length, ids: rows.map((r) => r.id) },
    });
    return rows.map((row) => pgoGrant(row, ctx.now));
  },
};

export const grantMutations = {
  revokeGrant: async (
    _root: unknown,
    { id, reason }: { id: string; reason: string },
    ctx: GraphQLContext,
  ): Promise<PgoGrant> => {
    const why = reason.trim();
    if (why.length === 0 || why.length > 1000) {
      throw badUserInput('reason must be 1 to 1000 characters');
    }
    if (!isUuid(id) || !ctx.actor) throw notFound('No grant has this id');
    const revoked = await revokeGrant(ctx.prisma, id, ctx.actor, {
      reason: why,
      requestId: ctx.requestId,
      correlationId: ctx.correlationId,
      auditChains: ctx.auditChains,
      now: ctx.now,
    });
    if (!revoked) throw notFound('No grant has this id');
    const row = await ctx.prisma.grant.findUniqueOrThrow({ where: { id }, select: grantSelect });
    return pgoGrant(row, ctx.now);
  },
};
