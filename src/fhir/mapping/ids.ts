// FHIR resource ids. They are stable (the same record gets the same id on every request, so a
// PGO can read back what a search returned) and carry no personal data: the core's internal
// UUIDs, which are meaningless outside Entpoort, and for Medication a hash of the product id and
// lot number, since a Medication is a product in one batch, not a database row.
import { createHash } from 'node:crypto';
import type { Maybe } from './model.ts';

/** Ids already computed: a product in one batch recurs in many citizens' records. */
const medicationIds = new Map<string, string>();
const MEDICATION_IDS_KEPT = 10_000;

/** 32 hex characters of SHA-256 over product id and lot: well within FHIR's 64-character ids. */
export function medicationId(productId: string, lotNumber: Maybe<string>): string {
  const key = `${productId}\u0000${(lotNumber ?? '').trim()}`;
  let id = medicationIds.get(key);
  if (id === undefined) {
    id = createHash('sha256').update(key).digest('hex').slice(0, 32);
    if (medicationIds.size >= MEDICATION_IDS_KEPT) medicationIds.clear();
    medicationIds.set(key, id);
  }
  return id;
}
