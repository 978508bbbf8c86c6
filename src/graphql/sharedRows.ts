// Rows many citizens' vaccinations refer to (products, care providers, their roles and places),
// kept across requests. An entry is used only when the row version PostgreSQL reports in the
// same statement that read the vaccinations (the tuple's `xmin`, new on every UPDATE) equals
// the one stored with it, so a hit is never older than the statement's own snapshot; a changed
// row misses and is read again. This takes the shared rows out of the per-request read, which
// otherwise repeats them for every vaccination (see vaccinationRead.ts). Entries also expire
// after an hour: `xmin` is a 32-bit transaction id that comes round again after some four
// billion transactions, and no kept row may live that long.
import type {
  Location,
  Organization,
  Professional,
  ProfessionalRole,
  VaccineProduct,
} from '../store/generated/client.ts';

export interface SharedRowTypes {
  product: VaccineProduct;
  organization: Organization;
  professionalRole: ProfessionalRole;
  professional: Professional;
  location: Location;
}

export type SharedRowType = keyof SharedRowTypes;

export interface SharedRows {
  /** The kept row when it has this version and has not expired at `now` (ms), else undefined. */
  get<T extends SharedRowType>(
    type: T,
    id: string,
    version: string,
    now: number,
  ): SharedRowTypes[T] | undefined;
  /**
   * Keeps `row`, read at or after the snapshot that reported `version`: should it be newer, the
   * next statement reports another version and the row is read again.
   */
  set<T extends SharedRowType>(
    type: T,
    id: string,
    version: string,
    row: SharedRowTypes[T],
    now: number,
  ): void;
  /** Lookups so far that found their row, and that did not; rows kept now. For metrics. */
  stats(): { hits: number; misses: number; kept: number };
}

interface Entry {
  version: string;
  row: object;
  expires: number;
  /** Hit since the eviction sweep last passed it (a "second chance" approximation of LRU). */
  used: boolean;
}

/** Per type; past it, the rows least recently used are dropped and read again when needed. */
export const SHARED_ROWS_PER_TYPE = 20_000;
export const SHARED_ROW_LIFETIME_MS = 3_600_000;

export function createSharedRows(limit = SHARED_ROWS_PER_TYPE): SharedRows {
  const maps = new Map<SharedRowType, Map<string, Entry>>();
  let [hits, misses] = [0, 0];
  const of = (type: SharedRowType) => {
    let map = maps.get(type);
    if (!map) maps.set(type, (map = new Map()));
    return map;
  };
  /** Drops the oldest entry not hit since the sweep passed; hit ones go round once more. */
  const evict = (map: Map<string, Entry>) => {
    for (const [id, entry] of map) {
      map.delete(id);
      if (!entry.used) return;
      entry.used = false;
      map.set(id, entry);
    }
  };
  return {
    get(type, id, version, now) {
      const entry = of(type).get(id);
      if (!entry || entry.version !== version || entry.expires <= now) {
        misses += 1;
        return undefined;
      }
      hits += 1;
      entry.used = true;
      return entry.row as SharedRowTypes[typeof type];
    },
    set(type, id, version, row, now) {
      const map = of(type);
      map.delete(id);
      // Frozen: every request that hits gets this same object.
      const expires = now + SHARED_ROW_LIFETIME_MS;
      map.set(id, { version, row: Object.freeze(row), expires, used: false });
      if (map.size > limit) evict(map);
    },
    stats() {
      let kept = 0;
      for (const map of maps.values()) kept += map.size;
      return { hits, misses, kept };
    },
  };
}
