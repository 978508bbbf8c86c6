// The hash of a record's normalised content (Vaccination.sourceHash): the same registry record
// hashes the same whether it came as CSV or NDJSON, so an unchanged re-import writes nothing.
// It covers the vaccination's own fields and the natural keys of what it refers to, not the
// referenced rows' content: renaming an organisation must not make every record "changed".
import { hash } from 'node:crypto';
import { keysOf, type RecordKeys } from './keys.ts';
import type { IncomingRecord, Registry } from './model.ts';
import { json } from './write/batchContext.ts';

/** Bumped when the normalisation changes; every record then counts as changed once. */
const HASH_VERSION = 'entpoort-import/2';

/** `keys`: the record's natural keys, when the caller has them already. */
export function sourceHash(
  registry: Registry,
  r: IncomingRecord,
  keys: RecordKeys = keysOf(registry, r),
): string {
  const v = r.vaccination;
  // Fields joined by NUL, which no validated value contains (formats/checks.ts), so the
  // joined text is unambiguous; absent values are written as SOH.
  const parts: (string | number | boolean | null | undefined)[] = [
    HASH_VERSION,
    registry,
    v.sourceRecordId,
    r.citizen.bsn,
    v.status,
    // Instants as milliseconds: as exact as ISO text, and cheaper to write.
    v.retraction?.at.getTime(),
    v.retraction?.reason,
    keys.product,
    v.occurrence.getTime(),
    v.occurrencePrecision,
    v.doseNumber,
    v.lotNumber,
    v.doseQuantity,
    v.doseUnit,
    keys.organization,
    keys.role,
    keys.location,
    v.note,
    v.consentToShare,
    v.recordedAt.getTime(),
    codings(v.route),
    codings(v.site),
    codings(v.laterality),
    codings(v.targetDiseases),
    codings(v.reasonMotives),
    codings(v.reasonIndications),
  ];
  let content = '';
  for (const part of parts) content += `${part ?? '\u0001'}\u0000`;
  return hash('sha256', content, 'hex');
}

const digests = new WeakMap<object, string>();

/**
 * Codings stand in the content by the hash of their JSON: rows share a few frozen coding
 * objects (formats/codingChecks.ts), so each is hashed once, and the content to hash stays short.
 */
function codings(value: object | null): string | null {
  if (value === null) return null;
  if (Array.isArray(value) && value.length === 0) return '[]';
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = hash('sha256', json(value)!, 'base64url');
    if (Object.isFrozen(value)) digests.set(value, digest);
  }
  return digest;
}
