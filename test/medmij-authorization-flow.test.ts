// The MedMij front channel end to end over plain HTTP, through the development DigiD broker:
// authorize → landing → broker login (a tester picks a citizen) → consent → code at the PGO;
// and every way it must not end in a code: unknown client, foreign redirect_uri, a citizen
// under 16, consent declined, login cancelled, DigiD level Basis, a form without CSRF token.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/store/generated/client.ts';
import { createBrowser, inputValue, type CookieBrowser } from './support/cookieBrowser.ts';
import { databaseKinds } from './support/databases.ts';
import {
  ADULT,
  MINOR,
  UNKNOWN,
  PGO,
  REDIRECT_URI,
  authorizeUrl,
  login,
  pgoAnswer,
  seed,
  startMedmijServer,
} from './support/medmijFlow.ts';
import type { TestServer } from './support/testServer.ts';

describe.each(databaseKinds)('MedMij authorization flow (%s)', (kind) => {
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

  async function start(browser: CookieBrowser, overrides = {}) {
    const landing = await browser.follow(authorizeUrl(overrides));
    expect(landing.response.status).toBe(200);
    return landing;
  }

  it('ends with a code and the state, byte for byte, at the PGO', async () => {
    const browser = createBrowser(server.url);
    const landing = await start(browser);
    expect(landing.body).toContain('Voorbeeld PGO');
    expect(landing.response.headers.get('x-frame-options')).toBe('DENY');

    const consent = await login(browser, landing.body, { bsn: ADULT });
    expect(consent.response.status).toBe(200);
    expect(consent.url).toMatch(/\/oauth\/consent$/);
    expect(consent.body).toContain('lang="nl"');
    // The long-term checkbox is there, labelled, and not ticked in advance.
    const checkbox = /<input[^>]*id="longTerm"[^>]*>/.exec(consent.body)?.[0];
    expect(checkbox).toMatch(/type="checkbox"/);
    expect(checkbox).not.toMatch(/checked/);
    expect(consent.body).toContain('<label for="longTerm">');
    expect(consent.response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    );

    const answer = await browser.submit('/oauth/consent', {
      csrf: inputValue(consent.body, 'csrf')!,
      decision: 'accept',
      longTerm: 'yes',
    });
    expect(answer.response.status).toBe(303);
    const query = pgoAnswer(answer);
    expect([...query.keys()].sort()).toEqual(['code', 'state']);
    expect(query.get('state')).toBe('Zk9x3QbT2v==a b');

    const code = query.get('code')!;
    const stored = await prisma.authorizationCode.findUnique({
      where: { codeHash: createHash('sha256').update(code).digest('hex') },
      include: { grant: { include: { client: true } } },
    });
    expect(stored).not.toBeNull();
    expect(stored!.redirectUri).toBe(REDIRECT_URI);
    expect(stored!.usedAt).toBeNull();
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(600_000);
    expect(stored!.grant.citizenId).toBe(citizens.adult);
    expect(stored!.grant.longTerm).toBe(true);
    expect(stored!.grant.client.hostname).toBe(PGO);
    expect(stored!.grant.scope).toBe('rivm');

    // The session is finished: the consent form cannot be sent twice.
    const again = await browser.submit('/oauth/consent', {
      csrf: inputValue(consent.body, 'csrf')!,
      decision: 'accept',
    });
    expect(again.response.status).toBe(400);
    expect(again.response.headers.get('location')).toBeNull();
  });

  it('gives one-time consent unless the citizen ticks the box', async () => {
    const browser = createBrowser(server.url);
    const consent = await login(browser, (await start(browser)).body, { bsn: ADULT });
    const answer = await browser.submit('/oauth/consent', {
      csrf: inputValue(consent.body, 'csrf')!,
      decision: 'accept',
    });
    const code = pgoAnswer(answer).get('code')!;
    const stored = await prisma.authorizationCode.findUniqueOrThrow({
      where: { codeHash: createHash('sha256').update(code).digest('hex') },
      include: { grant: true },
    });
    expect(stored.grant.longTerm).toBe(false);
    expect(stored.grant.expiresAt.getTime()).toBeLessThan(Date.now() + 3_600_000);
  });

  it('shows its own error page for an unknown client, without redirecting', async () => {
    const browser = createBrowser(server.url);
    const step = await browser.follow(authorizeUrl({ client_id: 'medmij.unknown.example' }));
    expect(step.response.status).toBe(400);
    expect(step.response.headers.get('location')).toBeNull();
    expect(step.body).toContain('lang="nl"');
    expect(browser.cookies().size).toBe(0);
  });

  it('shows its own error page for a redirect_uri on another host', async () => {
    const browser = createBrowser(server.url);
    for (const uri of [`https://${PGO}.evil.tld/oauth/callback`, `http://${PGO}/cb`]) {
      const step = await browser.follow(authorizeUrl({ redirect_uri: uri }));
      expect(step.response.status).toBe(400);
      expect(step.response.headers.get('location')).toBeNull();
    }
  });

  it('redirects other defects with an RFC 6749 error and the state', async () => {
    const browser = createBrowser(server.url);
    const step = await browser.follow(authorizeUrl({ scope: 'someoneelse' }));
    expect(step.response.status).toBe(302);
    const query = pgoAnswer(step);
    expect(query.get('error')).toBe('invalid_scope');
    expect(query.get('state')).toBe('Zk9x3QbT2v==a b');
  });

  it('answers access_denied for a citizen under 16, and for one it does not know', async () => {
    for (const number of [MINOR, UNKNOWN]) {
      const browser = createBrowser(server.url);
      const answer = await login(browser, (await start(browser)).body, { bsn: number });
      expect(answer.response.status).toBe(302);
      const query = pgoAnswer(answer);
      expect(query.get('error')).toBe('access_denied');
      expect(query.get('state')).toBe('Zk9x3QbT2v==a b');
      expect(query.get('code')).toBeNull();
    }
    const minorGrants = await prisma.grant.count({ where: { citizenId: citizens.minor } });
    expect(minorGrants).toBe(0);
  });

  it('answers access_denied when the citizen declines', async () => {
    const browser = createBrowser(server.url);
    const consent = await login(browser, (await start(browser)).body, { bsn: ADULT });
    const answer = await browser.submit('/oauth/consent', {
      csrf: inputValue(consent.body, 'csrf')!,
      decision: 'decline',
      longTerm: 'yes',
    });
    expect(answer.response.status).toBe(303);
    expect(pgoAnswer(answer).get('error')).toBe('access_denied');
  });

  it('answers access_denied when the citizen cancels the DigiD login', async () => {
    const browser = createBrowser(server.url);
    const answer = await login(browser, (await start(browser)).body, {
      bsn: ADULT,
      cancel: true,
    });
    expect(pgoAnswer(answer).get('error')).toBe('access_denied');
  });

  it('refuses DigiD level Basis', async () => {
    const browser = createBrowser(server.url);
    const answer = await login(browser, (await start(browser)).body, {
      bsn: ADULT,
      loa: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    });
    expect(pgoAnswer(answer).get('error')).toBe('access_denied');
    const refused = await prisma.auditEntry.count({
      where: { action: 'medmij.authentication.refused', citizenId: citizens.adult },
    });
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses a consent form without its CSRF token, and decides nothing', async () => {
    const browser = createBrowser(server.url);
    const consent = await login(browser, (await start(browser)).body, { bsn: ADULT });
    const grantsBefore = await prisma.grant.count();
    for (const csrf of [undefined, 'forged']) {
      const answer = await browser.submit('/oauth/consent', {
        ...(csrf ? { csrf } : {}),
        decision: 'accept',
      });
      expect(answer.response.status).toBe(403);
      expect(answer.response.headers.get('location')).toBeNull();
    }
    expect(await prisma.grant.count()).toBe(grantsBefore);
    // The real token still works afterwards.
    const answer = await browser.submit('/oauth/consent', {
      csrf: inputValue(consent.body, 'csrf')!,
      decision: 'accept',
    });
    expect(pgoAnswer(answer).get('code')).toBeTruthy();
  });

  it('writes the MedMij chain-log events, and never a BSN', async () => {
    const correlationId = randomUUID();
    const browser = createBrowser(server.url);
    await browser.follow(authorizeUrl({ 'X-Correlation-ID': correlationId }));
    const events = server.logs.filter((l) => String(l.event).startsWith('medmij_chain.'));
    const types = new Set(
      events.map((l) => (l.medmijChain as { event: { type: string } }).event.type),
    );
    for (const type of [
      'receive_authorization_request',
      'show_landing_page',
      'authorization_request_error',
      'show_authorization_request_error_page',
      'send_authorization_request_error',
      'send_authorization_cancellation',
      'send_authentication_request',
      'receive_authentication_response',
      'receive_authorization_cancellation',
      'send_authorization_response',
    ]) {
      expect(types).toContain(type);
    }
    const landing = events.find(
      (l) => (l.medmijChain as { event: { trace_id?: string } }).event.trace_id === correlationId,
    );
    expect(landing?.medmijChain).toMatchObject({ request: { client_id: PGO } });

    const logs = server.rawLogs();
    for (const number of [ADULT, MINOR, UNKNOWN]) expect(logs).not.toContain(number);
  });
});
