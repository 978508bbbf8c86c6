// The rules of one extract row, CSV or NDJSON (docs/ingest-formats.md): each field's check
// (checks.ts, codingChecks.ts), the rules that span fields (a retraction needs its time, an
// organisation its identifier and name, ...) and the translation of a valid row into a neutral
// IncomingRecord. A row's values are held in an array in fields.ts order, not in an object by
// name: rows are many, and storing 50 values by name costs more than all their checks.
import { productSystems, systems } from '../codeSystems.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import * as c from './checks.ts';
import { codingList, oneCoding, type CodingForm } from './codingChecks.ts';
import { fields, fieldsOf, type FieldKind, type FieldName } from './fields.ts';
import type { Problem, RawRow, ReadItem } from './readItem.ts';

const snomed = [systems.snomed];
const gender = { male: 'MALE', female: 'FEMALE', other: 'OTHER', unknown: 'UNKNOWN' } as const;
/** BRP "aanduiding naamgebruik": eigen, partner, partner voor eigen, partner na eigen. */
const nameUsage = { E: 'OWN', P: 'PARTNER', V: 'PARTNER_OWN', N: 'OWN_PARTNER' } as const;
const status = { completed: 'COMPLETED', 'not-done': 'NOT_DONE' } as const;

/** Every field's check; codings keep a cache each, so these are made per extract read. */
function fieldChecks(form: CodingForm) {
  const opt = c.optional;
  const one = (systems?: readonly string[]) => opt(oneCoding(form, systems));
  const list = (systems?: readonly string[]) => opt(codingList(form, systems));
  const name = opt(c.text(200));
  return {
    bsn: c.bsn,
    birth_date: c.date,
    gender: opt(c.oneOf(['male', 'female', 'other', 'unknown'])),
    given_names: name,
    initials: opt(c.text(50)),
    call_name: name,
    family_name_prefix: opt(c.text(50)),
    family_name: c.text(200),
    partner_name_prefix: opt(c.text(50)),
    partner_name: name,
    name_usage: opt(c.oneOf(['E', 'P', 'V', 'N'])),
    source_record_id: c.sourceRecordId,
    status: c.oneOf(['completed', 'not-done']),
    retracted: opt(c.boolean),
    retracted_at: opt(c.instant),
    retraction_reason: opt(c.text(1000)),
    product_codes: list(Object.keys(productSystems)),
    product_display: c.text(500),
    product_description: opt(c.text(2000)),
    occurrence: c.occurrence,
    dose_number: opt(c.integer(1, 99)),
    lot_number: opt(c.text(100)),
    route: one([systems.route]),
    site: one(snomed),
    laterality: one(snomed),
    dose_quantity: opt(c.decimal),
    dose_unit: opt(c.text(20)),
    organization_ura: opt(c.digits(8)),
    organization_agb: opt(c.digits(8)),
    organization_name: opt(c.text(500)),
    professional_agb: opt(c.digits(8)),
    professional_uzi: opt(c.digits(9)),
    professional_big: opt(c.digits(11)),
    professional_given_name: name,
    professional_initials: opt(c.text(50)),
    professional_name_prefix: opt(c.text(50)),
    professional_family_name: name,
    professional_specialty: one(),
    location_key: opt(c.sourceRecordId),
    location_name: opt(c.text(500)),
    location_address_line: opt(c.text(200)),
    location_postal_code: opt(c.text(20)),
    location_city: opt(c.text(100)),
    location_country: opt(c.text(100)),
    target_diseases: list(snomed),
    reason_motives: list(snomed),
    reason_indications: list(snomed),
    note: opt(c.text(2000)),
    consent_to_share: c.boolean, // CIMS only (fields.ts)
    recorded_at: c.instant,
  } satisfies Record<FieldName, c.Check>;
}

type Checks = ReturnType<typeof fieldChecks>;
/** A valid row's values by name (a Praeventis row has no consent_to_share). */
type Row = { [K in FieldName]: Exclude<ReturnType<Checks[K]>, c.Failed> };

