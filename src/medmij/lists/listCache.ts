// The MedMij lists Entpoort works from, kept current. Per list, each refresh round:
//   1. adopts a newer copy another replica stored in `medmij_list` (a restart starts here);
//   2. reads the list from its source and validates it (see readList.ts);
//   3. a higher Volgnummer replaces the current list (stored first, with the OCL's clients
//      synced to `pgo_client` in the same transaction); an equal one is the same list; a lower
//      one is refused and logged.
// Any failure keeps the last good list and is shown in status(). Without a valid list the
// lookups answer nothing, so callers fail closed.
import type { Logger } from 'pino';
import type { PrismaClient } from '../../store/generated/client.ts';
import { describeListFailure, ListError, type ListErrorCode } from './listErrors.ts';
import {
  emptyIndex,
  indexClients,
  indexProviders,
  indexServiceNames,
  indexWhitelist,
  type ListIndex,
} from './listIndex.ts';
import { listNames, type ListName } from './listNames.ts';
import { createListDispatcher, isRemote, readSource, type ListTlsFiles } from './listSource.ts';
import { confirmStored, loadStoredList, storeIfNewer } from './listStore.ts';
import type { OAuthClient } from './oauthClientList.ts';
import { entryCount, readList, type ListOf, type MedmijList } from './readList.ts';
import { syncPgoClients } from './syncPgoClients.ts';
import type { Zorgaanbieder } from './zorgaanbiederslijst.ts';

export interface ListCacheOptions {
  prisma: PrismaClient;
  /** Where each list comes from: an https URL (mutual TLS), a file path or a file: URL. */
  sources: Record<ListName, string>;
  tls?: ListTlsFiles;
  /** Seconds between refresh rounds; default one hour. */
  refreshSeconds?: number;
  logger: Logger;
  now?: () => Date;
}

export interface ListStatus {
  name: ListName;
  volgnummer: number | null;
  tijdstempel: string | null;
  /** Seconds since the current list was last found current at its source (by any replica). */
  ageSeconds: number | null;
  checkedAt: string | null;
  /** Where the current list came from; the configured source while there is none. */
  source: string;
  entries: number | null;
  lastError?: { code: ListErrorCode; message: string; at: string };
}

export interface ListCache {
  /** Loads the stored lists, refreshes once and schedules further rounds. */
  start(): Promise<void>;
  /** One refresh round over all lists; concurrent calls share the round in progress. */
  refresh(): Promise<void>;
  /** Stops the schedule and waits for a round in progress. */
  stop(): Promise<void>;
  status(): ListStatus[];
  list<N extends ListName>(name: N): ListOf<N> | undefined;
  /** The OCL entry whose Hostname is exactly `hostname` (the OAuth client_id). */
  oauthClient(hostname: string): OAuthClient | undefined;
  /** Whether `hostname` is a MedMij node (case-insensitive, as DNS names are). */
  isWhitelisted(hostname: string): boolean;
  /** The GNL Weergavenaam of a Gegevensdienst. */
  serviceName(serviceId: string): string | undefined;
  /** A ZAL entry by Zorgaanbiedernaam, e.g. our own `rivm@medmij`. */
  zorgaanbieder(name: string): Zorgaanbieder | undefined;
}

interface Slot {
  current?: { list: MedmijList; source: string; checkedAt: Date };
  lastError?: ListStatus['lastError'];
}

const HOUR = 3600;

