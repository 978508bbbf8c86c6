// Throughput and latency of the MedMij token endpoint on PostgreSQL: code exchanges and
// refresh-token rotations, every request with a fresh code or token, over mutual TLS on
// loopback (keep-alive connections, so handshakes are amortised as with a PGO's pool).
//
//   node bench/token-endpoint.ts       (BENCH_N=2000 BENCH_CONNECTIONS=10 by default)
//
// The server runs in a child process of its own, so the load generator does not share its
// event loop. Creates its own database on 127.0.0.1:5432 (BENCH_DATABASE_URL to change the
// server) and drops it afterwards. Bounded: N requests per scenario (after a short warm-up).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { hashOpaqueToken, newOpaqueToken } from '../src/auth/opaqueTokens.ts';
import { loadConfig } from '../src/config/config.ts';
import { clientCertificateResolver } from '../src/medmij/tls/clientCertificate.ts';
import { mainHttpsOptions } from '../src/medmij/tls/httpsOptions.ts';
import { registerTokenRoutes } from '../src/medmij/token/routes.ts';
import type { Services } from '../src/server/services.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { createTestPki } from '../test/support/testCertificates.ts';

const N = Number(process.env.BENCH_N ?? 2000);
const WARM_UP = 200;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PGO = 'medmij.pgo.example';
const REDIRECT_URI = `https://${PGO}/auth/callback`;

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface Request {
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;
// autocannon ships no types; loaded through require so the type-check needs none.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** The child: the token endpoint on an https listener, until told to stop. */
async function serve(): Promise<void> {
  const config = loadConfig({ ...process.env, ENTPOORT_ENV: 'test', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 20 });
  const app = Fastify({ https: mainHttpsOptions(config.medmijTls) ?? null });
  const services = { config, database, logger: pino({ level: 'silent' }) };
  await registerTokenRoutes(app, services as unknown as Services, {
    clients: {
      oauthClient: (hostname) =>
        hostname === PGO ? { hostname, organisationName: 'Bench PGO' } : undefined,
      isWhitelisted: (hostname) => hostname === PGO,
    },
    clientCertificateOf: clientCertificateResolver(config.medmijTls),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  await once(process, 'message');
  await app.close();
  await database.close();
  process.exit(0);
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function seed(database: Database) {
  const { prisma } = database;
  const client = await prisma.pgoClient.create({
    data: { hostname: PGO, organisationName: 'Bench PGO' },
  });
  const citizens = Array.from({ length: 100 }, (_, i) => ({
    id: randomUUID(),
    bsn: String(100_000_000 + i),
    birthDate: new Date('1990-01-01'),
    familyName: 'Bench',
  }));
  await prisma.citizen.createMany({ data: citizens });
  const soon = new Date(Date.now() + 3600_000);
  const later = new Date(Date.now() + 90 * 86400_000);
  const grants = (count: number, longTerm: boolean) =>
    Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      citizenId: citizens[i % citizens.length]!.id,
      clientId: client.id,
      scope: 'rivm',
      longTerm,
      expiresAt: longTerm ? later : soon,
    }));

  const codeGrants = grants(N + WARM_UP, false);
  const codes = codeGrants.map(() => newOpaqueToken());
  await prisma.grant.createMany({ data: codeGrants });
  await prisma.authorizationCode.createMany({
    data: codeGrants.map((g, i) => ({
      codeHash: hashOpaqueToken(codes[i]!),
      grantId: g.id,
      redirectUri: REDIRECT_URI,
      scope: 'rivm',
      expiresAt: soon,
    })),
  });

  const refreshGrants = grants(N, true);
  const refreshTokens = refreshGrants.map(() => newOpaqueToken());
  await prisma.grant.createMany({ data: refreshGrants });
  await prisma.refreshToken.createMany({
    data: refreshGrants.map((g, i) => ({
      tokenHash: hashOpaqueToken(refreshTokens[i]!),
      grantId: g.id,
      expiresAt: later,
    })),
  });
  return { codes, refreshTokens };
}

async function load(url: string, tls: object, bodies: string[]): Promise<Result> {
  let next = 0;
  return autocannon({
    url: `${url}/oauth/token`,
    method: 'POST',
    connections: CONNECTIONS,
    amount: bodies.length,
    timeout: 30,
    tlsOptions: tls,
    requests: [
      {
        setupRequest: (request: Request): Request => ({
          ...request,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'medmij-request-id': randomUUID(),
            'x-correlation-id': randomUUID(),
          },
          body: bodies[next++],
        }),
      },
    ],
  });
}

function row(title: string, r: Result): string {
  const failed = r.non2xx + r.errors + r.timeouts;
  return (
    `| ${title.padEnd(16)} | ${String(r.requests.total).padStart(8)} | ` +
    `${String(failed).padStart(6)} | ${r.requests.average.toFixed(0).padStart(5)} | ` +
    `${String(r.latency.p50).padStart(6)} | ${String(r.latency.p99).padStart(6)} |`
  );
}

/** pg's pool may still be closing its sockets when end() resolves; give it a moment. */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function main(): Promise<void> {
  const name = `entpoort_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  const pki = await createTestPki();
  let child: ChildProcess | undefined;
  try {
    await database.withConnection(async (c) => migrate(c, await readMigrations()));
    console.log(`seeding ${N + WARM_UP} codes and ${N} long-term grants with refresh tokens…`);
    const { codes, refreshTokens } = await seed(database);

    child = fork(fileURLToPath(import.meta.url), [], {
      env: {
        ...process.env,
        BENCH_ROLE: 'server',
        DATABASE_URL: url.toString(),
        TLS_CERT_FILE: pki.files.serverCert,
        TLS_KEY_FILE: pki.files.serverKey,
        TLS_CLIENT_CA_FILE: pki.files.ca,
        TLS_BACK_CHANNEL: 'route',
      },
    });
    const [{ port }] = (await once(child, 'message')) as [{ port: number }];
    const base = `https://127.0.0.1:${port}`;
    const client = await pki.client([PGO]);
    const tls = { ca: pki.caPem, cert: client.cert, key: client.key };
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const exchange = (code: string) =>
      form({ grant_type: 'authorization_code', code, client_id: PGO, redirect_uri: REDIRECT_URI });

    await load(base, tls, codes.slice(N).map(exchange));
    const exchanges = await load(base, tls, codes.slice(0, N).map(exchange));
    const refreshes = await load(
      base,
      tls,
      refreshTokens.map((token) =>
        form({ grant_type: 'refresh_token', refresh_token: token, client_id: PGO }),
      ),
    );
    child.send('stop');
    await once(child, 'exit');
    child = undefined;

    const spent = await database.prisma.authorizationCode.count({
      where: { usedAt: { not: null } },
    });
    const rotated = await database.prisma.refreshToken.count({ where: { usedAt: { not: null } } });
    console.log(`\nPostgreSQL, mutual TLS on loopback, ${CONNECTIONS} connections, N=${N}`);
    console.log('| scenario         | requests | failed | req/s | p50 ms | p99 ms |');
    console.log('|------------------|---------:|-------:|------:|-------:|-------:|');
    console.log(row('code exchange', exchanges));
    console.log(row('refresh rotation', refreshes));
    console.log(`codes spent: ${spent}/${N + WARM_UP}, refresh tokens rotated: ${rotated}/${N}`);
  } finally {
    child?.kill();
    await database.close();
    pki.remove();
    await dropDatabase(name);
  }
}

if (process.env.BENCH_ROLE === 'server') await serve();
else await main();