/** Where each field's value sits in a row's values. */
const slots = Object.fromEntries(fields.map((f, i) => [f.name, i])) as Record<FieldName, number>;

export interface RowField {
  name: FieldName;
  kind: FieldKind;
  slot: number;
  check: c.Check;
}

/** A row being checked: its values in fields.ts order and the problems found so far. */
export class RowCheck {
  readonly values: unknown[] = new Array(fields.length);
  readonly problems: Problem[] = [];
  /** A value of the wrong type or form: the cross-field rules are not checked. */
  stopped = false;

  /** Checks `value` (undefined: absent) as `field` and keeps what the check made of it. */
  set(field: RowField, value: unknown): void {
    const checked = field.check(value);
    if (!(checked instanceof c.Failed)) {
      this.values[field.slot] = checked;
      return;
    }
    this.values[field.slot] = value; // the cross-field rules see a broken value as it came
    if (checked.stops) this.stopped = true;
    for (const { path, message } of checked.issues) {
      this.problems.push({ field: path ? `${field.name}.${path}` : field.name, message });
    }
  }
}

export interface RowRules {
  /** The registry's fields, in fields.ts order, with their checks. */
  fields: readonly RowField[];
  /** A checked row's record, or all its problems (the cross-field rules' included). */
  finish(row: RowCheck, line: number, raw: RawRow): ReadItem;
}

/** The rules of a row of `registry`'s extract made at `extractedAt`, codings in `form`. */
export function rowRules(registry: Registry, extractedAt: Date, form: CodingForm): RowRules {
  const checks: Record<FieldName, c.Check> = fieldChecks(form);
  const extractedOn = extractedAt.toISOString().slice(0, 10);
  return {
    fields: fieldsOf(registry).map((f) => ({
      name: f.name,
      kind: f.kind,
      slot: slots[f.name],
      check: checks[f.name],
    })),
    finish(row, line, raw) {
      if (!row.stopped) crossFieldRules(row, extractedAt, extractedOn);
      if (row.problems.length > 0) return { ok: false, line, problems: row.problems, raw };
      return { ok: true, record: { ...toRecord(row.values), line, raw } };
    },
  };
}

export type RecordContent = Omit<IncomingRecord, 'line' | 'raw'>;

/** Reads a row's values by name. */
const reader =
  (values: readonly unknown[]) =>
  <K extends FieldName>(name: K) =>
    values[slots[name]] as Row[K];

function crossFieldRules(row: RowCheck, extractedAt: Date, extractedOn: string): void {
  const v = reader(row.values);
  const issue = (field: string, message: string) => row.problems.push({ field, message });
  if (v('retracted') && !v('retracted_at')) issue('retracted_at', 'required when retracted');
  if (!v('retracted') && (v('retracted_at') || v('retraction_reason'))) {
    issue('retracted', 'must be true when retracted_at or retraction_reason is given');
  }
  const orgId = v('organization_ura') || v('organization_agb');
  if ((orgId || v('organization_name')) && !orgId) {
    issue('organization_ura', 'an organisation needs a URA or an AGB code');
  }
  if (orgId && !v('organization_name')) issue('organization_name', 'required');
  const professional =
    v('professional_given_name') ||
    v('professional_initials') ||
    v('professional_name_prefix') ||
    v('professional_family_name') ||
    v('professional_specialty');
  if (professional && !(v('professional_uzi') || v('professional_agb') || v('professional_big'))) {
    issue('professional_uzi', 'a professional needs a UZI, AGB or BIG number');
  }
  const location =
    v('location_name') ||
    v('location_address_line') ||
    v('location_postal_code') ||
    v('location_city') ||
    v('location_country');
  if (location && !v('location_key')) {
    issue('location_key', 'required with the other location fields');
  }
  if (v('dose_quantity') && !v('dose_unit')) issue('dose_unit', 'required with dose_quantity');
  const systemsSeen = new Set<string>();
  for (const code of v('product_codes') ?? []) {
    if (systemsSeen.has(code.system)) issue('product_codes', 'two codes of the same system');
    systemsSeen.add(code.system);
  }
  const birthDate = v('birth_date');
  if (birthDate && birthDate > extractedOn) issue('birth_date', 'lies after the extract was made');
  const occurrence = v('occurrence')?.at;
  if (occurrence && occurrence > extractedAt) {
    issue('occurrence', 'lies after the extract was made');
  }
  if (occurrence && occurrence.getUTCFullYear() < Number(birthDate?.slice(0, 4))) {
    issue('occurrence', 'lies before the year of birth');
  }
  if (v('recorded_at') > extractedAt) issue('recorded_at', 'lies after the extract was made');
}

