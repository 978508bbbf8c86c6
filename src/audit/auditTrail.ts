// The access log (NEN 7513): one entry per read or change of a citizen's data, through any face.
//
// Tamper evidence: each entry's hash covers its content and the hash of its predecessor in the
// same chain. Entries are spread over a few chains so that concurrent writers wait only for the
// writers of their own chain; each chain is serialised with a transaction-scoped advisory lock.
// Deleting, changing or reordering an entry breaks its chain, which `verify` detects. The
// database also refuses UPDATE and DELETE on the table (see the init migration).
//
// `append` runs on every disclosure, so it speaks SQL directly on one connection instead of
// through a Prisma interactive transaction: on PostgreSQL two round trips (BEGIN, lock and
// previous hash; then INSERT and COMMIT), on PGlite one exclusive PGlite transaction.
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

function hashedFields(record: AuditRecord, chain: number, prevHash: string): HashedFields {
  return {
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
    prevHash,
  };
}

const INSERT_COLUMNS = `INSERT INTO audit_entry (chain, time, actor_kind, actor_id, citizen_id,
  action, disclosed, outcome, request_id, correlation_id, prev_hash, hash)`;

/** The values of one entry, in INSERT_COLUMNS order; all text except chain (a number). */
function entryValues(fields: HashedFields): (string | number | null)[] {
  return [
    fields.chain,
    fields.time.toISOString(),
    fields.actorKind,
    fields.actorId,
    fields.citizenId,
    fields.action,
    JSON.stringify(fields.disclosed),
    fields.outcome,
    fields.requestId,
    fields.correlationId,
    fields.prevHash,
    entryHash(fields),
  ];
}

const lockOf = (chain: number) => `SELECT pg_advisory_xact_lock(${AUDIT_LOCK_NAMESPACE}, ${chain})`;
const lastHashOf = (chain: number) =>
  `SELECT hash FROM audit_entry WHERE chain = ${chain} ORDER BY id DESC LIMIT 1`;

/**
 * Two round trips: pg sends a parameterless multi-statement text as one simple query, so the
 * values of the INSERT travel as escaped literals (pg's escapeLiteral) next to its COMMIT. The
 * lock and the previous-hash read are separate statements so the read sees what the previous
 * lock holder committed (READ COMMITTED takes a snapshot per statement).
 */
async function appendOnPostgres(client: pg.PoolClient, record: AuditRecord, chain: number) {
  try {
    const results = (await client.query(
      `BEGIN; ${lockOf(chain)}; ${lastHashOf(chain)}`,
    )) as unknown as pg.QueryResult<{ hash: string }>[];
    const prevHash = results[2]?.rows[0]?.hash ?? GENESIS_HASH;
    const literal = (value: string | number | null) =>
      value === null
        ? 'NULL'
        : typeof value === 'number'
          ? String(value)
          : client.escapeLiteral(value);
    const literals = entryValues(hashedFields(record, chain, prevHash)).map(literal);
    await client.query(`${INSERT_COLUMNS} VALUES (${literals.join(', ')}); COMMIT`);
  } catch (error) {
    // A failed statement leaves the transaction aborted; end it before the connection is reused.
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** PGlite is one connection: its transaction() keeps Prisma's statements out until it ends. */
async function appendOnPglite(db: PGlite, record: AuditRecord, chain: number) {
  await db.transaction(async (tx) => {
    await tx.query(lockOf(chain));
    const last = await tx.query<{ hash: string }>(lastHashOf(chain));
    const values = entryValues(hashedFields(record, chain, last.rows[0]?.hash ?? GENESIS_HASH));
    const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
    await tx.query(`${INSERT_COLUMNS} VALUES (${placeholders})`, values);
  });
}

/** Appends inside the caller's transaction, for changes that must commit with their entry. */
export async function appendIn(tx: Transaction, record: AuditRecord, chain = 0): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_NAMESPACE}::int, ${chain}::int)`;
  const last = await tx.auditEntry.findFirst({
    where: { chain },
    orderBy: { id: 'desc' },
    select: { hash: true },
  });
  const fields = hashedFields(record, chain, last?.hash ?? GENESIS_HASH);
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
