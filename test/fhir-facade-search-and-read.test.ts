// What the FHIR façade discloses, and to whom (medmij-dva.md §11, §12.2–§12.4, §15), on both
// bases: the patient comes from the token only (`patient=`/`subject=` are ignored and never
// echoed); unknown parameters are ignored and left out of the self link, or refused under
// `Prefer: handling=strict`; `_count` pages with next links over all matches, `total` counting
// them all; a citizen under 16 is refused as for an invalid token; nothing disclosable is an
// empty searchset; another citizen's resource, or a retracted record, is 404 like an unknown id;
// and every request that reaches the data leaves exactly one audit entry naming the PGO client.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/store/generated/client.ts';
import { databaseKinds } from './support/databases.ts';
import { PGO_HOSTNAME, fhirGet, tokenFor, type FhirAnswer } from './support/fhirClient.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bsn = {
  daan: '999990019',
  sanne: '999990032',
  katarzyna: '999990044',
  fatima: '999990056',
  noah: '999990093',
};
const includes =
  '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location';

const matchIds = (bundle: Json): string[] =>
  (bundle.entry ?? [])
    .filter((e: Json) => e.search.mode === 'match')
    .map((e: Json) => e.resource.id);
const selfOf = (bundle: Json) => bundle.link.find((l: Json) => l.relation === 'self')?.url;
const nextOf = (bundle: Json) => bundle.link.find((l: Json) => l.relation === 'next')?.url;

