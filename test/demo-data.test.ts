import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens } from '../src/dev/demo/expand.ts';
import { seedDemoDataIfEmpty } from '../src/dev/demo/seed.ts';
import { ageOn, MINIMUM_DISCLOSURE_AGE } from '../src/rules/age.ts';
import { isValidBsn } from '../src/rules/bsn.ts';
import type { Vaccination } from '../src/store/generated/client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

const today = new Date();
const sct = 'http://snomed.info/sct';
const gStandaard = {
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
};
type Coding = { system: string; code: string };

/** The disclosure rule as the demo data means to illustrate it. */
function disclosable(v: Vaccination, birthDate: Date): boolean {
  return (
    ageOn(birthDate, today) >= MINIMUM_DISCLOSURE_AGE &&
    v.status === 'COMPLETED' &&
    v.retractedAt === null &&
    (v.source === 'PRAEVENTIS' || v.consentToShare === true)
  );
}

describe('demo citizen definitions', () => {
  it('are the same rows for the same day', () => {
    expect(demoCitizens(new Date('2027-04-01T08:00:00Z'))).toEqual(
      demoCitizens(new Date('2027-04-01T08:00:00Z')),
    );
  });

  it.each(['2026-01-01', '2026-09-13', '2026-09-14', '2031-12-31', '2040-02-29'])(
    'keep someone under 16, and every vaccination inside a life, on %s',
    (iso) => {
      const day = new Date(`${iso}T12:00:00Z`);
      const rows = demoCitizens(day);
      expect(rows.some((c) => c.age < MINIMUM_DISCLOSURE_AGE)).toBe(true);
      for (const c of rows) {
        for (const v of c.vaccinations) {
          expect(v.occurrence.getTime()).toBeGreaterThanOrEqual(c.birthDate.getTime());
          expect(v.occurrence.getTime()).toBeLessThanOrEqual(day.getTime());
        }
      }
    },
  );

  it('have valid test BSNs, birth dates from 1992, and source ids unique per registry', () => {
    const rows = demoCitizens(today);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const c of rows) {
      expect(isValidBsn(c.bsn)).toBe(true);
      expect(c.bsn).toMatch(/^9999/);
      expect(c.birthDate.getUTCFullYear()).toBeGreaterThanOrEqual(1992);
      expect(c.illustrates.length).toBeGreaterThan(20);
    }
    expect(new Set(rows.map((c) => c.bsn)).size).toBe(rows.length);
    const ids = rows.flatMap((c) => c.vaccinations.map((v) => `${v.source}|${v.sourceRecordId}`));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(databaseKinds)('demo data seeded into %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  const load = () =>
    t.database.prisma.citizen.findMany({
      include: { vaccinations: { include: { product: true, performerOrganization: true } } },
    });

  it('fills an empty database once, even when two starts race', async () => {
    const results = await Promise.all([
      seedDemoDataIfEmpty(t.database.prisma, today),
      seedDemoDataIfEmpty(t.database.prisma, today),
    ]);
    const expected = demoCitizens(today).length;
    expect(results).toContainEqual({ citizens: expected });
    expect(results).toContainEqual(null);
    expect(await seedDemoDataIfEmpty(t.database.prisma, today)).toBeNull();
    expect(await t.database.prisma.citizen.count()).toBe(expected);
    const vaccinations = demoCitizens(today).flatMap((c) => c.vaccinations).length;
    expect(await t.database.prisma.vaccination.count()).toBe(vaccinations);
  });

  it('includes someone under 16, and an adult with nothing disclosable', async () => {
    const citizens = await load();
    expect(citizens.some((c) => ageOn(c.birthDate, today) < MINIMUM_DISCLOSURE_AGE)).toBe(true);
    const adultsWithNothing = citizens.filter(
      (c) =>
        ageOn(c.birthDate, today) >= MINIMUM_DISCLOSURE_AGE &&
        c.vaccinations.length > 0 &&
        !c.vaccinations.some((v) => disclosable(v, c.birthDate)),
    );
    expect(adultsWithNothing.length).toBeGreaterThanOrEqual(1);
  });

  it('includes CIMS records without consent next to disclosable RVP records', async () => {
    const citizens = await load();
    const mixed = citizens.find(
      (c) =>
        c.vaccinations.some((v) => v.source === 'CIMS' && v.consentToShare === false) &&
        c.vaccinations.some((v) => v.source === 'PRAEVENTIS' && disclosable(v, c.birthDate)),
    );
    expect(mixed).toBeDefined();
    const all = citizens.flatMap((c) => c.vaccinations);
    for (const v of all) expect(v.consentToShare === null).toBe(v.source === 'PRAEVENTIS');
  });

  it('includes a retracted record, with when and why', async () => {
    const retracted = (await load()).flatMap((c) =>
      c.vaccinations.filter((v) => v.status === 'ENTERED_IN_ERROR'),
    );
    expect(retracted.length).toBeGreaterThanOrEqual(1);
    for (const v of retracted) {
      expect(v.retractedAt).toBeInstanceOf(Date);
      expect(v.retractionReason).toMatch(/\S/);
      expect(v.version).toBeGreaterThan(1);
    }
  });

  it('includes the HPV catch-up of 2009 for a girl born 1993–1996', async () => {
    const caughtUp = (await load()).find(
      (c) =>
        c.birthDate.getUTCFullYear() >= 1993 &&
        c.birthDate.getUTCFullYear() <= 1996 &&
        c.vaccinations.some(
          (v) => v.product.snomed === '836379009' && v.occurrence.getUTCFullYear() === 2009,
        ),
    );
    expect(caughtUp?.gender).toBe('FEMALE');
  });

  it('stores product codes under the right G-Standaard and SNOMED systems', async () => {
    const products = await t.database.prisma.vaccineProduct.findMany();
    const pfizer = products.find((p) => p.hpk === '2924528');
    expect(pfizer).toMatchObject({
      productKey: `${gStandaard.hpk}|2924528`,
      prk: '206784',
      gpk: '184284',
      snomed: '28531000087107',
    });
    expect(products.find((p) => p.prk === '74691')?.productKey).toBe(`${gStandaard.prk}|74691`);
    expect(products.find((p) => p.gpk === '130699')?.productKey).toBe(`${gStandaard.gpk}|130699`);
    expect(products.find((p) => p.snomed === '836398006')?.productKey).toBe(`${sct}|836398006`);
    for (const p of products) {
      const [system, code] = p.productKey.split('|');
      const column = { [gStandaard.hpk]: p.hpk, [gStandaard.prk]: p.prk, [gStandaard.gpk]: p.gpk };
      if (system === sct) expect(p.snomed).toBe(code);
      else if (system === 'text')
        expect([p.hpk, p.prk, p.gpk, p.snomed]).toEqual([null, null, null, null]);
      else expect(column[system!]).toBe(code);
    }
  });

  it('codes route, site, motive and target diseases as the fixtures do', async () => {
    const all = (await load()).flatMap((c) => c.vaccinations);
    for (const v of all) {
      expect(v.route).toEqual({
        system: 'urn:oid:2.16.840.1.113883.2.4.4.9',
        code: '2',
        display: 'intramusculair',
      });
      expect(['40983000', '68367000']).toContain((v.site as Coding).code);
      expect(['7771000', '24028007']).toContain((v.laterality as Coding).code);
      expect(v.doseUnit).toBe('mL');
      expect(Number(v.doseQuantity)).toBeGreaterThan(0);
      const diseases = v.targetDiseases as Coding[];
      expect(diseases.length).toBeGreaterThan(0);
      for (const d of diseases) expect(d.system).toBe(sct);
      const motive = (v.reasonMotives as Coding[])[0];
      if (v.source === 'PRAEVENTIS') expect(motive?.code).toBe('159731000146104');
      if (v.source === 'CIMS') expect(diseases.map((d) => d.code)).toEqual(['840539006']);
      expect(v.performerOrganization?.ura).toMatch(/^\d{8}$/);
    }
    const covid = all.filter((v) => v.source === 'CIMS');
    expect(covid.some((v) => (v.reasonMotives as Coding[])[0]?.code === '159741000146107')).toBe(
      true,
    );
  });
});
