import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  InvalidTokenError,
  issueAccessToken,
  revokeAccessToken,
  revokeTokensOfGrant,
  verifyAccessToken,
  verifyAccessTokenWithCitizen,
  type InvalidTokenReason,
} from '../src/auth/pgoTokens.ts';
import { newOpaqueToken } from '../src/auth/opaqueTokens.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

const t0 = new Date('2026-05-04T10:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function reasonOf(promise: Promise<unknown>): Promise<InvalidTokenReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as InvalidTokenError).reason;
}

describe.each(databaseKinds)('PGO access tokens on %s', (kind) => {
  let t: TestDatabase;
  let citizenId: string;
  let clientId: string;
  let grantId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const prisma = t.database.prisma;
    const citizen = await prisma.citizen.create({
      data: { bsn: '999990019', birthDate: new Date('1992-03-08'), familyName: 'Jansen' },
    });
    const client = await prisma.pgoClient.create({
      data: { hostname: 'medmij.pgo.example', organisationName: 'Voorbeeld PGO' },
    });
    const grant = await prisma.grant.create({
      data: { citizenId: citizen.id, clientId: client.id, scope: 'rivm', expiresAt: later(3.6e6) },
    });
    [citizenId, clientId, grantId] = [citizen.id, client.id, grant.id];
  });
  afterAll(async () => t?.drop());

  const issue = (extra: { grantId?: string; now?: Date } = {}) =>
    issueAccessToken(t.database.prisma, { citizenId, clientId, scope: 'rivm', now: t0, ...extra });

  it('verify to the PGO, citizen and scope the token was issued for', async () => {
    const issued = await issue();
    const actor = await verifyAccessToken(t.database.reader, issued.token, later(1000));
    expect(actor).toEqual({
      kind: 'PGO',
      id: 'medmij.pgo.example',
      citizenId,
      scope: 'rivm',
      tokenId: issued.id,
    });
  });

  it('come with their citizen exactly as Prisma reads it, in the same statement', async () => {
    const issued = await issue();
    const verified = await verifyAccessTokenWithCitizen(t.database.reader, issued.token, t0);
    const stored = await t.database.prisma.citizen.findUniqueOrThrow({ where: { id: citizenId } });
    expect(verified.citizen).toStrictEqual(stored);
    expect(verified.actor.citizenId).toBe(citizenId);
  });

  it('are at least 128 random bits and differ every time', async () => {
    const tokens = await Promise.all([issue(), issue(), issue()]);
    for (const { token } of tokens) {
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(new Set(tokens.map((x) => x.token)).size).toBe(3);
  });

  it('are stored only as their SHA-256 hash', async () => {
    const { token, id } = await issue();
    const row = await t.database.prisma.accessToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Every row of every table, as text: the token itself is nowhere.
    const everything = await t.database.withConnection(async (c) => {
      const tables = await c.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      const texts: string[] = [];
      // One connection runs one query at a time.
      for (const { table_name } of tables) {
        const rows = await c.query<{ t: string }>(`SELECT r::text AS t FROM "${table_name}" r`);
        texts.push(...rows.map((r) => r.t));
      }
      return texts.join('\n');
    });
    expect(everything).toContain(row.tokenHash);
    expect(everything).not.toContain(token);
  });

  it('live exactly 15 minutes', async () => {
    const { token, expiresAt } = await issue();
    expect(ACCESS_TOKEN_LIFETIME_SECONDS).toBe(900);
    expect(expiresAt).toEqual(later(900_000));
    await expect(verifyAccessToken(t.database.reader, token, later(899_999))).resolves.toBeTruthy();
    expect(await reasonOf(verifyAccessToken(t.database.reader, token, later(900_000)))).toBe(
      'expired',
    );
  });

  it('stop working once revoked, and revoking twice changes nothing', async () => {
    const { token } = await issue();
    expect(await revokeAccessToken(t.database.prisma, token, later(10))).toBe(true);
    expect(await reasonOf(verifyAccessToken(t.database.reader, token, later(20)))).toBe('revoked');
    expect(await revokeAccessToken(t.database.prisma, token, later(30))).toBe(false);
  });

  it('stop working when their grant is revoked', async () => {
    const { token } = await issue({ grantId });
    await expect(verifyAccessToken(t.database.reader, token, later(10))).resolves.toBeTruthy();
    await t.database.prisma.grant.update({
      where: { id: grantId },
      data: { revokedAt: later(20) },
    });
    expect(await reasonOf(verifyAccessToken(t.database.reader, token, later(30)))).toBe('revoked');
    // Revoking the grant's tokens marks them too, so the rows say so on their own.
    expect(await revokeTokensOfGrant(t.database.prisma, grantId, later(40))).toBe(1);
    expect(await revokeTokensOfGrant(t.database.prisma, grantId, later(50))).toBe(0);
  });

  it('stop working when the PGO is no longer active', async () => {
    const other = await t.database.prisma.pgoClient.create({
      data: { hostname: 'oud.pgo.example', organisationName: 'Oude PGO' },
    });
    const { token } = await issueAccessToken(t.database.prisma, {
      citizenId,
      clientId: other.id,
      scope: 'rivm',
      now: t0,
    });
    await t.database.prisma.pgoClient.update({ where: { id: other.id }, data: { active: false } });
    expect(await reasonOf(verifyAccessToken(t.database.reader, token, later(10)))).toBe('revoked');
  });

  it('refuse a token that was never issued, and anything not shaped like one', async () => {
    for (const token of [newOpaqueToken(), '', 'Bearer x', 'a'.repeat(10_000)]) {
      expect(await reasonOf(verifyAccessToken(t.database.reader, token, later(10)))).toBe(
        'unknown',
      );
    }
  });
});
