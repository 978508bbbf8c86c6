// The MedMij flow end to end, with a real headless Chromium as the citizen's browser and
// openid-client as the PGO's server: authorization request → landing page → development DigiD
// (a demo citizen picked by label) → consent (long-term, by keyboard) → code at the PGO's
// redirect_uri → code redeemed over mutual TLS → FHIR search with the three includes → refresh
// with rotation → the citizen revokes on /oauth/consents → both tokens die at once. Also: a used
// refresh token presented again ends the grant; the consent page as a person sees it (screenshot,
// unticked box, no framing); the whole flow with JavaScript switched off.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentText } from '../src/medmij/consent/consentText.ts';
import { isDisclosable } from '../src/rules/disclosure.ts';
import {
  atConsent,
  chooseDigid,
  loginAs,
  openAuthorization,
  revokeOnConsentsPage,
} from './support/citizenBrowser.ts';
import { databaseKinds } from './support/databases.ts';
import { ADULT, PGO_NAME, startEndToEnd, type EndToEnd } from './support/endToEnd.ts';
import { authorizeInChromium } from './support/journey.ts';
import type { Pgo } from './support/pgoServer.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const includes =
  '_include=Immunization:patient&_include=Immunization:performer&_include=Immunization:location';
/** Born 2010: the youngest demo citizen old enough for disclosure. */
const YOUNG_ADULT = { key: 'emma', bsn: '999990081' };