describe.each(databaseKinds)('searching and reading on %s', (kind) => {
  let server: TestServer;
  let prisma: PrismaClient;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let bases: string[];

  beforeAll(async () => {
    server = await startTestServer(kind, { SEED_DEMO_DATA: 'true' });
    prisma = server.services.database.prisma;
    for (const [key, value] of Object.entries(bsn)) {
      ids[key] = (await prisma.citizen.findUniqueOrThrow({ where: { bsn: value } })).id;
      tokens[key] = await tokenFor(prisma, ids[key]!);
    }
    bases = [server.config.fhir.base2.publicUrl, server.config.fhir.base1.publicUrl];
  });
  afterAll(async () => server?.stop());

  const search = (base: string, query: string, who = 'daan', headers = {}) =>
    fhirGet(`${base}/Immunization${query}`, { token: tokens[who], headers });

  it('takes the patient from the token, whatever patient= or subject= say', async () => {
    for (const base of bases) {
      const own = await search(base, `?${includes}`);
      const hostile = await search(
        base,
        `?patient=${ids.sanne}&${includes}&subject=Patient/${ids.sanne}&patient=${bsn.sanne}` +
          `&patient:identifier=http://fhir.nl/fhir/NamingSystem/bsn|${bsn.sanne}`,
      );
      expect(hostile.status).toBe(200);
      expect(matchIds(hostile.body).sort()).toEqual(matchIds(own.body).sort());
      expect(selfOf(hostile.body)).toBe(`${base}/Immunization?${includes}`);
      expect(hostile.text).not.toContain(ids.sanne);
      expect(hostile.text).not.toContain(bsn.sanne);
    }
  });

  it('ignores unknown parameters, and leaves them out of the self link', async () => {
    for (const base of bases) {
      const answer = await search(
        base,
        '?foo=bar&_include=Immunization%3Apatient,performer&_summary=count&_include=nonsense' +
          '&_include=location&_include=Immunization:patient',
      );
      expect(answer.status).toBe(200);
      expect(selfOf(answer.body)).toBe(`${base}/Immunization?${includes}`);
    }
  });

  it('refuses unknown parameters under Prefer: handling=strict, naming no value', async () => {
    const strict = { prefer: 'return=representation, handling=strict' };
    for (const base of bases) {
      expect((await search(base, `?${includes}&_count=2`, 'daan', strict)).status).toBe(200);
      for (const query of [
        '?foo=bar',
        `?patient=${bsn.sanne}`,
        '?_include=Immunization:nonsense',
      ]) {
        const answer = await search(base, query, 'daan', strict);
        expect(answer.status, query).toBe(400);
        expect(answer.body.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
        expect(answer.text).not.toContain(bsn.sanne);
      }
    }
  });

  it('pages with _count and next links, total counting every match', async () => {
    for (const base of bases) {
      const all = matchIds((await search(base, '')).body);
      expect(all.length).toBeGreaterThan(5);
      const seen: string[] = [];
      let url: string | undefined = `${base}/Immunization?_include=Immunization:patient&_count=4`;
      let pages = 0;
      while (url) {
        const page: FhirAnswer = await fhirGet(url, { token: tokens.daan });
        expect(page.status).toBe(200);
        expect(page.body.total).toBe(all.length);
        const matches = matchIds(page.body);
        expect(matches.length).toBeLessThanOrEqual(4);
        expect(page.body.entry.some((e: Json) => e.resource.resourceType === 'Patient')).toBe(true);
        expect(selfOf(page.body)).toBe(url);
        seen.push(...matches);
        url = nextOf(page.body);
        if (url) expect(url.startsWith(`${base}/Immunization?`)).toBe(true);
        pages += 1;
      }
      expect(pages).toBe(Math.ceil(all.length / 4));
      expect(seen).toEqual(all);

      const counted = await search(base, '?_count=0');
      expect(counted.body.total).toBe(all.length);
      expect(counted.body.entry).toBeUndefined();
      expect(nextOf(counted.body)).toBeUndefined();
      expect((await search(base, '?_count=abc')).status).toBe(400);
    }
  });

  it('refuses a citizen under 16 as for an invalid token', async () => {
    for (const base of bases) {
      for (const path of ['/Immunization', `/Patient/${ids.noah}`]) {
        const answer = await fhirGet(`${base}${path}`, { token: tokens.noah });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
        expect(answer.text).not.toContain(ids.noah);
      }
    }
  });

  it('answers an empty searchset for a citizen with nothing disclosable', async () => {
    for (const base of bases) {
      const answer = await search(base, `?${includes}`, 'katarzyna');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        resourceType: 'Bundle',
        type: 'searchset',
        total: 0,
        link: [{ relation: 'self', url: `${base}/Immunization?${includes}` }],
      });
    }
  });

  it("answers 404 for another citizen's resources and retracted records, as for none", async () => {
    const [sanneImm] = await prisma.vaccination.findMany({ where: { citizenId: ids.sanne } });
    const retracted = await prisma.vaccination.findFirstOrThrow({
      where: { citizenId: ids.fatima, retractedAt: { not: null } },
    });
    const withheld = await prisma.vaccination.findFirstOrThrow({
      where: { citizenId: ids.daan, source: 'CIMS' },
    });
    for (const base of bases) {
      const sanne = (await search(base, '', 'sanne')).body;
      const sanneOnly = (sanne.entry as Json[])
        .map((e) => `${e.resource.resourceType}/${e.resource.id}`)
        .filter((key) => /^(Patient|Medication)\//.test(key));
      const notFound = [
        [`Immunization/${sanneImm!.id}`, 'daan'],
        [`Patient/${ids.sanne}`, 'daan'],
        ...sanneOnly
          .filter((k) => k.startsWith('Medication'))
          .slice(0, 1)
          .map((k) => [k, 'katarzyna']),
        [`Immunization/${retracted.id}`, 'fatima'],
        [`Immunization/${withheld.id}`, 'daan'],
        [`Immunization/${randomUUID()}`, 'daan'],
        [`Patient/${bsn.daan}`, 'daan'],
      ];
      // The same answer per type whatever the reason: nothing tells another citizen's id apart.
      const bodies = new Map<string, Set<string>>();
      for (const [path, who] of notFound) {
        const answer = await fhirGet(`${base}/${path}`, { token: tokens[who!] });
        expect(answer.status, path).toBe(404);
        expect(answer.body.issue[0].code).toBe('not-found');
        const [type, id] = path!.split('/') as [string, string];
        expect(answer.text).not.toContain(id);
        bodies.set(type, (bodies.get(type) ?? new Set()).add(answer.text));
      }
      for (const [type, texts] of bodies) expect(texts.size, type).toBe(1);

      const own = await fhirGet(`${base}/Patient/${ids.daan}`, { token: tokens.daan });
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(ids.daan);
    }
  });

  it('writes one audit entry per request that reached the data, naming the PGO', async () => {
    const entriesOf = (answer: FhirAnswer) =>
      prisma.auditEntry.findMany({ where: { requestId: answer.requestId } });
    for (const base of bases) {
      const found = await search(base, `?${includes}`);
      const [searchEntry, ...more] = await entriesOf(found);
      expect(more).toEqual([]);
      expect(searchEntry).toMatchObject({
        actorKind: 'PGO',
        actorId: PGO_HOSTNAME,
        citizenId: ids.daan,
        action: 'fhir.search',
        outcome: 'SUCCESS',
        correlationId: found.correlationId,
      });
      const disclosed = searchEntry!.disclosed as Json;
      const types = new Map<string, number>();
      for (const e of found.body.entry) {
        types.set(e.resource.resourceType, (types.get(e.resource.resourceType) ?? 0) + 1);
      }
      for (const [type, count] of types) expect(disclosed.resources[type].count).toBe(count);
      expect(disclosed.resources.Immunization.ids.sort()).toEqual(matchIds(found.body).sort());
      expect(disclosed.total).toBe(found.body.total);

      const medication = found.body.entry[0].resource.extension[0].valueReference.reference;
      const read = await fhirGet(`${base}/${medication}`, { token: tokens.daan });
      expect(await entriesOf(read)).toMatchObject([
        { action: 'fhir.read', outcome: 'SUCCESS', actorId: PGO_HOSTNAME },
      ]);
      const miss = await fhirGet(`${base}/Patient/${ids.sanne}`, { token: tokens.daan });
      expect(await entriesOf(miss)).toMatchObject([{ action: 'fhir.read', outcome: 'DENIED' }]);
      const young = await fhirGet(`${base}/Immunization`, { token: tokens.noah });
      expect(await entriesOf(young)).toMatchObject([
        { action: 'fhir.search', outcome: 'DENIED', citizenId: ids.noah },
      ]);
      for (const refused of [
        await fhirGet(`${base}/Immunization`, { token: 'not-a-token' }),
        await fhirGet(`${base}/Observation`, { token: tokens.daan }),
        await fhirGet(`${base}/metadata`),
      ]) {
        expect(await entriesOf(refused)).toEqual([]);
      }
    }
    const trail = await server.services.audit.verify();
    expect(trail.intact).toBe(true);
    const all = await prisma.auditEntry.findMany();
    const written = JSON.stringify(all.map((e) => ({ ...e, id: String(e.id) })));
    for (const value of Object.values(bsn)) expect(written).not.toContain(value);
  });
});
