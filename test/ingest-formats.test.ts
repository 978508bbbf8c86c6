// The documented extract formats (docs/ingest-formats.md): the example files parse, CSV and
// NDJSON of the same records give the same neutral records and source hashes, bad rows are
// rejected with their line and field but without the values, and the natural keys follow the
// demo data's conventions.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  products as demoProducts,
  productKey as demoProductKey,
} from '../src/dev/demo/products.ts';
import { openExtract, type ExtractFormat } from '../src/ingest/extract.ts';
import { formatCodings, parseCodings } from '../src/ingest/formats/codingText.ts';
import { createCsvSplitter } from '../src/ingest/formats/csvRecords.ts';
import type { ReadItem } from '../src/ingest/formats/readItem.ts';
import { productKey } from '../src/ingest/keys.ts';
import type { IncomingRecord, Registry } from '../src/ingest/model.ts';
import { sourceHash } from '../src/ingest/sourceHash.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/ingest/${name}`, import.meta.url));

async function readAll(path: string, format: ExtractFormat, registry: Registry) {
  const extract = await openExtract(path, format, registry);
  const items: ReadItem[] = [];
  for await (const item of extract.items) items.push(item);
  return items;
}

const records = (items: ReadItem[]) =>
  items.map((i) => {
    if (!i.ok) throw new Error(`line ${i.line}: ${JSON.stringify(i.problems)}`);
    return i.record;
  });

const content = ({ line: _line, raw: _raw, ...rest }: IncomingRecord) => rest;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-ingest-formats-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each([
  ['cims', 'CIMS', 4],
  ['praeventis', 'PRAEVENTIS', 5],
] as const)('the %s examples', (name, registry, count) => {
  it('parse without rejects, CSV and NDJSON to the same records and hashes', async () => {
    const csv = records(await readAll(fixture(`${name}.csv`), 'csv', registry));
    const ndjson = records(await readAll(fixture(`${name}.ndjson`), 'ndjson', registry));
    expect(csv).toHaveLength(count);
    expect(csv.map(content)).toEqual(ndjson.map(content));
    expect(csv.map((r) => sourceHash(registry, r))).toEqual(
      ndjson.map((r) => sourceHash(registry, r)),
    );
    // Line numbers: the header (and for CSV the field names) come first.
    expect(csv.map((r) => r.line)).toEqual([...Array(count).keys()].map((i) => i + 3));
    expect(ndjson.map((r) => r.line)).toEqual([...Array(count).keys()].map((i) => i + 2));
  });

  it('refuse to be read as the other registry', async () => {
    const other = registry === 'CIMS' ? 'PRAEVENTIS' : 'CIMS';
    await expect(openExtract(fixture(`${name}.csv`), 'csv', other)).rejects.toThrow(/comes from/);
  });
});

describe('what the examples say', () => {
  it('CIMS: consent, a retraction, instants and product codes', async () => {
    const [first, , booster, retracted] = records(
      await readAll(fixture('cims.ndjson'), 'ndjson', 'CIMS'),
    );
    expect(first!.vaccination).toMatchObject({
      occurrencePrecision: 'SECOND',
      occurrence: new Date('2021-05-10T08:15:00Z'),
      consentToShare: true,
      doseQuantity: '0.300',
      retraction: null,
    });
    expect(first!.product).toMatchObject({ hpk: '2924528', prk: '206784', gpk: '184284' });
    expect(productKey(first!.product)).toBe('urn:oid:2.16.840.1.113883.2.4.4.7|2924528');
    expect(first!.citizen.nameUsage).toBe('OWN_PARTNER');
    expect(booster!.vaccination.note).toMatch(/koorts/);
    expect(retracted!.vaccination.consentToShare).toBe(false);
    expect(retracted!.vaccination.retraction).toEqual({
      at: new Date('2021-04-06T06:12:00Z'),
      reason: 'Geregistreerd bij de verkeerde persoon',
    });
  });

  it('Praeventis: day, month and year precision and a product known by text only', async () => {
    const rows = records(await readAll(fixture('praeventis.csv'), 'csv', 'PRAEVENTIS'));
    expect(rows.map((r) => r.vaccination.occurrencePrecision)).toEqual([
      'DAY',
      'DAY',
      'DAY',
      'MONTH',
      'YEAR',
    ]);
    expect(rows[3]!.vaccination.occurrence).toEqual(new Date('1994-10-01T00:00:00Z'));
    expect(productKey(rows[3]!.product)).toBe('text|DKTP-HIB-VACCIN');
    expect(rows.every((r) => r.vaccination.consentToShare === null)).toBe(true);
    expect(rows[0]!.professional).toMatchObject({ agb: '01900011', uzi: null });
    expect(rows[3]!.organization).toBeNull();
  });
});

