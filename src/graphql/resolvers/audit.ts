// Reading the audit trail: entries newest first with an opaque cursor, and the verification
// of every hash chain. Auditors' own reads of the trail are themselves audited.
import { canonicalJson } from '../../audit/canonicalJson.ts';
import { badUserInput } from '../errors.ts';
import type { AuditEntryResolvers, QueryResolvers } from '../generated/resolvers.ts';
import { isUuid } from '../ids.ts';
import { pageSize } from './argumentChecks.ts';

function encodeCursor(id: bigint): string {
  return Buffer.from(`audit:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): bigint {
  const match = /^audit:([0-9]{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw badUserInput('after is not a cursor this API gave out');
  return BigInt(match[1]);
}

export const auditQuery: Pick<QueryResolvers, 'auditEntries' | 'verifyAuditTrail'> = {
  auditEntries: async (_root, { filter, first, after }, ctx) => {
    const take = pageSize(first, 500);
    if (filter?.citizenId != null && !isUuid(filter.citizenId)) {
      throw badUserInput('citizenId is not an internal citizen id');
    }
    const rows = await ctx.prisma.auditEntry.findMany({
      where: {
        citizenId: filter?.citizenId ?? undefined,
        actorId: filter?.actorId ?? undefined,
        action: filter?.action ?? undefined,
        time: { gte: filter?.from ?? undefined, lt: filter?.before ?? undefined },
        id: after == null ? undefined : { lt: decodeCursor(after) },
      },
      orderBy: { id: 'desc' },
      take: take + 1,
    });
    const entries = rows.slice(0, take);
    const last = entries[entries.length - 1];
    ctx.disclosures.event('audit.read', { AuditEntry: { count: entries.length } });
    return { entries, nextCursor: rows.length > take && last ? encodeCursor(last.id) : null };
  },
  verifyAuditTrail: async (_root, _args, ctx) => {
    const result = await ctx.audit.verify();
    ctx.disclosures.event('audit.verify', { intact: result.intact });
    return { ...result, firstBrokenEntryId: result.firstBrokenEntryId?.toString() ?? null };
  },
};

export const AuditEntry: AuditEntryResolvers = {
  id: (e) => e.id.toString(),
  disclosed: (e) => canonicalJson(e.disclosed),
};
