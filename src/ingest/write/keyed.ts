// A record made ready for writing as soon as it is read: its natural keys (keys.ts) and source
// hash, worked out once per record (the hash, the reference upserts and the vaccination rows
// all need the keys). Doing this while the extract is read lets it overlap the database's work
// on the batch before, rather than delay the writing of the next one.
import { keysOf, type RecordKeys } from '../keys.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import { sourceHash } from '../sourceHash.ts';

export interface KeyedRecord {
  record: IncomingRecord;
  keys: RecordKeys;
  hash: string;
}

export function keyed(registry: Registry, record: IncomingRecord): KeyedRecord {
  const keys = keysOf(registry, record);
  return { record, keys, hash: sourceHash(registry, record, keys) };
}
