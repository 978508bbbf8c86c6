import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendIn, createAuditTrail, type AuditTrail } from '../src/audit/auditTrail.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

const staff = { kind: 'STAFF', id: 'staff-subject-1' } as const;
const citizenId = '7b0a6c1e-57a4-4c53-9f43-3f8d3f0e9d11';

describe.each(databaseKinds)('the audit trail on %s', (kind) => {
  let t: TestDatabase;
  let trail: AuditTrail;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    trail = createAuditTrail(t.database, 3);
  });
  afterAll(async () => t?.drop());

  const sql = (text: string) => t.database.withConnection((c) => c.exec(text));

  it('chains entries written concurrently and verifies them intact', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        trail.append({
          actor: staff,
          citizenId,
          action: 'citizen.read',
          disclosed: { vaccinations: i },
          outcome: 'SUCCESS',
          requestId: `req-${i}`,
        }),
      ),
    );
    const result = await trail.verify();
    expect(result).toEqual({ intact: true, entriesChecked: 30, firstBrokenEntryId: null });
  });

  it('stores quotes, backslashes and nested values exactly as hashed', async () => {
    const odd = `it's a \\ path; DROP TABLE audit_entry; --`;
    await trail.append({
      actor: { kind: 'PGO', id: odd },
      action: 'fhir.search',
      disclosed: { note: odd, ids: ['a', 'b'], nested: { n: 1.5, none: null } },
      outcome: 'SUCCESS',
      correlationId: odd,
    });
    const entry = await t.database.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actorId: odd, correlationId: odd, citizenId: null });
    expect(entry.disclosed).toEqual({ note: odd, ids: ['a', 'b'], nested: { n: 1.5, none: null } });
    expect((await trail.verify()).intact).toBe(true);
  });

  it('rolls a failed append back and keeps appending afterwards', async () => {
    const before = await t.database.prisma.auditEntry.count();
    const bad = { actor: staff, citizenId: 'not-a-uuid', action: 'x', outcome: 'SUCCESS' } as const;
    await expect(trail.append(bad)).rejects.toThrow();
    await trail.append({ ...bad, citizenId });
    expect(await t.database.prisma.auditEntry.count()).toBe(before + 1);
    expect((await trail.verify()).intact).toBe(true);
  });

  it('commits an entry together with the change it records, or not at all', async () => {
    const before = await t.database.prisma.auditEntry.count();
    await expect(
      t.database.prisma.$transaction(async (tx) => {
        await appendIn(tx, {
          actor: staff,
          citizenId,
          action: 'vaccination.retract',
          outcome: 'SUCCESS',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.database.prisma.auditEntry.count()).toBe(before);
  });

  it('is refused by the database when someone updates or deletes an entry', async () => {
    await expect(sql(`UPDATE audit_entry SET action = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(sql('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    // Also in a session that defers ordinary triggers, as the bulk import does.
    await expect(
      sql(`BEGIN; SET LOCAL session_replication_role = replica;
        UPDATE audit_entry SET action = 'nothing'; COMMIT;`),
    ).rejects.toThrow(/append-only/);
    await sql('ROLLBACK');
    expect((await trail.verify()).intact).toBe(true);
  });

  it('detects an entry changed behind the database guard', async () => {
    const victim = await t.database.prisma.auditEntry.findFirstOrThrow({
      where: { chain: 1 },
      orderBy: { id: 'asc' },
      skip: 2,
    });
    await sql(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
      UPDATE audit_entry SET disclosed = '{"vaccinations": 999}' WHERE id = ${victim.id};
      ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;`);
    const result = await trail.verify();
    expect(result.intact).toBe(false);
    expect(result.firstBrokenEntryId).toBe(victim.id);
  });

  it('detects an entry removed from the middle of a chain', async () => {
    const victim = await t.database.prisma.auditEntry.findFirstOrThrow({
      where: { chain: 2 },
      orderBy: { id: 'asc' },
      skip: 1,
    });
    const successor = await t.database.prisma.auditEntry.findFirstOrThrow({
      where: { chain: 2, id: { gt: victim.id } },
      orderBy: { id: 'asc' },
    });
    await sql(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
      DELETE FROM audit_entry WHERE id = ${victim.id};
      ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;`);
    const result = await trail.verify();
    expect(result.intact).toBe(false);
    // Chain 1 was broken by the previous test; the removal shows in chain 2's successor.
    const chain2 = await verifyChain(2);
    expect(chain2).toBe(successor.id);
  });

  async function verifyChain(chain: number): Promise<bigint | null> {
    const entries = await t.database.prisma.auditEntry.findMany({
      where: { chain },
      orderBy: { id: 'asc' },
    });
    let prev = '0'.repeat(64);
    for (const entry of entries) {
      if (entry.prevHash !== prev) return entry.id;
      prev = entry.hash;
    }
    return null;
  }
});
