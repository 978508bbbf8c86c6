// Throughput and latency of `GET /fhir/Immunization` through Entpoort (FHIR façade → GraphQL
// core → Prisma → PostgreSQL, audit entry included) against a ceiling: a bare Fastify route that
// does the same work with `pg` directly and serialises its rows as plain JSON.
//
//   node bench/fhir-search.ts --citizens 1000 [--duration 20] [--connections 8] [--keep]
//   node bench/fhir-search.ts --citizens 1000000 --keep     (then --reuse <database> to rerun)
//
// The ceiling's work per request, chosen to match what Entpoort must do, so the ratio is the
// price of the façade and the core (GraphQL execution, DataLoaders, Prisma, FHIR mapping):
// one statement for the token (hash lookup joined with client, grant and citizen), one for the
// citizen's disclosable vaccinations joined with product, organisations, role, professional and
// location, and the same hash-chained audit append (the audit_append database function, which
// locks a chain, reads its previous hash and inserts). It renders no FHIR and logs nothing. It
// runs twice: with unnamed statements (pg's default: parsed and planned on every call), and
// with named ones, prepared once per connection as Entpoort's are (src/store/database.ts);
// the ratio to the faster of the two is the one the target is measured against.
//
// Creates its own database on 127.0.0.1:5432 (BENCH_DATABASE_URL for another server) and drops
// it afterwards unless --keep. Rows are generated inside PostgreSQL (INSERT … SELECT over
// generate_series): nothing travels over the wire, which beats COPY from the client here (and
// pg alone has no COPY FROM STDIN). Indexes and foreign keys of `vaccination` are dropped during
// the load and rebuilt after. Both servers run in a child process each, one after the other;
// autocannon runs here, on loopback, with a few hundred tokens of different citizens cycled.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { GENESIS_HASH } from '../src/audit/auditTrail.ts';
import { canonicalJson } from '../src/audit/canonicalJson.ts';
import { hashOpaqueToken, newOpaqueToken } from '../src/auth/opaqueTokens.ts';
import { loadConfig } from '../src/config/config.ts';
import { MINIMUM_DISCLOSURE_AGE, ageOn } from '../src/rules/age.ts';
import { startServer } from '../src/server/start.ts';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { openDatabase } from '../src/store/database.ts';