describe('natural keys', () => {
  it('give every demo product the key the demo seed gives it', () => {
    for (const product of Object.values(demoProducts)) {
      const code = (system: string) => product.codings.find((c) => c.system === system);
      const incoming = {
        display: product.display,
        hpk: code('urn:oid:2.16.840.1.113883.2.4.4.7')?.code ?? null,
        prk: code('urn:oid:2.16.840.1.113883.2.4.4.10')?.code ?? null,
        gpk: code('urn:oid:2.16.840.1.113883.2.4.4.1')?.code ?? null,
        zi: code('urn:oid:2.16.840.1.113883.2.4.4.8')?.code ?? null,
        snomed: code('http://snomed.info/sct') ?? null,
        atc: code('http://www.whocc.no/atc') ?? null,
        description: null,
      };
      expect(productKey(incoming)).toBe(demoProductKey(product));
    }
  });
});

describe('codings as CSV text', () => {
  it('round-trip, with escaped separators', () => {
    const codings = [
      { system: 'http://snomed.info/sct', code: '1', display: 'a|b;c\\d' },
      { system: 'urn:oid:1.2', code: '2' },
    ];
    const text = formatCodings(codings);
    expect(text).toBe('http://snomed.info/sct|1|a\\|b\\;c\\\\d;urn:oid:1.2|2');
    expect(parseCodings(text)).toEqual(codings);
    expect(parseCodings('only-one-part')).toBeNull();
    expect(parseCodings('')).toEqual([]);
  });
});

describe('the CSV splitter', () => {
  const tricky =
    '\uFEFF#comment, with "quotes\r\nname,note\r\n\r\n' +
    'a,"line one\nline two"\n"quoted ""x""",\n#another\n' +
    'b,"ends, with comma"\nc,last-without-newline';

  it('reads what csv-parse reads, in chunks of any size', () => {
    const expected = parse(tricky, {
      bom: true,
      comment: '#',
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
    });
    for (const size of [1, 2, 3, 7, 64, tricky.length]) {
      const splitter = createCsvSplitter();
      const out = [];
      for (let at = 0; at < tricky.length; at += size) {
        out.push(...splitter.push(tricky.slice(at, at + size)));
      }
      out.push(...splitter.end());
      expect(out.map((r) => r.fields)).toEqual(expected);
      expect(out.map((r) => r.line)).toEqual([2, 4, 6, 8, 9]);
    }
  });

  it('rejects a malformed row alone and goes on at the next line', () => {
    const splitter = createCsvSplitter();
    const out = [...splitter.push('a,b\nx,y"z\n"q"r,s\nok,1\n'), ...splitter.end()];
    expect(out.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, null],
      [3, null],
      [4, ['ok', '1']],
    ]);
  });
});

