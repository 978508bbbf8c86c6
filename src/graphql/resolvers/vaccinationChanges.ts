// Corrections and retractions by registrars. Each names the version it changes (optimistic
// concurrency: a newer version fails with CONFLICT) and gives a reason; the change and its
// audit entry commit in one transaction, so neither exists without the other.
import { randomInt } from 'node:crypto';
import { appendIn } from '../../audit/auditTrail.ts';
import type { Prisma, Vaccination } from '../../store/generated/client.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput, conflict, notFound } from '../errors.ts';
import type { MutationResolvers, VaccinationCorrection } from '../generated/resolvers.ts';
import { isUuid } from '../ids.ts';

type Transaction = Parameters<Parameters<GraphQLContext['prisma']['$transaction']>[0]>[0];
type Changes = Prisma.VaccinationUncheckedUpdateManyInput;

function reasonOf(reason: string): string {
  const text = reason.trim();
  if (text.length === 0 || text.length > 1000)
    throw badUserInput('reason must be 1 to 1000 characters');
  return text;
}

function required<T>(value: T | null | undefined, name: string): T | undefined {
  if (value === null) throw badUserInput(`${name} cannot be cleared`);
  return value;
}

function bounded(value: string | null | undefined, name: string, max: number) {
  if (typeof value === 'string' && value.length > max) {
    throw badUserInput(`${name} must be at most ${max} characters`);
  }
  return value;
}

/** The correction as column changes; undefined leaves a column, null clears it. */
function changesOf(c: VaccinationCorrection): Changes {
  if (c.status === 'ENTERED_IN_ERROR') {
    throw badUserInput('Use retractVaccination to mark a record entered in error');
  }
  if (c.doseNumber != null && (c.doseNumber < 1 || c.doseNumber > 99)) {
    throw badUserInput('doseNumber must be between 1 and 99');
  }
  const changes: Changes = {
    productId: required(c.productId, 'productId'),
    occurrence: required(c.occurrence, 'occurrence'),
    occurrencePrecision: required(c.occurrencePrecision, 'occurrencePrecision'),
    status: required(c.status, 'status'),
    doseNumber: c.doseNumber,
    lotNumber: bounded(c.lotNumber, 'lotNumber', 100),
    note: bounded(c.note, 'note', 2000),
  };
  const named = Object.entries(changes).filter(([, v]) => v !== undefined);
  if (named.length === 0) throw badUserInput('changes names no field to correct');
  return Object.fromEntries(named) as Changes;
}

/** Applies `data` if the record is still at `expectedVersion` and not retracted. */
async function changeAt(
  tx: Transaction,
  id: string,
  expectedVersion: number,
  data: Prisma.VaccinationUncheckedUpdateManyInput,
): Promise<Vaccination> {
  const { count } = await tx.vaccination.updateMany({
    where: { id, version: expectedVersion, retractedAt: null },
    data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
  });
  if (count === 1) return tx.vaccination.findUniqueOrThrow({ where: { id } });
  const current = await tx.vaccination.findUnique({ where: { id } });
  if (!current) throw notFound('No vaccination has this id');
  if (current.retractedAt) throw conflict('The vaccination was retracted; it cannot change');
  throw conflict(`The vaccination is at version ${current.version}, not ${expectedVersion}`);
}

async function audited(
  ctx: GraphQLContext,
  action: string,
  change: (tx: Transaction) => Promise<Vaccination>,
  disclosed: (before: number, after: Vaccination) => Record<string, unknown>,
): Promise<Vaccination> {
  const actor = ctx.actor!;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const after = await change(tx);
    const record = {
      actor,
      citizenId: after.citizenId,
      action,
      disclosed: disclosed(after.version - 1, after),
      outcome: 'SUCCESS' as const,
      requestId: ctx.requestId,
      correlationId: ctx.correlationId,
    };
    await appendIn(tx, record, randomInt(ctx.auditChains));
    return after;
  });
  ctx.loaders.vaccination.clear(row.id).prime(row.id, row);
  return row;
}

export const vaccinationChanges: MutationResolvers = {
  correctVaccination: async (_root, { input }, ctx) => {
    const reason = reasonOf(input.reason);
    const changes = changesOf(input.changes);
    if (!isUuid(input.id)) throw notFound('No vaccination has this id');
    const productId = input.changes.productId;
    if (productId != null && !(await ctx.loaders.product.load(productId))) {
      throw notFound('No vaccine product has this productId');
    }
    return audited(
      ctx,
      'vaccination.correct',
      (tx) => changeAt(tx, input.id, input.expectedVersion, changes),
      (from, after) => ({
        Vaccination: after.id,
        fields: Object.keys(changes).sort(),
        version: { from, to: after.version },
        reason,
      }),
    );
  },
  retractVaccination: async (_root, { input }, ctx) => {
    const reason = reasonOf(input.reason);
    if (!isUuid(input.id)) throw notFound('No vaccination has this id');
    const data = {
      status: 'ENTERED_IN_ERROR' as const,
      retractedAt: new Date(),
      retractionReason: reason,
    };
    return audited(
      ctx,
      'vaccination.retract',
      (tx) => changeAt(tx, input.id, input.expectedVersion, data),
      (from, after) => ({ Vaccination: after.id, version: { from, to: after.version }, reason }),
    );
  },
};
