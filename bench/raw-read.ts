// CPU per call of the two statements every FHIR request runs (the token lookup and a citizen's
// vaccinations), read through Prisma's driver adapter directly (src/store/rawReader.ts, as
// Entpoort reads them) and through the Prisma client's `$queryRawUnsafe` (what it did before),
// on the same statement text and the same pool. Node's CPU time only: the database's is alike.
//
//   node bench/raw-read.ts [--calls 3000] [--vaccinations 10]
//
// Creates its own database on 127.0.0.1:5432 (BENCH_DATABASE_URL for another server) and drops
// it afterwards.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashOpaqueToken } from '../src/auth/opaqueTokens.ts';
import { issueAccessToken, verifyAccessToken, verifyStatement } from '../src/auth/pgoTokens.ts';
import { readVaccinations, statements } from '../src/graphql/vaccinationRead.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { seedCitizen, seedVaccinations } from '../test/support/vaccinationFixtures.ts';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '3000' },
    vaccinations: { type: 'string', default: '10' },
  },
});
const CALLS = Number(args.calls);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Microseconds of this process's CPU per call, after a warm-up of a tenth as many calls. */
async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < CALLS / 10; i += 1) await call();
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i += 1) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS;
}

const name = `entpoort_bench_${randomBytes(5).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).href;
const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
try {
  await db.withConnection(async (c) => migrate(c, await readMigrations()));
  const { prisma, reader } = db;
  const citizen = await seedCitizen(prisma, { birthDate: new Date('1990-01-01') });
  await seedVaccinations(prisma, citizen.id, Number(args.vaccinations));
  const pgo = await prisma.pgoClient.create({
    data: { hostname: 'bench.pgo.example', organisationName: 'Bench PGO' },
  });
  const { token } = await issueAccessToken(prisma, {
    citizenId: citizen.id,
    clientId: pgo.id,
    scope: 'rivm',
  });
  const hash = hashOpaqueToken(token);
  const filters = [null, null, null, null] as const;

  const rows = [
    [
      'token lookup',
      await cpuPerCall(() => verifyAccessToken(reader, token)),
      await cpuPerCall(() => prisma.$queryRawUnsafe(verifyStatement, hash)),
    ],
    [
      `vaccinations (${args.vaccinations})`,
      await cpuPerCall(() => readVaccinations(reader, [citizen.id], null)),
      await cpuPerCall(() => prisma.$queryRawUnsafe(statements.one, citizen.id, ...filters)),
    ],
  ] as const;
  console.log(`${CALLS} calls each, µs of Node CPU per call`);
  console.log('| statement           | adapter | Prisma client | client / adapter |');
  console.log('|---------------------|--------:|--------------:|-----------------:|');
  for (const [what, adapter, client] of rows) {
    const cells = [what.padEnd(19), adapter.toFixed(0).padStart(7), client.toFixed(0).padStart(13)];
    console.log(`| ${cells.join(' | ')} | ${(client / adapter).toFixed(2).padStart(16)} |`);
  }
} finally {
  await db.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
