// grant_type=refresh_token over real HTTP on both databases: rotation on every use, renewal of
// the long-term consent, revocation of the grant when a rotated token comes back, and refusal
// when the consent was withdrawn or lapsed or the citizen is under 16.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOpaqueToken } from '../src/auth/opaqueTokens.ts';
import { databaseKinds } from './support/databases.ts';
import { startTokenHarness, type TokenHarness } from './support/tokenEndpointHarness.ts';
import { createCitizen } from './support/tokenFixtures.ts';

describe.each(databaseKinds)('MedMij refresh tokens on %s', (kind) => {
  let h: TokenHarness;
  beforeAll(async () => {
    h = await startTokenHarness(kind);
  });
  afterAll(async () => h?.stop());

  it('rotates the refresh token and renews the long-term consent', async () => {
    const { code, grantId } = await h.newCode({ longTerm: true });
    const first = await h.exchange(code);
    const second = await h.refresh(first.body.refresh_token as string);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'rivm' });
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(await h.tokenState(second.body.access_token as string)).toBe('live');

    const grant = await h.prisma.grant.findUniqueOrThrow({ where: { id: grantId } });
    const fiveMonths = Date.now() + 150 * 86400_000;
    expect(grant.expiresAt.getTime()).toBeGreaterThan(fiveMonths);
    const third = await h.refresh(second.body.refresh_token as string, 'refresh_code');
    expect(third.status).toBe(200);
    expect(h.server.logs.some((l) => l.event === 'token.grant_type_alias')).toBe(true);
  });

  it('revokes the whole grant when an old refresh token comes back', async () => {
    const { code, grantId } = await h.newCode({ longTerm: true });
    const first = await h.exchange(code);
    const second = await h.refresh(first.body.refresh_token as string);
    expect(second.status).toBe(200);

    const replay = await h.refresh(first.body.refresh_token as string);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect(await h.tokenState(first.body.access_token as string)).toBe('revoked');
    expect(await h.tokenState(second.body.access_token as string)).toBe('revoked');
    expect((await h.refresh(second.body.refresh_token as string)).body.error).toBe('invalid_grant');
    const live = await h.prisma.refreshToken.count({ where: { grantId, revokedAt: null } });
    expect(live).toBe(0);
    const actions = (await h.prisma.auditEntry.findMany({ where: { action: { contains: '.' } } }))
      .filter((entry) => (entry.disclosed as { grantId?: string }).grantId === grantId)
      .map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['refresh_token.reused', 'grant.tokens_revoked']),
    );
  });

  it('refuses to refresh a withdrawn, expired or under-age consent', async () => {
    const withdrawn = await h.exchange((await h.newCode({ longTerm: true })).code);
    const grantOf = async (token: string) =>
      (
        await h.prisma.refreshToken.findFirstOrThrow({
          where: {
            tokenHash: hashOpaqueToken(token),
          },
        })
      ).grantId;
    const withdrawnGrant = await grantOf(withdrawn.body.refresh_token as string);
    await h.prisma.grant.update({ where: { id: withdrawnGrant }, data: { revokedAt: new Date() } });
    expect((await h.refresh(withdrawn.body.refresh_token as string)).body.error).toBe(
      'invalid_grant',
    );
    expect(await h.tokenState(withdrawn.body.access_token as string)).toBe('revoked');

    const expired = await h.exchange((await h.newCode({ longTerm: true })).code);
    await h.prisma.refreshToken.updateMany({
      where: { grantId: await grantOf(expired.body.refresh_token as string) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await h.refresh(expired.body.refresh_token as string)).body.error).toBe(
      'invalid_grant',
    );

    const lapsed = await h.exchange((await h.newCode({ longTerm: true })).code);
    await h.prisma.grant.update({
      where: { id: await grantOf(lapsed.body.refresh_token as string) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await h.refresh(lapsed.body.refresh_token as string)).body.error).toBe('invalid_grant');

    const fifteen = new Date();
    fifteen.setUTCFullYear(fifteen.getUTCFullYear() - 15);
    const young = await createCitizen(h.prisma, fifteen);
    const minor = await h.exchange((await h.newCode({ longTerm: true, citizenId: young })).code);
    expect(minor.status).toBe(200);
    expect((await h.refresh(minor.body.refresh_token as string)).body.error).toBe('invalid_grant');
  });
});
