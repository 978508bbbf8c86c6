// Importing extracts into a database: what is inserted, that a second import of the same
// records writes nothing at all, that a changed record is updated in place and a registry
// retraction marks it entered-in-error, that a repeated record id is rejected, that the demo
// data's reference rows are reused, and that each run leaves one audit entry with counts only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDataIfEmpty } from '../src/dev/demo/seed.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { fixture, importFile, ndjsonVariant, rowVersions } from './support/ingestRuns.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-ingest-import-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(databaseKinds)('importing extracts into %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  it('inserts records, citizens and reference rows, stamped with the extract time', async () => {
    const { summary, rejected } = await importFile(t.database, fixture('cims.csv'), 'CIMS');
    expect(rejected).toEqual([]);
    expect(summary.counts).toEqual({
      inserted: 3,
      updated: 0,
      unchanged: 0,
      retracted: 1,
      rejected: 0,
    });
    expect(summary.citizens).toEqual({ inserted: 2, updated: 0 });
    const { prisma } = t.database;
    const stamp = new Date('2024-05-01T02:00:00Z');
    const rows = await prisma.vaccination.findMany({
      where: { source: 'CIMS' },
      include: { citizen: true, product: true, location: true, performerRole: true },
      orderBy: { occurrence: 'asc' },
    });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.version === 1 && r.updatedAt.getTime() === stamp.getTime())).toBe(
      true,
    );
    const [retracted] = rows;
    expect(retracted).toMatchObject({
      status: 'ENTERED_IN_ERROR',
      retractedAt: new Date('2021-04-06T06:12:00Z'),
      retractionReason: 'Geregistreerd bij de verkeerde persoon',
      consentToShare: false,
    });
    const first = rows[1]!;
    expect(first.citizen).toMatchObject({
      familyName: 'Jansen',
      nameUsage: 'OWN_PARTNER',
      createdAt: stamp,
    });
    expect(first.product.productKey).toBe('urn:oid:2.16.840.1.113883.2.4.4.7|2924528');
    expect(first.location?.sourceKey).toBe('cims:LOC-UT-0042');
    expect(first.performerRole?.roleKey).toBe('uzi:900010031|ura:90000101|01.055');
    expect(first.doseQuantity?.toString()).toBe('0.3');
    expect(first.route).toEqual({
      system: 'urn:oid:2.16.840.1.113883.2.4.4.9',
      code: '2',
      display: 'intramusculair',
    });
  });

  it('writes nothing when the same records come again, in the other format', async () => {
    const before = await rowVersions(t.database);
    const { summary } = await importFile(t.database, fixture('cims.ndjson'), 'CIMS');
    expect(summary.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(summary.citizens).toEqual({ inserted: 0, updated: 0 });
    expect(await rowVersions(t.database)).toEqual(before);
  });

  it('updates a changed record in place, version + 1, and leaves the others alone', async () => {
    const { prisma } = t.database;
    const id = '8c41d2a7-6e0f-4b39-a5c8-1f7e3d902b64';
    const old = await prisma.vaccination.findFirstOrThrow({ where: { sourceRecordId: id } });
    const path = await ndjsonVariant(
      'cims.ndjson',
      join(scratch, 'changed.ndjson'),
      '2024-06-01T02:00:00Z',
      (rows) => rows.map((r) => (r.source_record_id === id ? { ...r, lot_number: 'FE2091' } : r)),
    );
    const { summary } = await importFile(t.database, path, 'CIMS');
    expect(summary.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const now = await prisma.vaccination.findFirstOrThrow({ where: { sourceRecordId: id } });
    expect(now).toMatchObject({
      id: old.id,
      lotNumber: 'FE2091',
      version: 2,
      updatedAt: new Date('2024-06-01T02:00:00Z'),
    });
    expect(now.sourceHash).not.toBe(old.sourceHash);
    expect(await prisma.vaccination.count({ where: { source: 'CIMS', version: 1 } })).toBe(3);
  });

  it('marks a record the registry retracted as entered-in-error', async () => {
    await importFile(t.database, fixture('praeventis.csv'), 'PRAEVENTIS');
    const id = 'PRV-000412738906';
    const path = await ndjsonVariant(
      'praeventis.ndjson',
      join(scratch, 'retracted.ndjson'),
      '2024-06-02T03:30:00Z',
      (rows) =>
        rows.map((r) =>
          r.source_record_id === id
            ? {
                ...r,
                retracted: true,
                retracted_at: '2024-05-20T10:00:00+02:00',
                retraction_reason: 'Dubbel geregistreerd',
              }
            : r,
        ),
    );
    const { summary } = await importFile(t.database, path, 'PRAEVENTIS');
    expect(summary.counts).toMatchObject({ retracted: 1, updated: 0, unchanged: 4 });
    const row = await t.database.prisma.vaccination.findFirstOrThrow({
      where: { sourceRecordId: id },
    });
    expect(row).toMatchObject({
      status: 'ENTERED_IN_ERROR',
      retractedAt: new Date('2024-05-20T08:00:00Z'),
      retractionReason: 'Dubbel geregistreerd',
      version: 2,
    });
  });

  it('rejects a record id repeated with other content; an exact repeat is unchanged', async () => {
    const path = await ndjsonVariant(
      'praeventis.ndjson',
      join(scratch, 'repeated.ndjson'),
      '2024-06-03T03:30:00Z',
      (rows) => [
        { ...rows[0]!, lot_number: 'NEW-1' },
        rows[1]!,
        { ...rows[0]!, lot_number: 'NEW-2' },
        { ...rows[0]!, lot_number: 'NEW-1' },
      ],
    );
    const { summary, rejected } = await importFile(t.database, path, 'PRAEVENTIS');
    expect(summary.counts).toMatchObject({ updated: 2, unchanged: 1, rejected: 1 });
    expect(rejected).toEqual([
      { line: 4, problems: [{ field: 'source_record_id', message: expect.any(String) }] },
    ]);
    const row = await t.database.prisma.vaccination.findFirstOrThrow({
      where: { sourceRecordId: 'PRV-000412738905' },
    });
    expect(row.lotNumber).toBe('NEW-1');
  });

  it('leaves one audit entry per run, with counts and no personal data', async () => {
    const entries = await t.database.prisma.auditEntry.findMany({
      where: { action: 'import.run' },
      orderBy: { id: 'asc' },
    });
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.actorKind === 'SYSTEM' && e.actorId === 'import')).toBe(true);
    expect(entries.every((e) => e.outcome === 'SUCCESS' && e.citizenId === null)).toBe(true);
    expect(entries[1]!.disclosed).toEqual({
      registry: 'CIMS',
      format: 'ndjson',
      extractedAt: '2024-05-01T02:00:00.000Z',
      rows: 4,
      inserted: 0,
      updated: 0,
      unchanged: 4,
      retracted: 0,
      rejected: 0,
      citizensInserted: 0,
      citizensUpdated: 0,
    });
    const text = JSON.stringify(entries.map((e) => e.disclosed));
    for (const personal of ['999990202', '999990226', 'Jansen', 'Visser', 'cims.csv']) {
      expect(text).not.toContain(personal);
    }
  });

  it('records a failed run as one FAILURE entry', async () => {
    await expect(importFile(t.database, fixture('cims.csv'), 'PRAEVENTIS', 'csv')).rejects.toThrow(
      /comes from CIMS/,
    );
    const last = await t.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'import.run' },
      orderBy: { id: 'desc' },
    });
    expect(last.outcome).toBe('FAILURE');
    expect(await t.database.prisma.auditEntry.count({ where: { action: 'import.run' } })).toBe(7);
  });

  it('updates a citizen whose data changed, and only that one', async () => {
    const { prisma } = t.database;
    const path = await ndjsonVariant(
      'cims.ndjson',
      join(scratch, 'renamed.ndjson'),
      '2024-06-01T04:00:00Z',
      (rows) => {
        const bsn = rows[0]!.bsn;
        return rows.map((r) => (r.bsn === bsn ? { ...r, partner_name: 'Bakker-de Wit' } : r));
      },
    );
    const before = await prisma.citizen.findMany({ orderBy: { bsn: 'asc' } });
    const { summary } = await importFile(t.database, path, 'CIMS');
    expect(summary.citizens).toEqual({ inserted: 0, updated: 1 });
    expect(summary.counts).toMatchObject({ inserted: 0, rejected: 0 });
    const after = await prisma.citizen.findMany({ orderBy: { bsn: 'asc' } });
    const changed = after.filter(
      (c, i) => c.updatedAt.getTime() !== before[i]!.updatedAt.getTime(),
    );
    expect(changed.map((c) => [c.partnerName, c.updatedAt])).toEqual([
      ['Bakker-de Wit', new Date('2024-06-01T04:00:00Z')],
    ]);
  });
});

