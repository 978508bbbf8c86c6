// Turns the demo definitions into rows for one day: birth dates, occurrence dates and their
// precision, sites, motives, recording times and source record ids. Pure and deterministic:
// the same day gives the same rows.
import { createHash } from 'node:crypto';
import { ageOn } from '../../rules/age.ts';
import { indications, lateralities, motives, sites, type Coding } from './codes.ts';
import { citizens, type DemoCitizen, type DemoRecord } from './citizens.ts';
import { products, type ProductName } from './products.ts';
import {
  locations,
  roles,
  type LocationName,
  type OrganizationName,
  type RoleName,
} from './providers.ts';

export interface DemoVaccinationRow {
  source: 'PRAEVENTIS' | 'CIMS';
  sourceRecordId: string;
  product: ProductName;
  occurrence: Date;
  occurrencePrecision: 'MONTH' | 'DAY' | 'SECOND';
  doseNumber: number | null;
  lotNumber: string | null;
  site: Coding;
  laterality: Coding;
  doseMl: number;
  organization: OrganizationName | null;
  role: RoleName | null;
  location: LocationName | null;
  targetDiseases: Coding[];
  reasonMotives: Coding[];
  reasonIndications: Coding[];
  note: string | null;
  consentToShare: boolean | null;
  recordedAt: Date;
  status: 'COMPLETED' | 'ENTERED_IN_ERROR';
  retractedAt: Date | null;
  retractionReason: string | null;
  /** A retraction is a change, so a retracted record is at version 2. */
  version: number;
}

export interface DemoCitizenRow {
  key: string;
  bsn: string;
  birthDate: Date;
  /** Age in whole years on the day the rows were made for. */
  age: number;
  gender: DemoCitizen['gender'];
  name: DemoCitizen['name'];
  illustrates: string;
  vaccinations: DemoVaccinationRow[];
}

const DAY_MS = 86_400_000;

export function demoCitizens(today: Date = new Date()): DemoCitizenRow[] {
  return citizens.map((citizen) => {
    const birthDate = birthDateOf(citizen, today);
    const records = [
      ...citizen.praeventis.map((r, i) => toRow(citizen, birthDate, today, 'PRAEVENTIS', r, i)),
      ...citizen.cims.map((r, i) => ({
        ...toRow(citizen, birthDate, today, 'CIMS', r, i),
        consentToShare: r.consent,
      })),
    ];
    return {
      key: citizen.key,
      bsn: citizen.bsn,
      birthDate,
      age: ageOn(birthDate, today),
      gender: citizen.gender,
      name: citizen.name,
      illustrates: citizen.illustrates,
      vaccinations: records.sort((a, b) => a.occurrence.getTime() - b.occurrence.getTime()),
    };
  });
}

function birthDateOf(citizen: DemoCitizen, today: Date): Date {
  const born = citizen.born;
  if (typeof born === 'string') return new Date(`${born}T00:00:00Z`);
  return new Date(
    Date.UTC(today.getUTCFullYear() - born.yearsBeforeToday, born.month - 1, born.day),
  );
}

function toRow(
  citizen: DemoCitizen,
  birthDate: Date,
  today: Date,
  source: DemoVaccinationRow['source'],
  record: DemoRecord,
  index: number,
): DemoVaccinationRow {
  const { occurrence, precision } = occurrenceOf(record.on, birthDate);
  if (occurrence < birthDate || occurrence > today) {
    throw new Error(`demo data: ${citizen.key} ${source} #${index} lies outside their life`);
  }
  const product = products[record.product];
  const [siteName, side] = siteOf(record, birthDate, occurrence);
  const recordingDelay = source === 'CIMS' ? 20 * 60_000 : 3 * DAY_MS;
  const retractedAt = record.retracted ? new Date(record.retracted.on) : null;
  const defaultMotive = source === 'CIMS' ? motives.programme : motives.rvp;
  return {
    source,
    sourceRecordId: sourceRecordId(citizen.key, source, index),
    product: record.product,
    occurrence,
    occurrencePrecision: precision,
    doseNumber: record.dose ?? null,
    lotNumber: record.lot ?? null,
    site: sites[siteName],
    laterality: lateralities[side],
    doseMl: product.doseMl,
    organization: organizationOf(record),
    role: record.by ?? null,
    location: record.at ?? null,
    targetDiseases: product.targetDiseases,
    reasonMotives: [record.motive ? motives[record.motive] : defaultMotive],
    reasonIndications: record.indication ? [indications[record.indication]] : [],
    note: record.note ?? null,
    consentToShare: null,
    recordedAt: new Date(Math.min(occurrence.getTime() + recordingDelay, today.getTime())),
    status: retractedAt ? 'ENTERED_IN_ERROR' : 'COMPLETED',
    retractedAt,
    retractionReason: record.retracted?.reason ?? null,
    version: retractedAt ? 2 : 1,
  };
}

const agePattern = /^(?:(\d+)y)?(?:(\d+)m)?$/;

function occurrenceOf(on: string, birthDate: Date) {
  const age = agePattern.exec(on);
  if (age && on !== '') {
    const date = new Date(
      Date.UTC(
        birthDate.getUTCFullYear() + Number(age[1] ?? 0),
        birthDate.getUTCMonth() + Number(age[2] ?? 0),
        birthDate.getUTCDate(),
      ),
    );
    return { occurrence: date, precision: 'DAY' as const };
  }
  if (/^\d{4}-\d{2}$/.test(on)) {
    return { occurrence: new Date(`${on}-01T00:00:00Z`), precision: 'MONTH' as const };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(on)) {
    return { occurrence: new Date(`${on}T00:00:00Z`), precision: 'DAY' as const };
  }
  const instant = new Date(on);
  if (!on.includes('T') || Number.isNaN(instant.getTime())) {
    throw new Error(`demo data: cannot read the date "${on}"`);
  }
  return { occurrence: instant, precision: 'SECOND' as const };
}

function siteOf(
  record: DemoRecord,
  birthDate: Date,
  occurrence: Date,
): ['upperArm' | 'thigh', 'left' | 'right'] {
  if (record.site) {
    return [
      record.site.endsWith('arm') ? 'upperArm' : 'thigh',
      record.site[0] === 'R' ? 'right' : 'left',
    ];
  }
  return [ageOn(birthDate, occurrence) < 2 ? 'thigh' : 'upperArm', 'left'];
}

function organizationOf(record: DemoRecord): OrganizationName | null {
  if (record.org) return record.org;
  if (record.by) return roles[record.by].organization;
  if (record.at) return locations[record.at].organization;
  return null;
}

/** Stable ids in each registry's style: Praeventis numbers, CIMS UUID-like strings. */
function sourceRecordId(key: string, source: DemoVaccinationRow['source'], index: number) {
  const hex = createHash('sha256').update(`${source}/${key}/${index}`).digest('hex');
  if (source === 'PRAEVENTIS') {
    return `PRV-${String(parseInt(hex.slice(0, 10), 16) % 1e12).padStart(12, '0')}`;
  }
  const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...parts, hex.slice(20, 32)].join('-');
}
