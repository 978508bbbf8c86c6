// A batch's records with their natural keys (keys.ts) and source hash, worked out once per
// record: the hash, the reference upserts and the vaccination rows all need the same keys.
import { keysOf, type RecordKeys } from '../keys.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import { sourceHash } from '../sourceHash.ts';

export interface KeyedRecord {
  record: IncomingRecord;
  keys: RecordKeys;
  hash: string;
}

export function keyed(registry: Registry, records: IncomingRecord[]): KeyedRecord[] {
  return records.map((record) => {
    const keys = keysOf(registry, record);
    return { record, keys, hash: sourceHash(registry, record, keys) };
  });
}
