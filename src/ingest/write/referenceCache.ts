// Remembers, for the length of one run, which reference rows (products, organisations,
// professionals, roles, locations) the run already wrote or found with exactly this content,
// and their ids. A later batch naming the same row with the same content skips the round
// trip; different content is written as usual. Entries enter only after their batch
// committed. Bounded: a cache that outgrows its limit starts afresh.

const LIMIT = 50_000;

interface Entry {
  id: string;
  content: string;
}

export interface ReferenceCache {
  /** Splits `items` into known ids and the items that still need writing. */
  split<T>(
    kind: string,
    items: Map<string, T>,
  ): { known: Map<string, string>; unknown: Map<string, T> };
  /** Records what a batch wrote or found; kept once `commit` is called. */
  note<T>(kind: string, items: Map<string, T>, ids: Map<string, string>): void;
  commit(): void;
  discard(): void;
}

export function createReferenceCache(): ReferenceCache {
  const entries = new Map<string, Entry>();
  let pending: [string, Entry][] = [];
  const content = (item: unknown) => JSON.stringify(item);
  return {
    split(kind, items) {
      const known = new Map<string, string>();
      const unknown = new Map<string, typeof items extends Map<string, infer T> ? T : never>();
      for (const [key, item] of items) {
        const entry = entries.get(`${kind}\u0000${key}`);
        if (entry && entry.content === content(item)) known.set(key, entry.id);
        else unknown.set(key, item);
      }
      return { known, unknown } as never;
    },
    note(kind, items, ids) {
      for (const [key, item] of items) {
        const id = ids.get(key);
        if (id) pending.push([`${kind}\u0000${key}`, { id, content: content(item) }]);
      }
    },
    commit() {
      if (entries.size + pending.length > LIMIT) entries.clear();
      for (const [key, entry] of pending) entries.set(key, entry);
      pending = [];
    },
    discard() {
      pending = [];
    },
  };
}
