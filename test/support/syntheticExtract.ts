// Writes large, realistic, deterministic extracts for the import benchmark and the crash test:
// citizens with valid (made-up) BSNs, RVP or COVID-19 vaccinations with the codes of the demo
// data, performers from a few dozen organisations and a few hundred professionals and
// locations. Streamed to disk, so a million rows never sit in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../../src/ingest/csvText.ts';
import { formatCodings } from '../../src/ingest/formats/codingText.ts';
import { fieldsOf } from '../../src/ingest/formats/fields.ts';
import { csvPreamble, ndjsonHeader } from '../../src/ingest/formats/header.ts';
import type { Registry } from '../../src/ingest/model.ts';

export interface SyntheticOptions {
  registry: Registry;
  format: 'csv' | 'ndjson';
  rows: number;
  citizens: number;
  extractedAt?: Date;
}

type Row = Record<string, unknown>;
type C = { system: string; code: string; display?: string };

const sct = (code: string, display: string): C => ({
  system: 'http://snomed.info/sct',
  code,
  display,
});
const g = (oid: string, code: string, display?: string): C =>
  display
    ? { system: `urn:oid:2.16.840.1.113883.2.4.4.${oid}`, code, display }
    : { system: `urn:oid:2.16.840.1.113883.2.4.4.${oid}`, code };
const route = g('9', '2', 'intramusculair');
const [arm, thigh] = [sct('40983000', 'bovenarm'), sct('68367000', 'bovenbeen')];
const [left, right] = [sct('7771000', 'links'), sct('24028007', 'rechts')];
const tetanus = sct('76902006', 'Tetanus (aandoening)');
const rvp = sct('159731000146104', 'Immunisatie nodig vanuit rijksvaccinatieprogramma (situatie)');
const programme = sct('159741000146107', 'Immunisatie nodig vanuit vaccinatieprogramma (situatie)');
const covid = sct('840539006', 'COVID-19');
const sarsCov2 = sct(
  '28531000087107',
  "vaccin tegen 'Severe acute respiratory syndrome'-coronavirus 2",
);

interface Product {
  codes: C[];
  display: string;
  diseases: C[];
  ml: string;
  months: number;
}
const rvpProducts: Product[] = [
  {
    codes: [g('10', '74691', 'Infanrix hexa Injsusp Wwsp 0,5ml')],
    display: 'Infanrix hexa Injsusp Wwsp 0,5ml',
    diseases: [tetanus, sct('128241005', 'Hepatitis (aandoening)')],
    ml: '0.5',
    months: 3,
  },
  {
    codes: [sct('836398006', 'vaccin met antigeen van Streptococcus pneumoniae')],
    display: 'Pneumokokkenvaccin',
    diseases: [sct('16814004', 'Infectieziekte door Streptococcus pneumoniae (aandoening)')],
    ml: '0.5',
    months: 5,
  },
  {
    codes: [g('1', '130699', 'BOF/MAZELEN/RUBELLAVACCIN 1 DOSIS (MMRVAXPRO)')],
    display: 'BOF/MAZELEN/RUBELLAVACCIN 1 DOSIS (MMRVAXPRO)',
    diseases: [sct('14189004', 'Measles')],
    ml: '0.5',
    months: 14,
  },
  {
    codes: [g('1', '139696', 'MENINGOKOKKENVACCIN ACWY INJPDR (NIMENRIX)')],
    display: 'MENINGOKOKKENVACCIN ACWY INJPDR (NIMENRIX)',
    diseases: [sct('23511006', 'Meningococcal infectious disease')],
    ml: '0.5',
    months: 14,
  },
  {
    codes: [
      sct(
        '871878002',
        'vaccin met uitsluitend antigenen van Corynebacterium diphtheriae, Bordetella ' +
          'pertussis, Clostridium tetani en humaan poliovirus',
      ),
    ],
    display: 'DKTP-vaccin',
    diseases: [tetanus],
    ml: '0.5',
    months: 48,
  },
  {
    codes: [g('1', '116602', 'DTP VACCIN (REVAXIS)')],
    display: 'DTP VACCIN (REVAXIS)',
    diseases: [tetanus],
    ml: '0.5',
    months: 108,
  },
  {
    codes: [sct('836379009', 'vaccin met antigeen van humaan papillomavirus')],
    display: 'HPV-vaccin',
    diseases: [sct('240532009', 'Human papilloma virus infection')],
    ml: '0.5',
    months: 120,
  },
  { codes: [], display: 'DKTP-HIB-VACCIN', diseases: [tetanus], ml: '0.5', months: 2 },
];
const covidProducts: Product[] = [
  {
    codes: [
      g('7', '2924528', 'COVID-19 VACCIN PFIZER INJVLST 0,3ML'),
      g('10', '206784'),
      g('1', '184284'),
      sarsCov2,
    ],
    display: 'COVID-19 VACCIN PFIZER INJVLST 0,3ML',
    diseases: [covid],
    ml: '0.3',
    months: 0,
  },
  {
    codes: [g('7', '2924536', 'COVID-19 VACCIN MODERNA INJVLST 0,5ML'), sarsCov2],
    display: 'COVID-19 VACCIN MODERNA INJVLST 0,5ML',
    diseases: [covid],
    ml: '0.5',
    months: 0,
  },
  {
    codes: [g('7', '2978636', 'COVID-19 VACCIN MODERNA INJVLST 0,25ML'), sarsCov2],
    display: 'COVID-19 VACCIN MODERNA INJVLST 0,25ML',
    diseases: [covid],
    ml: '0.25',
    months: 0,
  },
  {
    codes: [g('7', '2925508', 'COVID-19 VACCIN ASTRAZENECA INJVLST'), sarsCov2],
    display: 'COVID-19 VACCIN ASTRAZENECA INJVLST',
    diseases: [covid],
    ml: '0.5',
    months: 0,
  },
];

