// The hash of a record's normalised content (Vaccination.sourceHash): the same registry record
// hashes the same whether it came as CSV or NDJSON, so an unchanged re-import writes nothing.
// It covers the vaccination's own fields and the natural keys of what it refers to, not the
// referenced rows' content: renaming an organisation must not make every record "changed".
import { createHash } from 'node:crypto';
import { locationKey, organizationKey, productKey, roleKey } from './keys.ts';
import type { IncomingRecord, Registry } from './model.ts';
import { json } from './write/batchContext.ts';

/** Bumped when the normalisation changes; every record then counts as changed once. */
const HASH_VERSION = 'entpoort-import/1';

export function sourceHash(registry: Registry, r: IncomingRecord): string {
  const v = r.vaccination;
  // Fields joined by NUL, which no validated value contains (formats/values.ts), so the
  // joined text is unambiguous; absent values are written as SOH.
  const parts: (string | number | boolean | null | undefined)[] = [
    HASH_VERSION,
    registry,
    v.sourceRecordId,
    r.citizen.bsn,
    v.status,
    v.retraction?.at.toISOString(),
    v.retraction?.reason,
    productKey(r.product),
    v.occurrence.toISOString(),
    v.occurrencePrecision,
    v.doseNumber,
    v.lotNumber,
    v.doseQuantity,
    v.doseUnit,
    r.organization ? organizationKey(r.organization) : null,
    r.professional ? roleKey(r.professional, r.organization) : null,
    r.location ? locationKey(registry, r.location.key) : null,
    v.note,
    v.consentToShare,
    v.recordedAt.toISOString(),
    // Codings as JSON text, made once per distinct coding (write/batchContext.ts).
    json(v.route),
    json(v.site),
    json(v.laterality),
    json(v.targetDiseases),
    json(v.reasonMotives),
    json(v.reasonIndications),
  ];
  let content = '';
  for (const part of parts) content += `${part ?? '\u0001'}\u0000`;
  return createHash('sha256').update(content).digest('hex');
}