describe.each(databaseKinds)('importing next to the demo data on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemoDataIfEmpty(t.database.prisma);
  });
  afterAll(async () => t?.drop());

  it('reuses the demo rows with the same natural keys', async () => {
    const { prisma } = t.database;
    const products = await prisma.vaccineProduct.count();
    const organizations = await prisma.organization.count();
    await importFile(t.database, fixture('cims.csv'), 'CIMS');
    await importFile(t.database, fixture('praeventis.csv'), 'PRAEVENTIS');
    // Every product and organisation in the examples is one the demo data has.
    const keys = [
      'urn:oid:2.16.840.1.113883.2.4.4.7|2924528',
      'urn:oid:2.16.840.1.113883.2.4.4.10|74691',
      'urn:oid:2.16.840.1.113883.2.4.4.1|130699',
      'text|DKTP-HIB-VACCIN',
    ];
    for (const productKey of keys) {
      expect(await prisma.vaccineProduct.count({ where: { productKey } })).toBe(1);
    }
    expect(await prisma.vaccineProduct.count()).toBe(products);
    expect(await prisma.organization.count()).toBe(organizations);
    const kok = await prisma.professional.findMany({ where: { agb: '01900011' } });
    expect(kok).toHaveLength(1);
    expect(
      await prisma.professionalRole.count({
        where: { roleKey: 'agb:01900011|ura:90000201|01.070' },
      }),
    ).toBe(1);
  });
});
