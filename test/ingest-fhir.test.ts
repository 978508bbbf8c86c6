// Importing FHIR resources (docs/ingest-formats.md, "FHIR"): a Bundle in JSON or XML, NDJSON and
// a single resource all import; a contained Location and urn:uuid references resolve; an entry
// whose Patient has a masked BSN is rejected by entry number; importing twice writes nothing;
// the CLI infers the format; the documented example is the fixture.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fhir } from 'fhir';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { fixture, importFile, rowVersions } from './support/ingestRuns.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let scratch: string;
let bundle: Json;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-ingest-fhir-'));
  bundle = JSON.parse(await readFile(fixture('fhir-bundle.json'), 'utf8'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const resources = () => (structuredClone(bundle).entry as Json[]).map((e) => e.resource as Json);
const byType = (list: Json[], type: string) => list.find((r) => r.resourceType === type)!;

async function write(name: string, text: string) {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
}

/** Resources with `Patient/p1` references instead of the Bundle's urn:uuid. */
function plain(list: Json[]) {
  for (const r of list)
    if (r.resourceType === 'Immunization') r.patient = { reference: 'Patient/p1' };
  return list;
}

describe.each(databaseKinds)('importing FHIR into %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  const stored = () =>
    t.database.prisma.vaccination.findMany({
      include: { citizen: true, product: true, location: true, performerOrganization: true },
      orderBy: { sourceRecordId: 'asc' },
    });

  it('imports a JSON Bundle, its contained Location and urn:uuid references included', async () => {
    const { summary, rejected } = await importFile(
      t.database,
      fixture('fhir-bundle.json'),
      'PRAEVENTIS',
      'fhir',
    );
    expect(rejected).toEqual([]);
    expect(summary).toMatchObject({ rows: 1, extractedAt: '2024-05-01T04:00:00.000Z' });
    expect(summary.counts.inserted).toBe(1);
    const [row, ...others] = await stored();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      source: 'PRAEVENTIS',
      sourceRecordId: 'PRV-2021-0001',
      status: 'COMPLETED',
      occurrence: new Date('2021-06-01T08:15:00Z'),
      doseNumber: 1,
      lotNumber: 'FK5618',
      citizen: { bsn: '999990433', familyName: 'Bakker', givenNames: 'Sanne', gender: 'FEMALE' },
      product: { hpk: '2924528' },
      performerOrganization: { ura: '90000301', name: 'GGD Utrecht' },
      location: { sourceKey: 'praeventis:i1-loc', name: 'Prikpost Jaarbeurs' },
    });
    expect(row!.location!.address).toEqual([{ line: ['Jaarbeursplein 6'], city: 'Utrecht' }]);
  });

  it('writes nothing when the same Bundle is imported again', async () => {
    const before = await rowVersions(t.database);
    const { summary } = await importFile(
      t.database,
      fixture('fhir-bundle.json'),
      'PRAEVENTIS',
      'fhir',
    );
    expect(summary.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await rowVersions(t.database)).toEqual(before);
  });

  it('imports a Bundle in XML', async () => {
    const b = structuredClone(bundle);
    b.entry[3].resource.identifier[0].value = 'PRV-XML';
    const path = await write('bundle.xml', new Fhir().objToXml(b));
    const { rejected, summary } = await importFile(t.database, path, 'PRAEVENTIS', 'fhir');
    expect(rejected).toEqual([]);
    expect(summary.counts.inserted).toBe(1);
    expect((await stored()).map((r) => r.sourceRecordId)).toContain('PRV-XML');
  });

  it('imports NDJSON, one resource a line, and rejects by line number', async () => {
    const list = plain(resources());
    const second = structuredClone(byType(list, 'Immunization'));
    second.id = 'i2';
    second.identifier[0].value = 'PRV-NDJSON';
    const masked = structuredClone(byType(list, 'Patient'));
    masked.id = 'p2';
    masked.identifier = [
      {
        system: 'http://fhir.nl/fhir/NamingSystem/bsn',
        _value: {
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
              valueCode: 'masked',
            },
          ],
        },
      },
    ];
    const third: Json = { ...structuredClone(second), id: 'i3' };
    third.patient = { reference: 'Patient/p2' };
    third.identifier = [{ ...second.identifier[0], value: 'PRV-MASKED' }];
    const lines = [...list, second, masked, third, 'not json'];
    const path = await write(
      'resources.ndjson',
      lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
    );
    const { rejected, summary } = await importFile(t.database, path, 'PRAEVENTIS', 'fhir');
    expect(rejected).toEqual([
      { line: 7, problems: [{ field: 'patient', message: expect.stringMatching(/masked/) }] },
      { line: 8, problems: [{ field: '', message: 'not a FHIR resource in JSON' }] },
    ]);
    expect(summary.counts).toMatchObject({ inserted: 1, unchanged: 1, rejected: 2 });
    expect((await stored()).map((r) => r.sourceRecordId)).toContain('PRV-NDJSON');
  });

  it('rejects a Bundle entry whose Patient BSN is masked, by entry number', async () => {
    const b = structuredClone(bundle);
    delete b.entry[0].resource.identifier[0].value;
    const path = await write('masked.json', JSON.stringify(b));
    const { rejected } = await importFile(t.database, path, 'PRAEVENTIS', 'fhir');
    expect(rejected).toEqual([
      { line: 4, problems: [{ field: 'patient', message: expect.stringMatching(/no BSN/) }] },
    ]);
  });

  it('imports a single Immunization resource with what it refers to contained', async () => {
    const list = resources();
    const imm = byType(list, 'Immunization');
    const contained = ['Patient', 'Medication', 'Organization'].map((t) => byType(list, t));
    imm.contained.push(...contained);
    imm.identifier[0].value = 'PRV-SINGLE';
    imm.patient = { reference: '#p1' };
    imm.performer[0].actor = { reference: '#ggd' };
    imm.extension[0].valueReference = { reference: '#comirnaty' };
    const path = await write('single.json', JSON.stringify(imm));
    const { rejected, summary } = await importFile(t.database, path, 'PRAEVENTIS', 'fhir');
    expect(rejected).toEqual([]);
    expect(summary.counts.inserted).toBe(1);
    const row = (await stored()).find((r) => r.sourceRecordId === 'PRV-SINGLE');
    expect(row).toMatchObject({
      citizen: { bsn: '999990433' },
      lotNumber: 'FK5618',
      performerOrganization: { ura: '90000301' },
      location: { sourceKey: 'praeventis:i1-loc' },
    });
  });

  it('rejects a single Immunization in XML whose Patient is not in the input', async () => {
    const imm = byType(plain(resources()), 'Immunization');
    imm.identifier[0].value = 'PRV-ALONE';
    // Without the Patient in the input the BSN is unknown: rejected, as entry 1.
    const path = await write('alone.xml', new Fhir().objToXml(imm));
    const { rejected } = await importFile(t.database, path, 'PRAEVENTIS', 'fhir');
    expect(rejected.map((r) => r.line)).toEqual([1]);
  });
});

