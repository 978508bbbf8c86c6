// One citizen's visit in Chromium, from the PGO's authorization URL to what came back to the
// PGO: a fresh browser context (no cookies), every URL the browser requested, and the PGO's
// arrivals. `authorizeInChromium` is the whole happy path up to the code.
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Response } from 'playwright-core';
import {
  acceptLongTermWithKeyboard,
  atConsent,
  chooseDigid,
  decide,
  heading,
  loginAs,
  openAuthorization,
  pgoSite,
  type PgoSite,
} from './citizenBrowser.ts';
import { REDIRECT_URI } from './endToEnd.ts';
import type { AuthorizationRequest, Pgo } from './pgoServer.ts';

export interface Journey {
  context: BrowserContext;
  page: Page;
  site: PgoSite;
  request: AuthorizationRequest;
  /** The answer to the authorization request itself. */
  landing: Response;
  /** Every URL the browser requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function startJourney(
  browser: Browser,
  pgo: Pgo,
  options: { extra?: Record<string, string>; context?: BrowserContextOptions } = {},
): Promise<Journey> {
  const context = await browser.newContext(options.context);
  try {
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const site = pgoSite(context, options.extra?.redirect_uri ?? REDIRECT_URI);
    const page = await context.newPage();
    const request = pgo.authorizationRequest(options.extra);
    const landing = await openAuthorization(page, request.url);
    return { context, page, site, request, landing, requested, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

export interface Authorized extends Journey {
  /** The redirect_uri with the code and state, as the PGO received it. */
  arrived: URL;
}

/** Landing page → DigiD as `citizenKey` → consent (long-term or not) → code at the PGO. */
export async function authorizeInChromium(
  browser: Browser,
  pgo: Pgo,
  citizenKey: string,
  options: { longTerm: boolean; keyboard?: boolean; javaScript?: boolean },
): Promise<Authorized> {
  const journey = await startJourney(browser, pgo, {
    context: { javaScriptEnabled: options.javaScript ?? true },
  });
  try {
    const { page, site } = journey;
    expect(journey.landing.status()).toBe(200);
    await heading(page, 'Uw vaccinatiegegevens van RIVM');
    await chooseDigid(page);
    await loginAs(page, citizenKey);
    await atConsent(page);
    if (options.keyboard && options.longTerm) await acceptLongTermWithKeyboard(page);
    else await decide(page, { longTerm: options.longTerm, accept: true });
    const arrived = await site.arrival();
    expect(site.arrivals).toEqual([arrived.href]);
    expect(arrived.searchParams.get('state')).toBe(journey.request.state);
    return { ...journey, arrived };
  } catch (error) {
    await journey.close();
    throw error;
  }
}
