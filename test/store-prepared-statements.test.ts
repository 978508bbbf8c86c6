// Prisma's statements on PostgreSQL are prepared once per connection under a stable name, and
// the names stay bounded however many different statements the service sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVaccinations } from '../src/graphql/vaccinationRead.ts';
import { rawReader } from '../src/store/rawReader.ts';
import { statementNames } from '../src/store/statementNames.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';
import { seedCitizen, seedVaccination } from './support/vaccinationFixtures.ts';

describe('statement names', () => {
  it('name the same text alike, other texts apart, and none past the bound', () => {
    const name = statementNames(2);
    const a = name({ sql: 'SELECT 1' });
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    const b = name({ sql: 'SELECT 2' });
    expect(b).not.toBe(a);
    expect(name({ sql: 'SELECT 3' })).toBe('');
    expect(name({ sql: 'SELECT 2' })).toBe(b);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('prepared statements on postgresql', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('postgresql');
  });
  afterAll(async () => t?.drop());

  it('are kept by the connection that ran them', async () => {
    // An interactive transaction holds one connection, so the second query sees the first's.
    const prepared = await t.database.prisma.$transaction(async (tx) => {
      await tx.citizen.findMany({ where: { familyName: 'Jansen' } });
      return tx.$queryRaw<{ name: string; statement: string }[]>`
        SELECT name, statement FROM pg_prepared_statements`;
    });
    const citizenRead = prepared.find((p) => p.statement.includes('"family_name" = $1'));
    expect(citizenRead?.name).toMatch(/^entpoort_prisma_\d+$/);
  });

  it("plan one citizen's vaccinations once, not at every execution", async () => {
    const prisma = t.database.prisma;
    const citizen = await seedCitizen(prisma, { birthDate: new Date('1990-01-01') });
    const { productId } = await seedVaccination(prisma, citizen.id);
    // Enough rows, and fresh statistics, for the planner to weigh its plans as in production.
    await prisma.$executeRawUnsafe(
      `INSERT INTO citizen (bsn, birth_date, family_name, updated_at)
       SELECT lpad(n::text, 9, '0'), '1990-01-01', 'Test', now() FROM generate_series(1, 5000) n`,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO vaccination (citizen_id, source, source_record_id, product_id, occurrence,
         recorded_at)
       SELECT c.id, 'PRAEVENTIS', c.bsn || '-' || k, $1::uuid, now(), now()
       FROM citizen c CROSS JOIN generate_series(1, 4) k WHERE c.family_name = 'Test'`,
      productId,
    );
    await prisma.$executeRawUnsafe('ANALYZE');
    // One connection throughout, as a transaction pins it: prepared statements are per session.
    const adapter = await t.database.adapterFactory.connect();
    const tx = await adapter.startTransaction();
    let plans: { generic: bigint; custom: bigint }[];
    try {
      // PostgreSQL tries custom plans for a statement's first five executions.
      for (let i = 0; i < 8; i += 1) await readVaccinations(rawReader(tx), [citizen.id], null);
      plans = await rawReader(tx).rows(
        `SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements
         WHERE statement LIKE '%JOIN vaccine_' || 'product p %'`,
        [],
        [],
      );
    } finally {
      await tx.rollback();
      await adapter.dispose();
    }
    expect(plans).toHaveLength(1);
    expect(Number(plans[0]!.generic)).toBeGreaterThanOrEqual(3);
  });
});
