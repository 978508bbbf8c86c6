// Prisma's statements on PostgreSQL are prepared once per connection under a stable name, and
// the names stay bounded however many different statements the service sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementNames } from '../src/store/statementNames.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';

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
});
