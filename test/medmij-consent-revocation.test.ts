// Revoking long-term consent: the citizen on /oauth/consents after a DigiD login (a CSRF-
// protected form, only their own grants), and staff through the GraphQL resolvers. Either way
// the grant and its access and refresh tokens die at once, with an audit entry.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../src/auth/pgoTokens.ts';
import { createDisclosures } from '../src/graphql/disclosures.ts';
import type { GraphQLContext } from '../src/graphql/context.ts';
import { grantMutations, grantQuery } from '../src/graphql/resolvers/grants.ts';
import { createGrantWithCode } from '../src/auth/grants/createGrant.ts';
import type { PrismaClient } from '../src/store/generated/client.ts';
import { createBrowser, formAction, inputValue } from './support/cookieBrowser.ts';
import { databaseKinds } from './support/databases.ts';
import { ADULT, PGO, REDIRECT_URI, seed, startMedmijServer } from './support/medmijFlow.ts';
import type { TestServer } from './support/testServer.ts';

const settings = { codeTtlSeconds: 600, longTermMonths: 6, auditChains: 1 };

async function longTermGrant(prisma: PrismaClient, citizenId: string) {
  const created = await prisma.$transaction((tx) =>
    createGrantWithCode(
      tx,
      {
        citizenId,
        client: { hostname: PGO, organisationName: 'Voorbeeld PGO' },
        scope: 'rivm',
        redirectUri: REDIRECT_URI,
        longTerm: true,
        requestId: randomUUID(),
        correlationId: randomUUID(),
      },
      settings,
      new Date(),
    ),
  );
  const grant = await prisma.grant.findUniqueOrThrow({ where: { id: created.grantId } });
  await issueAccessToken(prisma, {
    citizenId,
    clientId: grant.clientId,
    scope: 'rivm',
    grantId: grant.id,
  });
  await prisma.refreshToken.create({
    data: {
      tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
      grantId: grant.id,
      expiresAt: grant.expiresAt,
    },
  });
  return grant;
}

async function tokensAlive(prisma: PrismaClient, grantId: string) {
  const access = await prisma.accessToken.count({ where: { grantId, revokedAt: null } });
  const refresh = await prisma.refreshToken.count({ where: { grantId, revokedAt: null } });
  return access + refresh;
}

describe.each(databaseKinds)('revoking consent (%s)', (kind) => {
  let server: TestServer;
  let prisma: PrismaClient;
  let citizens: { adult: string; minor: string };

  beforeAll(async () => {
    server = await startMedmijServer(kind);
    prisma = server.services.database.prisma;
    citizens = await seed(prisma);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets the citizen revoke their own long-term consent, tokens and all', async () => {
    const own = await longTermGrant(prisma, citizens.adult);
    const foreign = await longTermGrant(prisma, citizens.minor);
    expect(await tokensAlive(prisma, own.id)).toBe(2);

    const browser = createBrowser(server.url);
    const start = await browser.follow('/oauth/consents');
    expect(start.body).toContain('Inloggen met DigiD');
    const atBroker = await browser.submit('/oauth/consents/login', {});
    expect(atBroker.body).toContain('DigiD (ontwikkeling)');
    const list = await browser.submit(formAction(atBroker.body, /\/login$/)!, {
      citizen: ADULT,
      loa: 'http://eidas.europa.eu/LoA/high',
    });
    expect(list.response.status).toBe(200);
    expect(list.url).toMatch(/\/oauth\/consents$/);
    expect(list.body).toContain('Voorbeeld PGO');
    expect(list.body).toContain(own.id);
    expect(list.body).not.toContain(foreign.id);
    const csrf = inputValue(list.body, 'csrf')!;

    const forged = await browser.submit('/oauth/consents/revoke', { grant: own.id });
    expect(forged.response.status).toBe(403);
    const notTheirs = await browser.submit('/oauth/consents/revoke', { csrf, grant: foreign.id });
    expect(notTheirs.response.status).toBe(403);
    expect(await tokensAlive(prisma, foreign.id)).toBe(2);
    expect(await tokensAlive(prisma, own.id)).toBe(2);

    const done = await browser.submit('/oauth/consents/revoke', { csrf, grant: own.id });
    expect(done.response.status).toBe(200);
    expect(done.body).toContain('De toestemming is ingetrokken.');
    expect(done.body).not.toContain(own.id);
    expect((await prisma.grant.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).not.toBe(
      null,
    );
    expect(await tokensAlive(prisma, own.id)).toBe(0);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'medmij.grant.revoked', citizenId: citizens.adult },
    });
    expect(entry.actorKind).toBe('CITIZEN');
    expect(await server.services.audit.verify()).toMatchObject({ intact: true });
  });

  it('lets a registrar list and revoke a citizen\u2019s grants through the resolvers', async () => {
    const grant = await longTermGrant(prisma, citizens.adult);
    const ctx = {
      prisma,
      actor: { kind: 'STAFF', id: 'staff-1', roles: new Set(['registrar']) },
      disclosures: createDisclosures(),
      auditChains: 1,
      requestId: randomUUID(),
      correlationId: undefined,
      now: new Date(),
    } as unknown as GraphQLContext;

    const listed = await grantQuery.citizenGrants({}, { citizenId: citizens.adult }, ctx);
    const mine = listed.find((g) => g.id === grant.id);
    expect(mine).toMatchObject({ pgoHostname: PGO, pgoName: 'Voorbeeld PGO', active: true });
    expect(ctx.disclosures.drain().map((e) => e.action)).toContain('grant.read');

    await expect(
      grantMutations.revokeGrant({}, { id: grant.id, reason: '  ' }, ctx),
    ).rejects.toThrow(/reason/);
    const revoked = await grantMutations.revokeGrant(
      {},
      { id: grant.id, reason: 'Request by phone' },
      ctx,
    );
    expect(revoked.active).toBe(false);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await tokensAlive(prisma, grant.id)).toBe(0);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'medmij.grant.revoked', actorId: 'staff-1' },
    });
    expect(entry.disclosed).toMatchObject({ Grant: grant.id, reason: 'Request by phone' });

    await expect(
      grantMutations.revokeGrant({}, { id: randomUUID(), reason: 'x' }, ctx),
    ).rejects.toThrow(/No grant/);
  });
});
