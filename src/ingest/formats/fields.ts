// The fields of a CIMS or Praeventis extract, shared by the CSV and NDJSON encodings (see
// docs/ingest-formats.md). CSV cells are text and are decoded by kind into the values NDJSON
// carries directly; recordRules.ts then checks both the same way.
import type { Registry } from '../model.ts';

/**
 * - text: a string; in CSV an empty cell means absent.
 * - boolean: true/false; in CSV `true` or `false`.
 * - integer, decimal: a number (NDJSON also accepts a decimal as a string); in CSV the digits.
 * - coding: {system, code, display?}; in CSV `system|code|display`.
 * - codings: a list of codings; in CSV codings separated by `;`.
 */
export type FieldKind = 'text' | 'boolean' | 'integer' | 'decimal' | 'coding' | 'codings';

export interface Field<N extends string = string> {
  name: N;
  kind: FieldKind;
  /** Only in these registries' extracts; absent means in both. */
  only?: Registry;
}

const f = <const N extends string>(name: N, kind: FieldKind = 'text', only?: Registry): Field<N> =>
  only ? { name, kind, only } : { name, kind };

export const fields = [
  // The citizen.
  f('bsn'),
  f('birth_date'),
  f('gender'),
  f('given_names'),
  f('initials'),
  f('call_name'),
  f('family_name_prefix'),
  f('family_name'),
  f('partner_name_prefix'),
  f('partner_name'),
  f('name_usage'),
  // The vaccination event.
  f('source_record_id'),
  f('status'),
  f('retracted', 'boolean'),
  f('retracted_at'),
  f('retraction_reason'),
  f('product_codes', 'codings'),
  f('product_display'),
  f('product_description'),
  f('occurrence'),
  f('dose_number', 'integer'),
  f('lot_number'),
  f('route', 'coding'),
  f('site', 'coding'),
  f('laterality', 'coding'),
  f('dose_quantity', 'decimal'),
  f('dose_unit'),
  // Who gave it, and where.
  f('organization_ura'),
  f('organization_agb'),
  f('organization_name'),
  f('professional_agb'),
  f('professional_uzi'),
  f('professional_big'),
  f('professional_given_name'),
  f('professional_initials'),
  f('professional_name_prefix'),
  f('professional_family_name'),
  f('professional_specialty', 'coding'),
  f('location_key'),
  f('location_name'),
  f('location_address_line'),
  f('location_postal_code'),
  f('location_city'),
  f('location_country'),
  // Why, and the rest.
  f('target_diseases', 'codings'),
  f('reason_motives', 'codings'),
  f('reason_indications', 'codings'),
  f('note'),
  f('consent_to_share', 'boolean', 'CIMS'),
  f('recorded_at'),
] as const;

export type FieldName = (typeof fields)[number]['name'];

export function fieldsOf(registry: Registry): Field<FieldName>[] {
  return fields.filter((field) => !field.only || field.only === registry);
}
