// The zod schema of one extract row (the NDJSON shape; CSV cells are decoded to it first) and
// its translation into a neutral IncomingRecord. Rules that span fields (a retraction needs its
// time, an organisation its identifier and name, ...) are checked here too.
import { z } from 'zod';
import { productSystems, systems } from '../codeSystems.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import * as v from './values.ts';

const snomed = [systems.snomed];
const gender = { male: 'MALE', female: 'FEMALE', other: 'OTHER', unknown: 'UNKNOWN' } as const;
/** BRP "aanduiding naamgebruik": eigen, partner, partner voor eigen, partner na eigen. */
const nameUsage = { E: 'OWN', P: 'PARTNER', V: 'PARTNER_OWN', N: 'OWN_PARTNER' } as const;
const status = { completed: 'COMPLETED', 'not-done': 'NOT_DONE' } as const;

const name = v.optional(v.text(200));

function shape(registry: Registry, form: v.CodingForm) {
  const one = (systems?: readonly string[]) => v.optional(v.oneCoding(form, systems));
  const list = (systems?: readonly string[]) => v.optional(v.codingList(form, systems));
  const common = {
    bsn: v.bsn,
    birth_date: v.date,
    gender: v.optional(z.enum(['male', 'female', 'other', 'unknown'])),
    given_names: name,
    initials: v.optional(v.text(50)),
    call_name: name,
    family_name_prefix: v.optional(v.text(50)),
    family_name: v.text(200),
    partner_name_prefix: v.optional(v.text(50)),
    partner_name: name,
    name_usage: v.optional(z.enum(['E', 'P', 'V', 'N'])),
    source_record_id: v.sourceRecordId,
    status: z.enum(['completed', 'not-done']),
    retracted: v.optional(z.boolean()),
    retracted_at: v.optional(v.instant),
    retraction_reason: v.optional(v.text(1000)),
    product_codes: list(Object.keys(productSystems)),
    product_display: v.text(500),
    product_description: v.optional(v.text(2000)),
    occurrence: v.occurrence,
    dose_number: v.optional(z.number().int().min(1).max(99)),
    lot_number: v.optional(v.text(100)),
    route: one([systems.route]),
    site: one(snomed),
    laterality: one(snomed),
    dose_quantity: v.optional(v.decimal),
    dose_unit: v.optional(v.text(20)),
    organization_ura: v.optional(v.digits(8)),
    organization_agb: v.optional(v.digits(8)),
    organization_name: v.optional(v.text(500)),
    professional_agb: v.optional(v.digits(8)),
    professional_uzi: v.optional(v.digits(9)),
    professional_big: v.optional(v.digits(11)),
    professional_given_name: name,
    professional_initials: v.optional(v.text(50)),
    professional_name_prefix: v.optional(v.text(50)),
    professional_family_name: name,
    professional_specialty: one(),
    location_key: v.optional(v.sourceRecordId),
    location_name: v.optional(v.text(500)),
    location_address_line: v.optional(v.text(200)),
    location_postal_code: v.optional(v.text(20)),
    location_city: v.optional(v.text(100)),
    location_country: v.optional(v.text(100)),
    target_diseases: list(snomed),
    reason_motives: list(snomed),
    reason_indications: list(snomed),
    note: v.optional(v.text(2000)),
    recorded_at: v.instant,
  };
  return registry === 'CIMS' ? { ...common, consent_to_share: z.boolean() } : common;
}

type Row = z.output<z.ZodObject<ReturnType<typeof shape>>> & { consent_to_share?: boolean };

/** The schema of a row of `registry`'s extract made on `extractedAt`, codings in `form`. */
export function recordSchema(registry: Registry, extractedAt: Date, form: v.CodingForm) {
  const extractedOn = extractedAt.toISOString().slice(0, 10);
  return z
    .strictObject(shape(registry, form))
    .superRefine((row, ctx) => crossFieldRules(row as Row, extractedAt, extractedOn, ctx))
    .transform((row) => toRecord(row as Row));
}

export type RecordContent = Omit<IncomingRecord, 'line' | 'raw'>;