describe('the FHIR format on the command line and in the docs', () => {
  it('infers fhir from .json and from NDJSON that holds resources', async () => {
    const bin = fileURLToPath(new URL('../bin/entpoort.js', import.meta.url));
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: join(scratch, 'cli-data') };
    const run = (file: string) =>
      spawnSync(process.execPath, [bin, 'import', '--registry', 'praeventis', file], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const json = run(fixture('fhir-bundle.json'));
    expect(json.stderr).not.toMatch(/--format/);
    expect(JSON.parse(json.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      event: 'import.done',
      rows: 1,
    });
    const path = await write(
      'inferred.ndjson',
      resources()
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const ndjson = run(path);
    expect(JSON.parse(ndjson.stdout.trim().split('\n').at(-1)!)).toMatchObject({ rows: 1 });
  });

  it('shows the FHIR example file as it is', async () => {
    const docs = await readFile(new URL('../docs/ingest-formats.md', import.meta.url), 'utf8');
    const block = /<!-- example: (\S+) -->\n```json\n([\s\S]*?)```/.exec(docs);
    expect(block?.[1]).toBe('test/fixtures/ingest/fhir-bundle.json');
    expect(block?.[2]).toBe(await readFile(fixture('fhir-bundle.json'), 'utf8'));
  });
});