function toRecord(values: readonly unknown[]): RecordContent {
  const v = reader(values);
  const codes = v('product_codes');
  const code = (system: string) => codes?.find((c) => c.system === system) ?? null;
  const retractedAt = v('retracted_at');
  const ura = v('organization_ura');
  const agb = v('organization_agb');
  const professional = {
    agb: v('professional_agb') ?? null,
    uzi: v('professional_uzi') ?? null,
    big: v('professional_big') ?? null,
  };
  const locationKey = v('location_key');
  return {
    citizen: {
      bsn: v('bsn'),
      birthDate: v('birth_date'),
      gender: gender[v('gender') ?? 'unknown'],
      givenNames: v('given_names') ?? null,
      initials: v('initials') ?? null,
      callName: v('call_name') ?? null,
      familyNamePrefix: v('family_name_prefix') ?? null,
      familyName: v('family_name'),
      partnerNamePrefix: v('partner_name_prefix') ?? null,
      partnerName: v('partner_name') ?? null,
      nameUsage: nameUsage[v('name_usage') ?? 'E'],
    },
    vaccination: {
      sourceRecordId: v('source_record_id'),
      status: status[v('status')],
      retraction:
        v('retracted') && retractedAt
          ? { at: retractedAt, reason: v('retraction_reason') ?? null }
          : null,
      occurrence: v('occurrence').at,
      occurrencePrecision: v('occurrence').precision,
      doseNumber: v('dose_number') ?? null,
      lotNumber: v('lot_number') ?? null,
      route: v('route') ?? null,
      site: v('site') ?? null,
      laterality: v('laterality') ?? null,
      doseQuantity: v('dose_quantity') ?? null,
      doseUnit: v('dose_unit') ?? null,
      targetDiseases: v('target_diseases') ?? [],
      reasonMotives: v('reason_motives') ?? [],
      reasonIndications: v('reason_indications') ?? [],
      note: v('note') ?? null,
      consentToShare: v('consent_to_share') ?? null,
      recordedAt: v('recorded_at'),
    },
    product: {
      display: v('product_display'),
      hpk: code(systems.hpk)?.code ?? null,
      prk: code(systems.prk)?.code ?? null,
      gpk: code(systems.gpk)?.code ?? null,
      zi: code(systems.zi)?.code ?? null,
      snomed: code(systems.snomed),
      atc: code(systems.atc),
      description: v('product_description') ?? null,
    },
    organization:
      ura || agb
        ? { ura: ura ?? null, agb: agb ?? null, name: v('organization_name') ?? '' }
        : null,
    professional:
      professional.uzi || professional.agb || professional.big
        ? {
            ...professional,
            givenName: v('professional_given_name') ?? null,
            initials: v('professional_initials') ?? null,
            namePrefix: v('professional_name_prefix') ?? null,
            familyName: v('professional_family_name') ?? null,
            specialty: v('professional_specialty') ?? null,
          }
        : null,
    location: locationKey
      ? { key: locationKey, name: v('location_name') ?? null, address: addressOf(v) }
      : null,
  };
}

function addressOf(v: ReturnType<typeof reader>) {
  const line = v('location_address_line');
  const postalCode = v('location_postal_code');
  const city = v('location_city');
  const country = v('location_country');
  if (!(line || postalCode || city)) return null;
  return {
    line: line ? [line] : [],
    ...(postalCode ? { postalCode } : {}),
    ...(city ? { city } : {}),
    ...(country ? { country } : {}),
  };
}