function crossFieldRules(
  row: Row,
  extractedAt: Date,
  extractedOn: string,
  ctx: z.RefinementCtx,
): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (row.retracted && !row.retracted_at) issue('retracted_at', 'required when retracted');
  if (!row.retracted && (row.retracted_at || row.retraction_reason)) {
    issue('retracted', 'must be true when retracted_at or retraction_reason is given');
  }
  const organization = row.organization_ura || row.organization_agb || row.organization_name;
  if (organization && !(row.organization_ura || row.organization_agb)) {
    issue('organization_ura', 'an organisation needs a URA or an AGB code');
  }
  if (organization && !row.organization_name) issue('organization_name', 'required');
  const professional =
    row.professional_given_name ||
    row.professional_initials ||
    row.professional_name_prefix ||
    row.professional_family_name ||
    row.professional_specialty;
  if (professional && !(row.professional_uzi || row.professional_agb || row.professional_big)) {
    issue('professional_uzi', 'a professional needs a UZI, AGB or BIG number');
  }
  const location =
    row.location_name ||
    row.location_address_line ||
    row.location_postal_code ||
    row.location_city ||
    row.location_country;
  if (location && !row.location_key) {
    issue('location_key', 'required with the other location fields');
  }
  if (row.dose_quantity && !row.dose_unit) issue('dose_unit', 'required with dose_quantity');
  const systemsSeen = new Set<string>();
  for (const c of row.product_codes ?? []) {
    if (systemsSeen.has(c.system)) issue('product_codes', 'two codes of the same system');
    systemsSeen.add(c.system);
  }
  if (row.birth_date && row.birth_date > extractedOn)
    issue('birth_date', 'lies after the extract was made');
  const occurrence = row.occurrence?.at;
  if (occurrence && occurrence > extractedAt) {
    issue('occurrence', 'lies after the extract was made');
  }
  if (occurrence && occurrence.getUTCFullYear() < Number(row.birth_date?.slice(0, 4))) {
    issue('occurrence', 'lies before the year of birth');
  }
  if (row.recorded_at > extractedAt) issue('recorded_at', 'lies after the extract was made');
}

function toRecord(row: Row): RecordContent {
  const code = (system: string) => row.product_codes?.find((c) => c.system === system) ?? null;
  const professionalGiven = row.professional_uzi || row.professional_agb || row.professional_big;
  return {
    citizen: {
      bsn: row.bsn,
      birthDate: row.birth_date,
      gender: gender[row.gender ?? 'unknown'],
      givenNames: row.given_names ?? null,
      initials: row.initials ?? null,
      callName: row.call_name ?? null,
      familyNamePrefix: row.family_name_prefix ?? null,
      familyName: row.family_name,
      partnerNamePrefix: row.partner_name_prefix ?? null,
      partnerName: row.partner_name ?? null,
      nameUsage: nameUsage[row.name_usage ?? 'E'],
    },
    vaccination: {
      sourceRecordId: row.source_record_id,
      status: status[row.status],
      retraction:
        row.retracted && row.retracted_at
          ? { at: row.retracted_at, reason: row.retraction_reason ?? null }
          : null,
      occurrence: row.occurrence.at,
      occurrencePrecision: row.occurrence.precision,
      doseNumber: row.dose_number ?? null,
      lotNumber: row.lot_number ?? null,
      route: row.route ?? null,
      site: row.site ?? null,
      laterality: row.laterality ?? null,
      doseQuantity: row.dose_quantity ?? null,
      doseUnit: row.dose_unit ?? null,
      targetDiseases: row.target_diseases ?? [],
      reasonMotives: row.reason_motives ?? [],
      reasonIndications: row.reason_indications ?? [],
      note: row.note ?? null,
      consentToShare: row.consent_to_share ?? null,
      recordedAt: row.recorded_at,
    },
    product: {
      display: row.product_display,
      hpk: code(systems.hpk)?.code ?? null,
      prk: code(systems.prk)?.code ?? null,
      gpk: code(systems.gpk)?.code ?? null,
      zi: code(systems.zi)?.code ?? null,
      snomed: code(systems.snomed),
      atc: code(systems.atc),
      description: row.product_description ?? null,
    },
    organization:
      row.organization_ura || row.organization_agb
        ? {
            ura: row.organization_ura ?? null,
            agb: row.organization_agb ?? null,
            name: row.organization_name ?? '',
          }
        : null,
    professional: professionalGiven
      ? {
          agb: row.professional_agb ?? null,
          uzi: row.professional_uzi ?? null,
          big: row.professional_big ?? null,
          givenName: row.professional_given_name ?? null,
          initials: row.professional_initials ?? null,
          namePrefix: row.professional_name_prefix ?? null,
          familyName: row.professional_family_name ?? null,
          specialty: row.professional_specialty ?? null,
        }
      : null,
    location: row.location_key
      ? {
          key: row.location_key,
          name: row.location_name ?? null,
          address: addressOf(row),
        }
      : null,
  };
}

function addressOf(row: Row) {
  if (!(row.location_address_line || row.location_postal_code || row.location_city)) return null;
  return {
    line: row.location_address_line ? [row.location_address_line] : [],
    ...(row.location_postal_code ? { postalCode: row.location_postal_code } : {}),
    ...(row.location_city ? { city: row.location_city } : {}),
    ...(row.location_country ? { country: row.location_country } : {}),
  };
}