const { values: args } = parseArgs({
  options: {
    citizens: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '8' },
    tokens: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const CITIZENS = Number(args.citizens);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const TOKENS = Number(args.tokens);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const POOL = 10;
const PGO = 'medmij.pgo.example';

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;
// autocannon ships no types; loaded through require so the type-check needs none.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const dbUrl = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).href;

async function sql<T = Record<string, unknown>>(url: string, text: string, params?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

// ---- data ----------------------------------------------------------------------------------

const coding = (system: string, code: string, display: string) =>
  JSON.stringify({ system, code, display });
const snomed = 'http://snomed.info/sct';

/** Reference rows: a realistic handful, shared by all citizens. */
async function loadReferences(c: pg.Client) {
  const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
  const [orgs, pros, roles, locs, products] = [ids(50), ids(200), ids(200), ids(100), ids(20)];
  await c.query(
    `INSERT INTO organization (id, ura, name, type, address, telecom, updated_at)
     SELECT id, (90000000 + i)::text, 'GGD regio ' || i, $2::jsonb,
       jsonb_build_array(jsonb_build_object('line', jsonb_build_array('Straat ' || i),
         'city', 'Utrecht', 'postalCode', '3500 AA', 'country', 'Nederland')),
       '[{"system":"phone","value":"+31301234500","use":"work"}]', now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i)`,
    [orgs, coding('http://nictiz.nl/fhir/NamingSystem/organization-type', 'G9', 'GGD')],
  );
  await c.query(
    `INSERT INTO professional (id, big, initials, family_name, updated_at)
     SELECT id, (19000000000 + i)::text, 'J.', 'Arts' || i, now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i)`,
    [pros],
  );
  await c.query(
    `INSERT INTO professional_role (id, professional_id, organization_id, specialty, role_key)
     SELECT r, p, ($3::uuid[])[1 + i % 50], $4::jsonb, 'bench:' || i
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(r, p, i)`,
    [roles, pros, orgs, coding('http://fhir.nl/fhir/NamingSystem/uzi-rolcode', '01.070', 'Arts')],
  );
  await c.query(
    `INSERT INTO location (id, source_key, name, address, managing_organization_id, updated_at)
     SELECT id, 'bench:' || i, 'Priklocatie ' || i,
       jsonb_build_array(jsonb_build_object('line', jsonb_build_array('Plein ' || i),
         'city', 'Zeist', 'country', 'Nederland')), ($2::uuid[])[1 + i % 50], now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i)`,
    [locs, orgs],
  );
  await c.query(
    `INSERT INTO vaccine_product (id, product_key, display, hpk, snomed, snomed_display,
       description, updated_at)
     SELECT id, 'bench|' || i, 'VACCIN ' || i || ' INJSUSP 0,5ML', (2900000 + i)::text,
       '836398006', 'vaccin met antigeen van Streptococcus pneumoniae', 'Bench product', now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i)`,
    [products],
  );
  return { orgs, roles, locs, products };
}

/** BSN of citizen n: base 10000000 + 2n, or + 2n + 1 when that one fails the 11-test. */
const bsnSql = `(WITH b AS (SELECT (10000000 + 2 * n)::text AS d),
  s AS (SELECT d, (SELECT sum(substr(d, i, 1)::int * (10 - i)) FROM generate_series(1, 8) i)
    AS w FROM b)
  SELECT CASE WHEN w % 11 = 10 THEN ((d::int + 1)::text || ((w + 2) % 11)::text)
    ELSE d || (w % 11)::text END FROM s)`;

async function loadCitizens(c: pg.Client, refs: Awaited<ReturnType<typeof loadReferences>>) {
  await c.query(
    `INSERT INTO citizen (id, bsn, birth_date, gender, given_names, initials, family_name,
       updated_at)
     SELECT md5('citizen' || n)::uuid, ${bsnSql},
       date '1940-01-01' + (n::bigint * 7919 % 23000)::int,
       CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END::gender, 'Anna', 'A.', 'Bench' || n,
       now()
     FROM generate_series(1, $1::int) n`,
    [CITIZENS],
  );
  const saved = await c.query<{ def: string }>(
    `SELECT 'ALTER TABLE vaccination ADD CONSTRAINT ' || quote_ident(conname) || ' ' ||
       pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = 'vaccination'::regclass AND contype = 'f'`,
  );
  const indexes = await c.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE tablename = 'vaccination' AND indexname <> 'vaccination_pkey'`,
  );
  for (const fk of saved.rows)
    await c.query(fk.def.replace(/ADD CONSTRAINT (\S+) .*/, 'DROP CONSTRAINT $1'));
  for (const ix of indexes.rows) await c.query(`DROP INDEX ${ix.name}`);
  // Ten records a citizen: one CIMS record without consent, one with; now and then a retraction.
  await c.query(
    `INSERT INTO vaccination (id, citizen_id, source, source_record_id, status, product_id,
       occurrence, occurrence_precision, dose_number, lot_number, route, site, laterality,
       dose_quantity, dose_unit, performer_organization_id, performer_role_id, location_id,
       target_diseases, reason_motives, reason_indications, consent_to_share, recorded_at,
       retracted_at, updated_at)
     SELECT gen_random_uuid(), md5('citizen' || n)::uuid,
       CASE WHEN k >= 9 THEN 'CIMS' ELSE 'PRAEVENTIS' END::source_registry,
       'BENCH-' || n || '-' || k,
       CASE WHEN (n + k) % 37 = 0 THEN 'ENTERED_IN_ERROR' ELSE 'COMPLETED' END
         ::vaccination_status,
       ($2::uuid[])[1 + (n * 7 + k) % 20],
       timestamptz '1995-01-01' + ((n * 31 + k * 401) % 10000) * interval '1 day', 'DAY', k,
       'LOT' || (n % 1000), $5::jsonb, $6::jsonb, $7::jsonb, 0.5, 'mL',
       CASE WHEN k % 2 = 0 THEN ($3::uuid[])[1 + (n + k) % 50] END,
       CASE WHEN k % 2 = 1 THEN ($4::uuid[])[1 + (n + k) % 200] END,
       ($8::uuid[])[1 + (n * 3 + k) % 100],
       $9::jsonb, $10::jsonb, '[]', CASE WHEN k >= 9 THEN k = 9 END, now(),
       CASE WHEN (n + k) % 37 = 0 THEN now() END, now()
     FROM generate_series(1, $1::int) n CROSS JOIN generate_series(1, 10) k`,
    [
      CITIZENS,
      refs.products,
      refs.orgs,
      refs.roles,
      coding('urn:oid:2.16.840.1.113883.2.4.4.9', '2', 'intramusculair'),
      coding(snomed, '40983000', 'bovenarm'),
      coding(snomed, '7771000', 'links'),
      refs.locs,
      `[${coding(snomed, '16814004', 'Infectieziekte door Streptococcus pneumoniae')}]`,
      `[${coding(snomed, '159731000146104', 'Immunisatie nodig vanuit rijksvaccinatieprogramma')}]`,
    ],
  );
  for (const ix of indexes.rows) await c.query(ix.def);
  for (const fk of saved.rows) await c.query(fk.def);
}

async function load(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    const started = performance.now();
    const refs = await loadReferences(c);
    await loadCitizens(c, refs);
    await c.query('VACUUM ANALYZE');
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`loaded ${CITIZENS} citizens, ${CITIZENS * 10} vaccinations in ${seconds} s`);
  } finally {
    await c.end();
  }
}

/** Tokens for citizens spread over the whole table, valid for a day. */
async function issueTokens(url: string): Promise<string[]> {
  const [client] = await sql<{ id: string }>(
    url,
    `INSERT INTO pgo_client (hostname, organisation_name, updated_at) VALUES ($1, 'Bench PGO',
     now()) ON CONFLICT (hostname) DO UPDATE SET active = true RETURNING id`,
    [PGO],
  );
  const tokens = Array.from({ length: TOKENS }, () => newOpaqueToken());
  const citizens = tokens.map((_, i) => 1 + Math.floor((i * CITIZENS) / TOKENS));
  await sql(
    url,
    `INSERT INTO access_token (token_hash, citizen_id, client_id, scope, expires_at)
     SELECT h, md5('citizen' || n)::uuid, $3, 'rivm', now() + interval '1 day'
     FROM unnest($1::text[], $2::int[]) AS t(h, n)`,
    [tokens.map(hashOpaqueToken), citizens, client!.id],
  );
  return tokens;
}

// ---- the two servers (child processes) -------------------------------------------------------

async function serveEntpoort(url: string): Promise<number> {
  const config = loadConfig({
    ENTPOORT_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(POOL),
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    SEED_DEMO_DATA: 'false',
    DATA_DIR: 'memory://',
  });
  const server = await startServer(config);
  process.once('message', () => void server.close().then(() => process.exit(0)));
  return Number(new URL(server.url).port);
}

const dataQuery = `
  SELECT v.*, p.display AS p_display, p.hpk, p.snomed, p.snomed_display, p.description,
    o.name AS o_name, o.ura AS o_ura, o.type AS o_type, o.address AS o_address,
    r.specialty, pr.big, pr.initials AS pr_initials, pr.family_name AS pr_family,
    ro.name AS ro_name, ro.ura AS ro_ura, l.name AS l_name, l.address AS l_address,
    lo.name AS lo_name, lo.ura AS lo_ura
  FROM vaccination v
  JOIN vaccine_product p ON p.id = v.product_id
  LEFT JOIN organization o ON o.id = v.performer_organization_id
  LEFT JOIN professional_role r ON r.id = v.performer_role_id
  LEFT JOIN professional pr ON pr.id = r.professional_id
  LEFT JOIN organization ro ON ro.id = r.organization_id
  LEFT JOIN location l ON l.id = v.location_id
  LEFT JOIN organization lo ON lo.id = l.managing_organization_id
  WHERE v.citizen_id = $1 AND v.status <> 'ENTERED_IN_ERROR' AND v.retracted_at IS NULL
    AND (v.source <> 'CIMS' OR v.consent_to_share)
  ORDER BY v.occurrence, v.id`;

/** `prepared`: named statements, parsed and planned once per connection; else unnamed ones. */
async function serveCeiling(url: string, prepared: boolean): Promise<number> {
  const named = (name: string) => (prepared ? name : undefined);
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const app = Fastify();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  app.get('/ceiling/Immunization', async (request, reply) => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [rid, cid] = [request.headers['medmij-request-id'], request.headers['x-correlation-id']];
    if (!token || !uuid.test(String(rid)) || !uuid.test(String(cid))) return reply.code(400).send();
    const {
      rows: [t],
    } = await pool.query({
      name: named('ceiling_token'),
      text: `SELECT t.citizen_id, t.expires_at, t.revoked_at, c.hostname, c.active,
         g.revoked_at AS grant_revoked, z.birth_date, z.given_names, z.family_name, z.gender
       FROM access_token t JOIN pgo_client c ON c.id = t.client_id
       LEFT JOIN "grant" g ON g.id = t.grant_id JOIN citizen z ON z.id = t.citizen_id
       WHERE t.token_hash = $1`,
      values: [hashOpaqueToken(token)],
    });
    const now = new Date();
    if (!t || t.revoked_at || t.grant_revoked || !t.active || t.expires_at <= now) {
      return reply.code(401).send();
    }
    if (ageOn(t.birth_date, now) < MINIMUM_DISCLOSURE_AGE) return reply.code(401).send();
    const { rows } = await pool.query({
      name: named('ceiling_data'),
      text: dataQuery,
      values: [t.citizen_id],
    });
    const disclosed = {
      resources: { Immunization: { count: rows.length, ids: rows.map((r) => r.id) } },
    };
    const time = new Date();
    const chain = randomInt(8);
    // The database function Entpoort appends with: lock, previous hash and INSERT in one call.
    const hashPrefix = `${canonicalJson([
      chain,
      time.toISOString(),
      'PGO',
      t.hostname,
      t.citizen_id,
      'fhir.search',
      disclosed,
      'SUCCESS',
      rid,
      cid,
    ]).slice(0, -1)},`;
    await pool.query({
      name: named('ceiling_audit'),
      text: `SELECT audit_append($1::int, $2::text, $3::smallint, $4::timestamptz, 'PGO', $5::text,
         $6::uuid, 'fhir.search', $7::jsonb, 'SUCCESS', $8::text, $9::text, $10::text)`,
      values: [
        0x656e7461,
        GENESIS_HASH,
        chain,
        time,
        t.hostname,
        t.citizen_id,
        JSON.stringify(disclosed),
        rid,
        cid,
        hashPrefix,
      ],
    });
    return reply.type('application/json').send(JSON.stringify({ citizen: t, vaccinations: rows }));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.once(
    'message',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
  return (app.server.address() as { port: number }).port;
}

// ---- measuring -------------------------------------------------------------------------------

async function measure(url: string, tokens: string[], duration: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: [
      {
        setupRequest: (request: object) => ({
          ...request,
          headers: {
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
            accept: 'application/fhir+json',
            'medmij-request-id': randomUUID(),
            'x-correlation-id': randomUUID(),
          },
        }),
      },
    ],
  });
}

type Role = 'entpoort' | 'ceiling' | 'ceiling-prepared';

async function run(role: Role, database: string, tokens: string[]) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_ROLE: role, BENCH_DB: dbUrl(database) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const [{ port }] = (await once(child, 'message')) as [{ port: number }];
    const path = role === 'entpoort' ? '/fhir/Immunization' : '/ceiling/Immunization';
    const url = `http://127.0.0.1:${port}${path}`;
    const probe = await fetch(url, {
      headers: {
        authorization: `Bearer ${tokens[0]}`,
        'medmij-request-id': randomUUID(),
        'x-correlation-id': randomUUID(),
      },
    });
    if (probe.status !== 200) throw new Error(`${role} answered ${probe.status}`);
    const bytes = (await probe.text()).length;
    await measure(url, tokens, 5); // warm-up: JIT, pools, caches
    return { bytes, result: await measure(url, tokens, DURATION) };
  } finally {
    child.send('stop');
    await once(child, 'exit');
  }
}

function row(title: string, bytes: number, r: Result): string {
  const failed = r.non2xx + r.errors + r.timeouts;
  const cells = [
    title.padEnd(16),
    String(r.requests.total).padStart(8),
    String(failed).padStart(6),
    r.requests.average.toFixed(0).padStart(6),
    String(r.latency.p50).padStart(6),
    String(r.latency.p99).padStart(6),
    String(bytes).padStart(7),
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const database = args.reuse ?? `entpoort_bench_${randomBytes(5).toString('hex')}`;
  if (!args.reuse) await sql(ADMIN_URL, `CREATE DATABASE ${database}`);
  try {
    if (!args.reuse) {
      const db = await openDatabase({ databaseUrl: dbUrl(database), poolSize: 1 });
      await db.withConnection(async (c) => migrate(c, await readMigrations()));
      await db.close();
      console.log(`loading ${CITIZENS} citizens into ${database}…`);
      await load(dbUrl(database));
    }
    const tokens = await issueTokens(dbUrl(database));
    const entpoort = await run('entpoort', database, tokens);
    const ceiling = await run('ceiling', database, tokens);
    const prepared = await run('ceiling-prepared', database, tokens);
    const rate = (r: typeof entpoort) => r.result.requests.average;
    const ratio = rate(entpoort) / Math.max(rate(ceiling), rate(prepared));
    const percent = (r: typeof entpoort) => `${((100 * rate(entpoort)) / rate(r)).toFixed(0)} %`;
    const [count] = await sql<{ n: string }>(dbUrl(database), 'SELECT count(*) AS n FROM citizen');
    console.log(
      `\n${count!.n} citizens, ${CONNECTIONS} connections, ${DURATION} s, ` +
        `${tokens.length} tokens, pools of ${POOL}`,
    );
    console.log('| target           | requests | failed |  req/s | p50 ms | p99 ms |   bytes |');
    console.log('|------------------|---------:|-------:|-------:|-------:|-------:|--------:|');
    console.log(row('entpoort', entpoort.bytes, entpoort.result));
    console.log(row('ceiling', ceiling.bytes, ceiling.result));
    console.log(row('ceiling-prepared', prepared.bytes, prepared.result));
    const ok = (b: boolean) => (b ? 'met' : 'NOT met');
    console.log(
      `entpoort: ${percent(ceiling)} of the ceiling with unnamed statements, ` +
        `${percent(prepared)} of the one with prepared statements`,
    );
    console.log(
      `throughput ratio ${(ratio * 100).toFixed(0)} % of the faster ceiling ` +
        `(target >= 50 %: ${ok(ratio >= 0.5)}); p99 ${entpoort.result.latency.p99} ms ` +
        `(target < 50 ms: ${ok(entpoort.result.latency.p99 < 50)})`,
    );
  } finally {
    if (args.keep || args.reuse) console.log(`kept database ${database}`);
    else await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

const role = process.env.BENCH_ROLE;
if (role === 'entpoort' || role === 'ceiling' || role === 'ceiling-prepared') {
  const url = process.env.BENCH_DB!;
  const port =
    role === 'entpoort'
      ? await serveEntpoort(url)
      : await serveCeiling(url, role === 'ceiling-prepared');
  process.send?.({ port });
} else {
  await main();
}
