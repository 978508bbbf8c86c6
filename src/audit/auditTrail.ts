// The access log (NEN 7513): one entry per read or change of a citizen's data, through any face.
//
// Tamper evidence: each entry's hash covers its content and the hash of its predecessor in the
// same chain. Entries are spread over a few chains so that concurrent writers wait only for the
// writers of their own chain; each chain is serialised with a transaction-scoped advisory lock.
// Deleting, changing or reordering an entry breaks its chain, which `verify` detects. The
// database also refuses UPDATE and DELETE on the table (see the init migration).
import { createHash, randomInt } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { AuditOutcome, PrismaClient } from '../store/generated/client.ts';
import { canonicalJson } from './canonicalJson.ts';

/** Namespace of the advisory locks that serialise each chain (first key of the pair). */
const AUDIT_LOCK_NAMESPACE = 0x656e7461; // "enta"
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  actor: Pick<Actor, 'kind' | 'id'>;
  /** Internal citizen id; never a BSN. */
  citizenId?: string | null;
  /** A documented event name, e.g. `citizen.read`, `vaccination.retract`, `fhir.search`. */
  action: string;
  /** Resource types, ids and counts; never names, BSNs or other personal data. */
  disclosed?: Record<string, unknown>;
  outcome: AuditOutcome;
  requestId?: string | undefined;
  correlationId?: string | undefined;
}

export interface AuditVerification {
  intact: boolean;
  entriesChecked: number;
  firstBrokenEntryId: bigint | null;
}

export interface AuditTrail {
  append(record: AuditRecord): Promise<void>;
  verify(): Promise<AuditVerification>;
}

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

interface HashedFields {
  chain: number;
  time: Date;
  actorKind: string;
  actorId: string;
  citizenId: string | null;
  action: string;
  disclosed: unknown;
  outcome: string;
  requestId: string | null;
  correlationId: string | null;
  prevHash: string;
}

export function entryHash(fields: HashedFields): string {
  const content = canonicalJson([
    fields.chain,
    fields.time.toISOString(),
    fields.actorKind,
    fields.actorId,
    fields.citizenId,
    fields.action,
    fields.disclosed,
    fields.outcome,
    fields.requestId,
    fields.correlationId,
    fields.prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export function createAuditTrail(prisma: PrismaClient, chains: number): AuditTrail {
  return {
    async append(record) {
      // A transaction of its own, so a disclosure's audit entry survives whatever the caller
      // does next; the caller awaits it before answering, so nothing is disclosed unlogged.
      await prisma.$transaction((tx) => appendIn(tx, record, randomInt(chains)));
    },
    verify: () => verifyChains(prisma),
  };
}

/** Appends inside the caller's transaction, for changes that must commit with their entry. */
export async function appendIn(tx: Transaction, record: AuditRecord, chain = 0): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_NAMESPACE}::int, ${chain}::int)`;
  const last = await tx.auditEntry.findFirst({
    where: { chain },
    orderBy: { id: 'desc' },
    select: { hash: true },
  });
  const fields: HashedFields = {
    chain,
    time: new Date(),
    actorKind: record.actor.kind,
    actorId: record.actor.id,
    citizenId: record.citizenId ?? null,
    action: record.action,
    disclosed: record.disclosed ?? {},
    outcome: record.outcome,
    requestId: record.requestId ?? null,
    correlationId: record.correlationId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEntry.create({
    data: {
      ...fields,
      actorKind: record.actor.kind,
      outcome: record.outcome,
      disclosed: fields.disclosed as object,
      hash: entryHash(fields),
    },
  });
}

const VERIFY_PAGE = 1000;

async function verifyChains(prisma: PrismaClient): Promise<AuditVerification> {
  const chains = await prisma.auditEntry.findMany({ distinct: ['chain'], select: { chain: true } });
  let entriesChecked = 0;
  let firstBroken: bigint | null = null;
  for (const { chain } of chains) {
    let prevHash = GENESIS_HASH;
    let after: bigint | undefined;
    for (;;) {
      const page = await prisma.auditEntry.findMany({
        where: { chain, ...(after === undefined ? {} : { id: { gt: after } }) },
        orderBy: { id: 'asc' },
        take: VERIFY_PAGE,
      });
      for (const entry of page) {
        entriesChecked += 1;
        const expected = entryHash({ ...entry, prevHash });
        if (entry.prevHash !== prevHash || entry.hash !== expected) {
          if (firstBroken === null || entry.id < firstBroken) firstBroken = entry.id;
          break;
        }
        prevHash = entry.hash;
      }
      if (page.length < VERIFY_PAGE || firstBroken !== null) break;
      after = page[page.length - 1]?.id;
    }
  }
  return { intact: firstBroken === null, entriesChecked, firstBrokenEntryId: firstBroken };
}