export function createListCache(options: ListCacheOptions): ListCache {
  const { prisma, sources, logger } = options;
  const now = options.now ?? (() => new Date());
  const refreshMs = (options.refreshSeconds ?? HOUR) * 1000;
  const slots = new Map<ListName, Slot>(listNames.map((name) => [name, {}]));
  let index: ListIndex = { ...emptyIndex };
  let round: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const slot = (name: ListName) => slots.get(name) as Slot;

  function accept(list: MedmijList, source: string, checkedAt: Date): void {
    slot(list.name).current = { list, source, checkedAt };
    slot(list.name).lastError = undefined;
    if (list.name === 'OAuthclientlist') index = { ...index, clients: indexClients(list) };
    if (list.name === 'Whitelist') index = { ...index, whitelist: indexWhitelist(list) };
    if (list.name === 'Gegevensdienstnamenlijst') {
      index = { ...index, serviceNames: indexServiceNames(list) };
    }
    if (list.name === 'Zorgaanbiederslijst') index = { ...index, providers: indexProviders(list) };
  }

  function fail(name: ListName, error: unknown, fallback: ListErrorCode): void {
    const { code, message } = describeListFailure(error, fallback);
    slot(name).lastError = { code, message, at: now().toISOString() };
    const level = code === 'FETCH_FAILED' ? 'warn' : 'error';
    logger[level]({ event: 'medmij_list.refused', list: name, code, reason: message });
  }

  /** Takes over a stored copy newer than ours (or our own, again confirmed by a replica). */
  async function adoptStored(name: ListName): Promise<void> {
    const stored = await loadStoredList(prisma, name);
    const current = slot(name).current;
    if (!stored) return;
    if (current && stored.volgnummer === current.list.volgnummer) {
      if (stored.fetchedAt > current.checkedAt) current.checkedAt = stored.fetchedAt;
      return;
    }
    if (current && stored.volgnummer < current.list.volgnummer) return;
    const { list } = await readList(name, stored.xml);
    accept(list, stored.source, stored.fetchedAt);
    logger.info({ event: 'medmij_list.adopted', list: name, volgnummer: list.volgnummer });
  }

  async function fetchAndRead(name: ListName, dispatcher: Parameters<typeof readSource>[1]) {
    const bytes = await readSource(sources[name], dispatcher);
    return readList(name, bytes);
  }

  async function store(name: ListName, read: Awaited<ReturnType<typeof fetchAndRead>>) {
    const at = now();
    const { list } = read;
    const { stored, changes } = await prisma.$transaction(
      async (tx) => {
        const row = { ...list, xml: read.xml, source: sources[name] };
        const written = await storeIfNewer(tx, row, at);
        const synced =
          written && list.name === 'OAuthclientlist'
            ? await syncPgoClients(tx, list.clients)
            : undefined;
        return { stored: written, changes: synced };
      },
      { timeout: 60_000 },
    );
    if (changes) {
      logger.info({ event: 'pgo_client.synced', volgnummer: list.volgnummer, ...changes });
    }
    return { stored, at };
  }

  async function refreshList(name: ListName, dispatcher: Parameters<typeof readSource>[1]) {
    try {
      await adoptStored(name);
    } catch (error) {
      // The database being away must not stop us reading the source; logged, not fatal.
      logger.warn({ event: 'medmij_list.load_failed', list: name, err: error });
    }

    let read;
    try {
      read = await fetchAndRead(name, dispatcher);
    } catch (error) {
      return fail(name, error, 'FETCH_FAILED');
    }

    const current = slot(name).current;
    const volgnummer = read.list.volgnummer;
    if (current && volgnummer === current.list.volgnummer) {
      current.checkedAt = now();
      slot(name).lastError = undefined;
      await confirmStored(prisma, name, volgnummer, current.checkedAt).catch((error: unknown) => {
        logger.warn({ event: 'medmij_list.confirm_failed', list: name, err: error });
      });
      logger.debug({ event: 'medmij_list.unchanged', list: name, volgnummer });
      return;
    }
    if (current && volgnummer < current.list.volgnummer) {
      const message = `Volgnummer ${volgnummer} is below the current ${current.list.volgnummer}`;
      return fail(name, new ListError('VOLGNUMMER_LOWER', message), 'VOLGNUMMER_LOWER');
    }

    try {
      const { stored, at } = await store(name, read);
      if (stored) {
        accept(read.list, sources[name], at);
        logger.info({
          event: 'medmij_list.accepted',
          list: name,
          volgnummer,
          source: sources[name],
        });
      } else {
        // Another replica stored this or a later version first: take what is stored.
        await adoptStored(name);
      }
    } catch (error) {
      fail(name, error, 'STORE_FAILED');
    }
  }

  async function runRound(): Promise<void> {
    const remote = listNames.some((name) => isRemote(sources[name]));
    let dispatcher: Awaited<ReturnType<typeof createListDispatcher>> | undefined;
    try {
      if (remote) dispatcher = await createListDispatcher(options.tls ?? {});
    } catch (error) {
      for (const name of listNames) fail(name, error, 'FETCH_FAILED');
      return;
    }
    try {
      for (const name of listNames) await refreshList(name, dispatcher);
    } finally {
      await dispatcher?.close().catch(() => undefined);
    }
  }

  function refresh(): Promise<void> {
    round ??= runRound().finally(() => {
      round = undefined;
    });
    return round;
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) => logger.error({ event: 'medmij_list.round_failed', err: error }))
        .finally(schedule);
    }, refreshMs);
    timer.unref();
  }

  return {
    async start() {
      stopped = false;
      await refresh();
      schedule();
    },
    refresh,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
    status() {
      const at = now();
      return listNames.map((name) => statusOf(name, slot(name), sources[name], at));
    },
    list<N extends ListName>(name: N) {
      return slot(name).current?.list as ListOf<N> | undefined;
    },
    oauthClient: (hostname) => index.clients.get(hostname),
    isWhitelisted: (hostname) => index.whitelist.has(hostname.toLowerCase()),
    serviceName: (serviceId) => index.serviceNames.get(serviceId),
    zorgaanbieder: (name) => index.providers.get(name),
  };
}

function statusOf(name: ListName, slot: Slot, configured: string, at: Date): ListStatus {
  const current = slot.current;
  return {
    name,
    volgnummer: current?.list.volgnummer ?? null,
    tijdstempel: current?.list.tijdstempel.toISOString() ?? null,
    ageSeconds: current
      ? Math.max(0, Math.floor((at.getTime() - current.checkedAt.getTime()) / 1000))
      : null,
    checkedAt: current?.checkedAt.toISOString() ?? null,
    source: current?.source ?? configured,
    entries: current ? entryCount(current.list) : null,
    ...(slot.lastError ? { lastError: slot.lastError } : {}),
  };
}
