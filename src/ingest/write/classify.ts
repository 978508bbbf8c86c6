// Decides, per record of a batch, what the import does with it, from the stored state of its
// (registry, source record id) and the records before it in the extract:
// - no stored record: insert (counted `retracted` when it arrives retracted);
// - same source hash: unchanged, nothing is written;
// - stored record already written from this extract (updated_at is the extract's time) with
//   another hash: the id repeats in the extract, and the repetition is rejected;
// - otherwise: update in place, version + 1 (counted `retracted` when that retracts it).
// A re-run of the same extract after a crash therefore ends in the state of one clean run:
// what the killed run committed is found unchanged, and repeated ids resolve the same way.

export interface StoredState {
  id: string;
  hash: string | null;
  /** Written from the extract being imported (stamped with its time). */
  stamped: boolean;
  retracted: boolean;
}

export type Decision = 'insert' | 'update' | 'unchanged' | 'duplicate';

export interface Classified {
  decision: Decision;
  /** The stored record an update changes. */
  id?: string;
  /** The write makes the record entered-in-error where it was not. */
  retracts: boolean;
}

export function classify(
  incoming: readonly { id: string; hash: string; retracted: boolean }[],
  stored: Map<string, StoredState>,
): Classified[] {
  const state = new Map(stored);
  return incoming.map(({ id, hash, retracted }) => {
    const before = state.get(id);
    if (before && before.hash === hash) return { decision: 'unchanged', retracts: false };
    if (before?.stamped) return { decision: 'duplicate', retracts: false };
    state.set(id, { id: before?.id ?? '', hash, stamped: true, retracted });
    const retracts = retracted && !before?.retracted;
    return before
      ? { decision: 'update', id: before.id, retracts }
      : { decision: 'insert', retracts };
  });
}
