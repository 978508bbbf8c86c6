// The list cache: a higher Volgnummer replaces the list (and the OCL syncs `pgo_client`), an
// equal one changes nothing, a lower one is refused and logged; a failing source keeps the last
// good list; the stored list carries over to a new cache; with no list, lookups answer nothing;
// the timer picks up a new version by itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medmijListsQuery } from '../src/graphql/resolvers/medmijLists.ts';
import type { GraphQLContext } from '../src/graphql/context.ts';
import { createListCache, type ListCache } from '../src/medmij/lists/listCache.ts';
import type { ListName } from '../src/medmij/lists/listNames.ts';
import { listReadinessCheck } from '../src/medmij/lists/listReadiness.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

const files: Record<ListName, string> = {
  OAuthclientlist: 'MedMij_OAuthclientlist.xml',
  Whitelist: 'MedMij_Whitelist.xml',
  Zorgaanbiederslijst: 'MedMij_Zorgaanbiederslijst.xml',
  Gegevensdienstnamenlijst: 'MedMij_Gegevensdienstnamenlijst.xml',
};
const devList = (name: ListName) =>
  readFileSync(new URL(`../dev/medmij-lists/${files[name]}`, import.meta.url), 'utf8');

function ocl(volgnummer: number, clients: [hostname: string, organisation: string][]): string {
  const entries = clients.map(
    ([h, o]) =>
      `<OAuthclient><Hostname>${h}</Hostname>` +
      `<OAuthclientOrganisatienaam>${o}</OAuthclientOrganisatienaam></OAuthclient>`,
  );
  return `<OAuthclientlist xmlns="xmlns://afsprakenstelsel.medmij.nl/oauthclientlist/release2/">
  <Tijdstempel>2025-03-0${volgnummer % 9}T10:00:00Z</Tijdstempel>
  <Volgnummer>${volgnummer}</Volgnummer>
  <OAuthclients>${entries.join('')}</OAuthclients>
</OAuthclientlist>`;
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

describe.each(databaseKinds)('MedMij list cache on %s', (kind) => {
  let db: TestDatabase;
  let dir: string;
  let sources: Record<ListName, string>;
  const caches: ListCache[] = [];

  const write = (name: ListName, xml: string) => writeFileSync(sources[name], xml);
  const newCache = (extra: Partial<Parameters<typeof createListCache>[0]> = {}) => {
    const { logger, lines } = capturingLogger();
    const cache = createListCache({ prisma: db.database.prisma, sources, logger, ...extra });
    caches.push(cache);
    return { cache, lines };
  };
  const clients = () =>
    db.database.prisma.pgoClient.findMany({
      select: { hostname: true, organisationName: true, active: true },
      orderBy: { hostname: 'asc' },
    });
  const statusOf = (cache: ListCache, name: ListName) =>
    cache.status().find((s) => s.name === name)!;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'entpoort-lists-'));
    sources = {} as Record<ListName, string>;
    for (const name of Object.keys(files) as ListName[]) {
      sources[name] = join(dir, files[name]);
      write(name, devList(name));
    }
  });

  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.stop()));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads all four lists, answers lookups and syncs the OCL to pgo_client', async () => {
    const { cache } = newCache();
    await cache.start();

    expect(cache.oauthClient('medmij.pgo.example')).toMatchObject({
      organisationName: 'Voorbeeld PGO',
      services: [{ interfaceVersion: '2', serviceIds: ['63'] }],
    });
    expect(cache.oauthClient('unknown.pgo.example')).toBeUndefined();
    expect(cache.isWhitelisted('medmij.tweede-pgo.example')).toBe(true);
    expect(cache.isWhitelisted('MEDMIJ.PGO.EXAMPLE')).toBe(true);
    expect(cache.isWhitelisted('evil.example')).toBe(false);
    expect(cache.serviceName('63')).toBe('Vaccinaties');
    expect(cache.zorgaanbieder('rivm@medmij')?.services[0]?.serviceId).toBe('63');

    const status = statusOf(cache, 'OAuthclientlist');
    expect(status).toMatchObject({ volgnummer: 1, entries: 2, source: sources.OAuthclientlist });
    expect(status.tijdstempel).toBe('2025-01-06T09:00:00.000Z');
    expect(status.ageSeconds).toBeLessThan(5);
    expect(status.lastError).toBeUndefined();

    expect(await clients()).toEqual([
      { hostname: 'medmij.pgo.example', organisationName: 'Voorbeeld PGO', active: true },
      {
        hostname: 'medmij.tweede-pgo.example',
        organisationName: 'Tweede Voorbeeld PGO',
        active: true,
      },
    ]);
    const check = await listReadinessCheck(cache).check();
    expect(check).toMatchObject({ lists: expect.arrayContaining([status]) });
  });

  it('takes a higher Volgnummer, ignores an equal one, refuses and logs a lower', async () => {
    const { cache, lines } = newCache();
    await cache.start();

    write(
      'OAuthclientlist',
      ocl(2, [
        ['medmij.pgo.example', 'Voorbeeld PGO Nieuw'],
        ['nieuw.pgo.example', 'Nieuwe PGO'],
      ]),
    );
    await cache.refresh();
    expect(statusOf(cache, 'OAuthclientlist').volgnummer).toBe(2);
    expect(cache.oauthClient('nieuw.pgo.example')?.organisationName).toBe('Nieuwe PGO');
    expect(cache.oauthClient('medmij.tweede-pgo.example')).toBeUndefined();
    expect(await clients()).toEqual([
      { hostname: 'medmij.pgo.example', organisationName: 'Voorbeeld PGO Nieuw', active: true },
      {
        hostname: 'medmij.tweede-pgo.example',
        organisationName: 'Tweede Voorbeeld PGO',
        active: false,
      },
      { hostname: 'nieuw.pgo.example', organisationName: 'Nieuwe PGO', active: true },
    ]);

    // Same Volgnummer, other content: the same list as far as MedMij is concerned.
    write('OAuthclientlist', ocl(2, [['ander.pgo.example', 'Andere PGO']]));
    await cache.refresh();
    expect(cache.oauthClient('ander.pgo.example')).toBeUndefined();
    expect(cache.oauthClient('nieuw.pgo.example')).toBeDefined();
    expect(statusOf(cache, 'OAuthclientlist').lastError).toBeUndefined();

    write('OAuthclientlist', ocl(1, [['oud.pgo.example', 'Oude PGO']]));
    await cache.refresh();
    const status = statusOf(cache, 'OAuthclientlist');
    expect(status.volgnummer).toBe(2);
    expect(status.lastError?.code).toBe('VOLGNUMMER_LOWER');
    expect(cache.oauthClient('oud.pgo.example')).toBeUndefined();
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'medmij_list.refused',
        list: 'OAuthclientlist',
        code: 'VOLGNUMMER_LOWER',
      }),
    );
    const stored = await db.database.prisma.medmijList.findUnique({
      where: { name: 'OAuthclientlist' },
    });
    expect(stored?.volgnummer).toBe(2);
    expect(stored?.xml).toContain('nieuw.pgo.example');
  });

  it('keeps the last good list when the source fails or serves an invalid list', async () => {
    const { cache } = newCache();
    await cache.start();

    rmSync(sources.Whitelist);
    await cache.refresh();
    expect(statusOf(cache, 'Whitelist')).toMatchObject({
      volgnummer: 1,
      lastError: { code: 'FETCH_FAILED' },
    });
    expect(cache.isWhitelisted('medmij.pgo.example')).toBe(true);

    write(
      'Whitelist',
      devList('Whitelist')
        .replace('<Volgnummer>1</Volgnummer>', '<Volgnummer>2</Volgnummer>')
        .replace('medmij.pgo.example', 'NOT A HOST'),
    );
    await cache.refresh();
    expect(statusOf(cache, 'Whitelist')).toMatchObject({
      volgnummer: 1,
      lastError: { code: 'SCHEMA_INVALID' },
    });
    expect(cache.isWhitelisted('medmij.pgo.example')).toBe(true);

    write('Whitelist', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');
    await cache.refresh();
    expect(statusOf(cache, 'Whitelist').lastError?.code).toBe('DOCTYPE_REFUSED');

    write('Whitelist', devList('Whitelist'));
    await cache.refresh();
    expect(statusOf(cache, 'Whitelist').lastError).toBeUndefined();
    await expect(listReadinessCheck(cache).check()).resolves.toBeDefined();
  });

  it('starts a new cache from the stored lists when the sources are gone', async () => {
    const first = newCache().cache;
    await first.start();
    write('OAuthclientlist', ocl(5, [['vijf.pgo.example', 'Vijfde PGO']]));
    await first.refresh();
    await first.stop();

    for (const name of Object.keys(files) as ListName[]) rmSync(sources[name]);
    const { cache } = newCache();
    await cache.start();
    expect(cache.oauthClient('vijf.pgo.example')?.organisationName).toBe('Vijfde PGO');
    expect(cache.serviceName('63')).toBe('Vaccinaties');
    expect(statusOf(cache, 'OAuthclientlist')).toMatchObject({
      volgnummer: 5,
      lastError: { code: 'FETCH_FAILED' },
    });
    await expect(listReadinessCheck(cache).check()).resolves.toBeDefined();
  });

  it('takes a newer list another replica stored', async () => {
    const a = newCache().cache;
    const b = newCache().cache;
    await a.start();
    await b.start();
    write('OAuthclientlist', ocl(3, [['drie.pgo.example', 'Derde PGO']]));
    await a.refresh();
    // b's source still serves the old file in this test; b finds version 3 in the database.
    write('OAuthclientlist', devList('OAuthclientlist'));
    await b.refresh();
    expect(b.oauthClient('drie.pgo.example')).toBeDefined();
    expect(statusOf(b, 'OAuthclientlist')).toMatchObject({
      volgnummer: 3,
      lastError: { code: 'VOLGNUMMER_LOWER' },
    });
  });

  it('fails closed without any valid list', async () => {
    for (const name of Object.keys(files) as ListName[]) rmSync(sources[name]);
    const { cache } = newCache();
    await cache.start();
    expect(cache.oauthClient('medmij.pgo.example')).toBeUndefined();
    expect(cache.isWhitelisted('medmij.pgo.example')).toBe(false);
    expect(cache.serviceName('63')).toBeUndefined();
    expect(statusOf(cache, 'OAuthclientlist')).toMatchObject({
      volgnummer: null,
      ageSeconds: null,
      source: sources.OAuthclientlist,
      lastError: { code: 'FETCH_FAILED' },
    });
    await expect(listReadinessCheck(cache).check()).rejects.toThrow(/OAuthclientlist.*Whitelist/);
    expect(await clients()).toEqual([]);
  });

  it('refreshes on its timer and stops when told', async () => {
    const { cache } = newCache({ refreshSeconds: 0.2 });
    await cache.start();
    write(
      'Gegevensdienstnamenlijst',
      devList('Gegevensdienstnamenlijst')
        .replace('<Volgnummer>1<', '<Volgnummer>2<')
        .replace('Vaccinaties', 'Vaccinaties RIVM'),
    );
    await expect.poll(() => cache.serviceName('63'), { timeout: 10_000 }).toBe('Vaccinaties RIVM');

    await cache.stop();
    write(
      'Gegevensdienstnamenlijst',
      devList('Gegevensdienstnamenlijst').replace('<Volgnummer>1<', '<Volgnummer>3<'),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(statusOf(cache, 'Gegevensdienstnamenlijst').volgnummer).toBe(2);
  });

  it('shows staff the stored lists through GraphQL, to viewers and auditors only', async () => {
    const { cache } = newCache();
    await cache.start();
    const context = (roles: string[]) =>
      ({
        prisma: db.database.prisma,
        actor: { kind: 'STAFF', id: 'staff-1', roles: new Set(roles) },
        now: new Date(Date.now() + 60_000),
      }) as unknown as GraphQLContext;

    const lists = await medmijListsQuery.medmijLists({}, {}, context(['viewer']));
    expect(lists.map((l) => l.name)).toEqual([
      'OAuthclientlist',
      'Whitelist',
      'Zorgaanbiederslijst',
      'Gegevensdienstnamenlijst',
    ]);
    expect(lists[0]).toMatchObject({
      stored: true,
      volgnummer: 1,
      source: sources.OAuthclientlist,
    });
    expect(lists[0]?.ageSeconds).toBeGreaterThanOrEqual(59);
    await expect(medmijListsQuery.medmijLists({}, {}, context(['auditor']))).resolves.toHaveLength(
      4,
    );
    await expect(medmijListsQuery.medmijLists({}, {}, context(['registrar']))).rejects.toThrow(
      /viewer or auditor/,
    );
    await db.database.prisma.medmijList.delete({ where: { name: 'Whitelist' } });
    const after = await medmijListsQuery.medmijLists({}, {}, context(['viewer']));
    expect(after[1]).toMatchObject({ name: 'Whitelist', stored: false, volgnummer: null });
  });
});
