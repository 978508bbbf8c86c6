// FHIR resource ids. They are stable (the same record gets the same id on every request, so a
// PGO can read back what a search returned) and carry no personal data: the core's internal
// UUIDs, which are meaningless outside Entpoort, and for Medication a hash of the product id and
// lot number, since a Medication is a product in one batch, not a database row.
import { createHash } from 'node:crypto';
import type { Maybe } from './model.ts';

/** 32 hex characters of SHA-256 over product id and lot: well within FHIR's 64-character ids. */
export function medicationId(productId: string, lotNumber: Maybe<string>): string {
  return createHash('sha256')
    .update(`${productId}\u0000${(lotNumber ?? '').trim()}`)
    .digest('hex')
    .slice(0, 32);
}
