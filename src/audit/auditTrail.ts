// The access log (NEN 7513): one entry per read or change of a citizen's data, through any face.
//
// Tamper evidence: each entry's hash covers its content and the hash of its predecessor in the
// same chain. Entries are spread over a few chains so that concurrent writers wait only for the
// writers of their own chain; each chain is serialised with a transaction-scoped advisory lock.
// Deleting, changing or reordering an entry breaks its chain, which `verify` detects. The
// database also refuses UPDATE and DELETE on the table (see the init migration).
//
// Every append is one statement, the `audit_append` database function (see its migration): it
// takes the chain's lock, reads the previous hash and inserts the entry, so a chain is locked
// only for as long as the database needs and never across a round trip to the application. The
// application sends the entry's canonical JSON up to the previous hash; the function finishes
// it and hashes it, with the same definition `entryHash` gives and `verify` checks.
import { createHash, randomInt } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../store/database.ts';
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

/** The hashed content without the previous hash, in hash order. */
function content(fields: Omit<HashedFields, 'prevHash'>): unknown[] {
  return [
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
  ];
}

export function entryHash(fields: HashedFields): string {
  return createHash('sha256')
    .update(canonicalJson([...content(fields), fields.prevHash]))
    .digest('hex');
}

/** What the trail needs of the database: Prisma for `verify`, a raw connection for `append`. */
export type AuditDatabase = Pick<Database, 'kind' | 'prisma' | 'withConnection'>;

export function createAuditTrail(database: AuditDatabase, chains: number): AuditTrail {
  const pick = chainPicker(chains);
  return {
    async append(record) {
      // A transaction of its own, so a disclosure's audit entry survives whatever the caller
      // does next; the caller awaits it before answering, so nothing is disclosed unlogged.
      const chain = pick.take();
      try {
        await database.withConnection((connection) =>
          database.kind === 'pglite'
            ? appendOnPglite(connection.raw as PGlite, record, chain)
            : appendOnPostgres(connection.raw as pg.PoolClient, record, chain),
        );
      } finally {
        pick.release(chain);
      }
    },
    verify: () => verifyChains(database.prisma),
  };
}

/**
 * Chains for concurrent appends: one this process is not appending to, where there is one, so
 * its appends do not queue behind each other's chain lock (other processes still may).
 */
function chainPicker(chains: number) {
  const appending = new Array<number>(chains).fill(0);
  let next = randomInt(chains);
  return {
    take(): number {
      let chain = randomInt(chains);
      for (let i = 0; i < chains; i += 1) {
        if (appending[(next + i) % chains] === 0) {
          chain = (next + i) % chains;
          next = chain + 1;
          break;
        }
      }
      appending[chain]! += 1;
      return chain;
    },
    release: (chain: number) => void (appending[chain]! -= 1),
  };
}

const APPEND = `SELECT audit_append($1::int, $2::text, $3::smallint, $4::timestamptz,
  $5::actor_kind, $6::text, $7::uuid, $8::text, $9::jsonb, $10::audit_outcome, $11::text,
  $12::text, $13::text)`;

/** The arguments of `audit_append` for one entry, in APPEND's order. */
function appendArguments(record: AuditRecord, chain: number): (string | number | null)[] {
  const fields = {
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
  };
  // `[content…,` : the function appends the previous hash as a JSON string and the `]`.
  const hashPrefix = `${canonicalJson(content(fields)).slice(0, -1)},`;
  return [
    AUDIT_LOCK_NAMESPACE,
    GENESIS_HASH,
    chain,
    fields.time.toISOString(),
    fields.actorKind,
    fields.actorId,
    fields.citizenId,
    fields.action,
    JSON.stringify(fields.disclosed),
    fields.outcome,
    fields.requestId,
    fields.correlationId,
    hashPrefix,
  ];
}

/** One round trip; a named statement, so each pooled connection parses it once. */
async function appendOnPostgres(client: pg.PoolClient, record: AuditRecord, chain: number) {
  await client.query({
    name: 'entpoort_audit_append',
    text: APPEND,
    values: appendArguments(record, chain),
  });
}

/** PGlite is one connection: its transaction() keeps Prisma's statements out until it ends. */
async function appendOnPglite(db: PGlite, record: AuditRecord, chain: number) {
  await db.transaction((tx) => tx.query(APPEND, appendArguments(record, chain)));
}

/**
 * Appends inside the caller's transaction, for changes that must commit with their entry; the
 * chain stays locked until the caller commits.
 */
export async function appendIn(tx: Transaction, record: AuditRecord, chain = 0): Promise<void> {
  await tx.$executeRawUnsafe(APPEND, ...appendArguments(record, chain));
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