describe('bad rows', () => {
  it('are rejected with line number and field, and without their values', async () => {
    const lines = (await import('node:fs/promises'))
      .readFile(fixture('cims.csv'), 'utf8')
      .then((t) => t.split('\n'));
    const [preamble, header, good] = await lines;
    const names = header!.split(',');
    const cells = parse(good!)[0] as string[];
    const variant = (changes: Record<string, string>) =>
      names
        .map((n, i) => (n in changes ? changes[n]! : cells[i]!))
        .map(quote)
        .join(',');
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const bad = [
      preamble,
      header,
      variant({ bsn: '999990203' }), // line 3: fails the 11-test
      variant({ birth_date: '1961-02-30', source_record_id: 'id-2' }), // line 4
      variant({ route: 'urn:oid:1.2.3|2', source_record_id: 'id-3' }), // line 5: wrong system
      variant({ retracted: 'true', source_record_id: 'id-4' }), // line 6: no retracted_at
      variant({ consent_to_share: 'yes', source_record_id: 'id-5' }), // line 7
      'too,few,fields', // line 8
      variant({ source_record_id: 'id-6', note: 'a "quoted" note' }), // line 9: fine
      `${cells[0]},x"y${','.repeat(names.length - 2)}`, // line 10: a stray quote
      variant({ occurrence: '2030-01-01', source_record_id: 'id-7' }), // line 11: future
    ].join('\n');
    const path = join(scratch, 'bad.csv');
    await writeFile(path, `${bad}\n`);

    const items = await readAll(path, 'csv', 'CIMS');
    const rejected = items.filter((i) => !i.ok);
    const summary = rejected.map((i) => [i.line, i.problems.map((p) => p.field)]);
    expect(summary).toEqual([
      [3, ['bsn']],
      [4, ['birth_date']],
      [5, ['route.system']],
      [6, ['retracted_at']],
      [7, ['consent_to_share']],
      [8, ['']],
      [10, ['']],
      [11, ['occurrence']],
    ]);
    expect(items.filter((i) => i.ok).map((i) => (i.ok ? i.record.line : 0))).toEqual([9]);
    const messages = JSON.stringify(rejected.map((i) => i.problems));
    for (const personal of ['999990203', '999990202', 'Jansen', 'Johanna', '1961']) {
      expect(messages).not.toContain(personal);
    }
  });

  it('NDJSON: not JSON, not an object, unknown fields', async () => {
    const [header, good] = (
      await (await import('node:fs/promises')).readFile(fixture('praeventis.ndjson'), 'utf8')
    ).split('\n');
    const row = JSON.parse(good!);
    const path = join(scratch, 'bad.ndjson');
    const lines = [
      header,
      '{"bsn": "9999902',
      '[1,2]',
      JSON.stringify({ ...row, favourite_colour: 'blue' }),
      '',
      JSON.stringify({ ...row, dose_quantity: 0.12345 }),
      JSON.stringify(row),
    ];
    await writeFile(path, lines.join('\n'));
    const items = await readAll(path, 'ndjson', 'PRAEVENTIS');
    expect(items.map((i) => (i.ok ? [i.record.line] : [i.line, i.problems[0]!.message]))).toEqual([
      [2, 'not valid JSON'],
      [3, 'not a JSON object'],
      [4, expect.stringMatching(/favourite_colour/)],
      [6, expect.stringMatching(/decimal/)],
      [7],
    ]);
  });
});

describe('reading is streamed', () => {
  it('takes any Readable and yields as it goes', async () => {
    const { readNdjson } = await import('../src/ingest/formats/ndjsonReader.ts');
    const header = { registry: 'PRAEVENTIS' as const, extractedAt: new Date('2024-05-01') };
    const items = readNdjson(Readable.from(['{"x":1}\n', 'nope\n']), 'PRAEVENTIS', header);
    const first = await items.next(); // line 1 is the header, skipped
    expect(first.value).toMatchObject({ ok: false, line: 2 });
  });
});

describe('docs/ingest-formats.md', () => {
  it('shows the example files as they are', async () => {
    const { readFile } = await import('node:fs/promises');
    const docs = await readFile(new URL('../docs/ingest-formats.md', import.meta.url), 'utf8');
    const blocks = [...docs.matchAll(/```\w+ file=(\S+)\n([\s\S]*?)```/g)];
    expect(blocks.map((b) => b[1])).toEqual([
      'test/fixtures/ingest/cims.csv',
      'test/fixtures/ingest/cims.ndjson',
      'test/fixtures/ingest/praeventis.csv',
      'test/fixtures/ingest/praeventis.ndjson',
    ]);
    for (const [, file, text] of blocks) {
      expect(text).toBe(await readFile(new URL(`../${file}`, import.meta.url), 'utf8'));
    }
  });
});
