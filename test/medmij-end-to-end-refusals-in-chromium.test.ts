// The ways the MedMij flow must not end in data, end to end with a real headless Chromium and
// openid-client as the PGO: an unknown client or a foreign redirect_uri stay on our error page;
// a child, a declined consent and a cancelled login come back as access_denied; a reused code
// is refused and kills what the first redemption gave; an expired code is refused; and client
// certificates that are not the PGO's are refused in the handshake or as invalid_client.
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atConsent,
  cancelDigid,
  chooseDigid,
  decide,
  heading,
  loginAs,
} from './support/citizenBrowser.ts';
import { databaseKinds } from './support/databases.ts';
import { ADULT, CHILD, PGO, startEndToEnd, type EndToEnd } from './support/endToEnd.ts';
import { authorizeInChromium, startJourney, type Journey } from './support/journey.ts';
import type { Pgo } from './support/pgoServer.ts';

const ERROR_PAGE = 'Deze aanvraag kunnen we niet verwerken';
const search = '/Immunization?_include=Immunization:patient';

describe.each(databaseKinds)('the MedMij flow refusing in a real Chromium on %s', (kind) => {
  let e2e: EndToEnd;

  beforeAll(async () => {
    e2e = await startEndToEnd(kind);
  });
  afterAll(async () => e2e?.stop());

  /** Our own error page, and the browser never asked anything of anyone else. */
  async function expectErrorPageOnly(journey: Journey) {
    expect(journey.landing.status()).toBe(400);
    await heading(journey.page, ERROR_PAGE);
    expect(new URL(journey.page.url()).origin).toBe(e2e.front);
    expect(journey.requested.filter((url) => !url.startsWith(`${e2e.front}/`))).toEqual([]);
    expect(await journey.context.cookies()).toEqual([]);
  }

  /** The PGO got access_denied with its state, and no code; openid-client says so too. */
  async function expectAccessDenied(pgo: Pgo, journey: Journey) {
    const arrived = await journey.site.arrival();
    expect(arrived.searchParams.get('error')).toBe('access_denied');
    expect(arrived.searchParams.get('state')).toBe(journey.request.state);
    expect(arrived.searchParams.has('code')).toBe(false);
    await expect(pgo.redeem(arrived.href, journey.request)).rejects.toBeInstanceOf(
      oidc.AuthorizationResponseError,
    );
  }

  async function grantsOf(bsn: string) {
    const prisma = e2e.server.services.database.prisma;
    return prisma.grant.count({ where: { citizen: { bsn } } });
  }

  it('shows its error page, and redirects nowhere, for an unknown client', async () => {
    const pgo = e2e.pgo(e2e.certificates.pgo, 'medmij.onbekend.example');
    const journey = await startJourney(e2e.browser, pgo);
    try {
      await expectErrorPageOnly(journey);
    } finally {
      await journey.close();
    }
  });

  it('shows its error page, and redirects nowhere, for a redirect_uri not the PGO’s', async () => {
    const pgo = e2e.pgo();
    for (const redirectUri of [`https://${PGO}.evil.example/callback`, `http://${PGO}/callback`]) {
      const journey = await startJourney(e2e.browser, pgo, {
        extra: { redirect_uri: redirectUri },
      });
      try {
        await expectErrorPageOnly(journey);
      } finally {
        await journey.close();
      }
    }
  });

  it('answers access_denied for a citizen under 16, without asking consent', async () => {
    const pgo = e2e.pgo();
    const journey = await startJourney(e2e.browser, pgo);
    try {
      await chooseDigid(journey.page);
      await loginAs(journey.page, CHILD.key);
      await expectAccessDenied(pgo, journey);
      expect(journey.requested.some((url) => url.endsWith('/oauth/consent'))).toBe(false);
      expect(await grantsOf(CHILD.bsn)).toBe(0);
    } finally {
      await journey.close();
    }
  });

  it('answers access_denied when the citizen declines consent', async () => {
    const pgo = e2e.pgo();
    const before = await grantsOf(ADULT.bsn);
    const journey = await startJourney(e2e.browser, pgo);
    try {
      await chooseDigid(journey.page);
      await loginAs(journey.page, ADULT.key);
      await atConsent(journey.page);
      await decide(journey.page, { longTerm: true, accept: false });
      await expectAccessDenied(pgo, journey);
      expect(await grantsOf(ADULT.bsn)).toBe(before);
    } finally {
      await journey.close();
    }
  });

  it('answers access_denied when the citizen cancels at DigiD or on the landing page', async () => {
    const pgo = e2e.pgo();
    const atDigid = await startJourney(e2e.browser, pgo);
    try {
      await chooseDigid(atDigid.page);
      await cancelDigid(atDigid.page);
      await expectAccessDenied(pgo, atDigid);
    } finally {
      await atDigid.close();
    }
    const atLanding = await startJourney(e2e.browser, pgo);
    try {
      await atLanding.page.getByRole('button', { name: /^Annuleren en terug naar/ }).click();
      await expectAccessDenied(pgo, atLanding);
    } finally {
      await atLanding.close();
    }
  });

  it('refuses a code presented twice and revokes the tokens it gave', async () => {
    const pgo = e2e.pgo();
    const { request, arrived, close } = await authorizeInChromium(e2e.browser, pgo, ADULT.key, {
      longTerm: true,
    });
    await close();
    const first = await pgo.redeem(arrived.href, request);
    expect((await pgo.fhir(search, first.access_token)).status).toBe(200);

    await expect(pgo.redeem(arrived.href, request)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const after = await pgo.fhir(search, first.access_token);
    expect(after.status).toBe(401);
    expect(after.challenges?.[0]?.parameters.error).toBe('invalid_token');
    await expect(pgo.refresh(first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses an expired code', async () => {
    const pgo = e2e.pgo();
    const { request, arrived, close } = await authorizeInChromium(e2e.browser, pgo, ADULT.key, {
      longTerm: false,
    });
    await close();
    // The code's lifetime (AUTHORIZATION_CODE_TTL_SECONDS, at least 30 s) has run out.
    const codeHash = createHash('sha256').update(arrived.searchParams.get('code')!).digest('hex');
    const prisma = e2e.server.services.database.prisma;
    const { count } = await prisma.authorizationCode.updateMany({
      where: { codeHash },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(count).toBe(1);
    await expect(pgo.redeem(arrived.href, request)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses client certificates that are not the PGO’s, then serves the PGO’s own', async () => {
    const { certificates } = e2e;
    const { request, arrived, close } = await authorizeInChromium(
      e2e.browser,
      e2e.pgo(),
      ADULT.key,
      { longTerm: false },
    );
    await close();

    // No certificate, or one from a CA we do not trust: the handshake fails.
    for (const certificate of [null, certificates.foreign]) {
      const refused = e2e.pgo(certificate).redeem(arrived.href, request);
      // undici's failure to connect, not an HTTP answer from the token endpoint.
      await expect(refused).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    }
    // Trusted, but for a host not on the Whitelist, or for another PGO than client_id.
    for (const certificate of [certificates.unlisted, certificates.secondPgo]) {
      await expect(e2e.pgo(certificate).redeem(arrived.href, request)).rejects.toMatchObject({
        error: 'invalid_client',
      });
    }

    // None of that used the code up: the PGO itself still redeems it.
    const pgo = e2e.pgo();
    const tokens = await pgo.redeem(arrived.href, request);
    expect((await pgo.fhir(search, tokens.access_token)).status).toBe(200);
    // The token is bound to the PGO's certificate (RFC 8705): another PGO cannot use it.
    const stolen = await e2e.pgo(certificates.secondPgo).fhir(search, tokens.access_token);
    expect(stolen.status).toBe(401);
  });
});