const givenNames = [
  'Emma',
  'Daan',
  'Sophie',
  'Lucas',
  'Julia',
  'Sem',
  'Tess',
  'Noah',
  'Anna',
  'Finn',
];
const familyNames = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Yılmaz',
];
const cities = ['Utrecht', 'Amsterdam', 'Leiden', 'Nijmegen', 'Zwolle', 'Groningen'];

/** A small deterministic PRNG (mulberry32), so every run writes the same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th nine-digit number passing the 11-test, from 20000000x upwards. */
function* bsns(): Generator<string> {
  for (let prefix = 20_000_000; ; prefix += 1) {
    const digits = String(prefix);
    let sum = 0;
    for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
    const check = sum % 11;
    if (check < 10) yield `${digits}${check}`;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function writeSyntheticExtract(path: string, o: SyntheticOptions): Promise<void> {
  const rand = random(20240501);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const extractedAt = o.extractedAt ?? new Date('2024-05-01T02:00:00Z');
  const fields = fieldsOf(o.registry).map((f) => f);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const header = { registry: o.registry, extractedAt };
  if (o.format === 'csv') {
    await write(`${csvPreamble(header)}\n${csvLine(fields.map((f) => f.name))}\n`);
  } else await write(`${ndjsonHeader(header)}\n`);

  const cims = o.registry === 'CIMS';
  const products = cims ? covidProducts : rvpProducts;
  const bsn = bsns();
  const perCitizen = Math.max(1, Math.round(o.rows / o.citizens));
  let citizen: Row = {};
  let born = new Date();
  for (let n = 0; n < o.rows; n += 1) {
    const k = n % perCitizen;
    if (k === 0) {
      const year = cims ? 1940 + Math.floor(rand() * 65) : 1995 + Math.floor(rand() * 25);
      born = new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
      citizen = {
        bsn: bsn.next().value,
        birth_date: iso(born),
        gender: rand() < 0.5 ? 'female' : 'male',
        given_names: pick(givenNames),
        initials: 'X.',
        family_name: pick(familyNames),
        name_usage: 'E',
      };
    }
    const product = products[k % products.length]!;
    const at = cims
      ? new Date(Date.UTC(2021, 2, 1) + Math.floor(rand() * 700) * 86_400_000 + 36_000_000)
      : new Date(
          born.getTime() +
            (product.months + Math.floor(k / products.length) * 12) * 30.4 * 86_400_000,
        );
    const occurrence = at > extractedAt ? new Date(extractedAt.getTime() - 86_400_000) : at;
    // Each professional works for one organisation, at one of its five locations.
    const professional = Math.floor(rand() * 500);
    const org = professional % 60;
    const location = org * 5 + Math.floor(rand() * 5);
    const row: Row = {
      ...citizen,
      source_record_id: cims ? `c0ffee00-0000-4000-8000-${pad(n, 12)}` : `PRV-${pad(n, 12)}`,
      status: 'completed',
      product_codes: product.codes,
      product_display: product.display,
      occurrence: cims ? occurrence.toISOString().replace('.000Z', 'Z') : iso(occurrence),
      dose_number: 1 + Math.floor(k / products.length),
      lot_number: `L${pad(Math.floor(rand() * 1e6), 6)}`,
      route,
      site: !cims && product.months < 24 ? thigh : arm,
      laterality: rand() < 0.8 ? left : right,
      dose_quantity: product.ml,
      dose_unit: 'mL',
      organization_ura: pad(90_000_100 + org, 8),
      organization_name: `${org < 25 ? 'GGD' : 'JGZ'} regio ${cities[org % cities.length]} ${org}`,
      professional_uzi: pad(900_010_000 + professional, 9),
      professional_family_name: familyNames[professional % familyNames.length],
      professional_specialty: {
        system: 'http://fhir.nl/fhir/NamingSystem/uzi-rolcode',
        code: '30.000',
        display: 'Verpleegkundige',
      },
      location_key: `LOC-${pad(location, 4)}`,
      location_name: `Vaccinatielocatie ${location}`,
      location_city: cities[location % cities.length],
      target_diseases: product.diseases,
      reason_motives: [cims ? programme : rvp],
      recorded_at: new Date(occurrence.getTime() + 3_600_000).toISOString(),
      ...(cims ? { consent_to_share: rand() < 0.9 } : {}),
    };
    await write(
      o.format === 'csv'
        ? `${csvLine(fields.map((f) => cell(row[f.name], f.kind)))}\n`
        : `${JSON.stringify(row)}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

function cell(value: unknown, kind: string): string {
  if (value === undefined || value === null) return '';
  if (kind === 'coding') return formatCodings([value as C]);
  if (kind === 'codings') return formatCodings(value as C[]);
  return String(value);
}