describe.each(databaseKinds)('the MedMij flow in a real Chromium on %s', (kind) => {
  let e2e: EndToEnd;
  let screenshots: string;

  beforeAll(async () => {
    e2e = await startEndToEnd(kind);
    screenshots = mkdtempSync(join(tmpdir(), 'entpoort-consent-'));
  });
  afterAll(async () => {
    await e2e?.stop();
    if (screenshots) rmSync(screenshots, { recursive: true, force: true });
  });

  async function disclosableIds(bsn: string): Promise<string[]> {
    const prisma = e2e.server.services.database.prisma;
    const citizen = await prisma.citizen.findUniqueOrThrow({ where: { bsn } });
    const rows = await prisma.vaccination.findMany({ where: { citizenId: citizen.id } });
    return rows.filter((v) => isDisclosable(v, citizen, new Date())).map((v) => v.id);
  }

  async function expectVaccinationsOf(pgo: Pgo, accessToken: string, bsn: string) {
    const search = await pgo.fhir(`/Immunization?${includes}`, accessToken);
    expect(search.status, search.text).toBe(200);
    expect(search.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const entries: Json[] = search.body.entry ?? [];
    const matches = entries.filter((e) => e.search?.mode === 'match');
    const expected = await disclosableIds(bsn);
    expect(expected.length).toBeGreaterThan(0);
    expect(search.body.total).toBe(expected.length);
    expect(matches.map((e) => e.resource.id).sort()).toEqual(expected.sort());
    expect(matches.every((e) => e.resource.resourceType === 'Immunization')).toBe(true);
    const included = entries.filter((e) => e.search?.mode === 'include');
    expect(included.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(1);
    // No BSN anywhere in what the PGO receives.
    expect(search.text).not.toContain(bsn);
  }

  async function expectRefused(pgo: Pgo, tokens: oidc.TokenEndpointResponse) {
    const search = await pgo.fhir(`/Immunization?${includes}`, tokens.access_token);
    expect(search.status).toBe(401);
    expect(search.challenges?.[0]?.parameters.error).toBe('invalid_token');
    await expect(pgo.refresh(tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  }

  it('gives the PGO the vaccinations, refreshes, and stops when consent is revoked', async () => {
    const pgo = e2e.pgo();
    const { request, arrived, context, close } = await authorizeInChromium(
      e2e.browser,
      pgo,
      ADULT.key,
      { longTerm: true, keyboard: true },
    );
    try {
      // The authorization request carries what MedMij asks (medmij-dva.md §3).
      const asked = new URL(request.url).searchParams;
      expect(asked.get('client_id')).toBe('medmij.pgo.example');
      expect(asked.get('response_type')).toBe('code');
      expect(asked.get('X-Correlation-ID')).toBe(request.correlationId);
      // The PGO receives the code and its state, and nothing else.
      expect([...arrived.searchParams.keys()].sort()).toEqual(['code', 'state']);
      expect(arrived.searchParams.get('state')).toBe(request.state);

      const tokens = await pgo.redeem(arrived.href, request);
      expect(tokens.token_type.toLowerCase()).toBe('bearer');
      expect(tokens.scope).toBe('rivm');
      expect(tokens.refresh_token).toEqual(expect.any(String));
      await expectVaccinationsOf(pgo, tokens.access_token, ADULT.bsn);

      // The token is bound to the PGO's certificate: the plain-HTTP front listener has none.
      const unbound = await fetch(`${e2e.front}/fhir/Immunization`, {
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          'medmij-request-id': randomUUID(),
          'x-correlation-id': request.correlationId,
        },
      });
      expect(unbound.status).toBe(401);

      const refreshed = await pgo.refresh(tokens.refresh_token!);
      expect(refreshed.access_token).not.toBe(tokens.access_token);
      expect(refreshed.refresh_token).toEqual(expect.any(String));
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      expect(refreshed.scope).toBe('rivm');
      await expectVaccinationsOf(pgo, refreshed.access_token, ADULT.bsn);

      // The citizen withdraws consent on our page, logging in with DigiD again.
      const page = await context.newPage();
      await revokeOnConsentsPage(page, e2e.front, ADULT.key, PGO_NAME);
      await expectRefused(pgo, refreshed);
    } finally {
      await close();
    }
  });

  it('refuses a rotated refresh token and ends the grant it belonged to', async () => {
    const pgo = e2e.pgo();
    const { request, arrived, close } = await authorizeInChromium(e2e.browser, pgo, ADULT.key, {
      longTerm: true,
    });
    await close();
    const first = await pgo.redeem(arrived.href, request);
    const second = await pgo.refresh(first.refresh_token!);
    await expect(pgo.refresh(first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // Presenting the old one again looks like theft (RFC 9700 §4.14.2): the new ones die too.
    await expectRefused(pgo, second);
  });

  it('shows the consent page with the PGO’s name, an unticked box, and no framing', async () => {
    const pgo = e2e.pgo();
    const context = await e2e.browser.newContext({ viewport: { width: 800, height: 900 } });
    try {
      const page = await context.newPage();
      await openAuthorization(page, pgo.authorizationRequest().url);
      await chooseDigid(page);
      const consentResponse = page.waitForResponse((r) => r.url().endsWith('/oauth/consent'));
      await loginAs(page, ADULT.key);
      await atConsent(page);

      const headers = (await consentResponse).headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
      const intro = consentText.intro
        .replaceAll('{pgo}', PGO_NAME)
        .replaceAll('{aanbieder}', 'RIVM');
      await page.getByText(intro).waitFor();
      const box = page.getByLabel(consentText.longTermLabel);
      expect(await box.isVisible()).toBe(true);
      expect(await box.isChecked()).toBe(false);

      const file = join(screenshots, `consent-${kind}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
      // The box is still unticked after the screenshot: nothing on the page ticked it.
      expect(await box.isChecked()).toBe(false);

      // And the browser keeps our pages out of frames: another page embedding the (cookie-less)
      // landing page gets Chromium's blocked-frame page instead.
      const framing = await context.newPage();
      await framing.setContent(`<iframe src="${pgo.authorizationRequest().url}"></iframe>`);
      const frame = framing.frames()[1]!;
      const served = await frame.getByText(PGO_NAME).count();
      expect(served).toBe(0);
      expect(frame.url()).toBe('chrome-error://chromewebdata/');
    } finally {
      await context.close();
    }
  });

  it('works from start to finish with JavaScript switched off', async () => {
    const pgo = e2e.pgo();
    // One-time consent: the box stays unticked.
    const { request, arrived, close } = await authorizeInChromium(
      e2e.browser,
      pgo,
      YOUNG_ADULT.key,
      { longTerm: false, javaScript: false },
    );
    await close();
    const tokens = await pgo.redeem(arrived.href, request);
    expect(tokens.refresh_token).toBeUndefined();
    await expectVaccinationsOf(pgo, tokens.access_token, YOUNG_ADULT.bsn);
  });
});
