// What a citizen does in the browser during the MedMij flow, as a person would: buttons and
// labels by their visible text, with explicit waits on URLs and headings.
//
// The PGO's own site is not there: Chromium resolves no outside names (chromium.ts), so the
// browser's request to the redirect_uri fails after it was made, and the test reads the code
// from that request, exactly what the PGO would have received. (page.route cannot catch it:
// Playwright does not route the hops of a redirect chain, microsoft/playwright#33882.)
import { expect } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { consentText } from '../../src/medmij/consent/consentText.ts';

export const CONSENT_HEADING = consentText.title;

export interface PgoSite {
  /** Every distinct URL the browser requested from the PGO's origin, in order. */
  arrivals: string[];
  /** The first URL the browser requested from the PGO, once it has (30 s at most). */
  arrival(): Promise<URL>;
}

/** Watches `context` for requests to the PGO's origin. */
export function pgoSite(context: BrowserContext, redirectUri: string): PgoSite {
  const origin = new URL(redirectUri).origin;
  const arrivals: string[] = [];
  const waiting: ((url: URL) => void)[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) || arrivals.includes(url)) return;
    arrivals.push(url);
    for (const resolve of waiting.splice(0)) resolve(new URL(url));
  });
  return {
    arrivals,
    arrival() {
      const first = arrivals[0];
      if (first) return Promise.resolve(new URL(first));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the browser never went to the PGO')),
          30_000,
        );
        waiting.push((url) => {
          clearTimeout(timer);
          resolve(url);
        });
      });
    },
  };
}

/** Waits until the page's main heading is `name`. */
export async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Opens the authorization URL; returns the landing page's response. */
export async function openAuthorization(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (!response) throw new Error('no response for the authorization request');
  return response;
}

/** From the landing page to the development DigiD page. */
export async function chooseDigid(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
  await page.waitForURL(/\/dev\/digid\/interaction\//);
  await heading(page, 'DigiD (ontwikkeling)');
}

/** On the development DigiD page: pick a demo citizen by their label, then log in. */
export async function loginAs(page: Page, demoKey: string): Promise<void> {
  const citizen = page.getByLabel(new RegExp(`— ${demoKey}:`));
  await citizen.check();
  expect(await citizen.isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

export async function cancelDigid(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Annuleren' }).click();
}

/** Waits for the consent page after a login. */
export async function atConsent(page: Page): Promise<void> {
  await page.waitForURL(/\/oauth\/consent$/);
  await heading(page, CONSENT_HEADING);
}

/** Ticks long-term consent (or not) and presses a button, with the mouse. */
export async function decide(
  page: Page,
  choice: { longTerm: boolean; accept: boolean },
): Promise<void> {
  if (choice.longTerm) await page.getByLabel(consentText.longTermLabel).check();
  const button = choice.accept ? consentText.accept : consentText.decline;
  await page.getByRole('button', { name: button }).click();
}

/** The same with the keyboard only: Tab to the checkbox, Space, Tab to accept, Enter. */
export async function acceptLongTermWithKeyboard(page: Page): Promise<void> {
  const focused = page.locator(':focus');
  await page.keyboard.press('Tab');
  expect(await focused.getAttribute('id')).toBe('longTerm');
  await page.keyboard.press('Space');
  expect(await page.getByLabel(consentText.longTermLabel).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  expect((await focused.textContent())?.trim()).toBe(consentText.accept);
  await page.keyboard.press('Enter');
}

/** On /oauth/consents: log in with DigiD as `demoKey` and revoke the consent of `pgoName`. */
export async function revokeOnConsentsPage(
  page: Page,
  baseUrl: string,
  demoKey: string,
  pgoName: string,
): Promise<void> {
  await page.goto(`${baseUrl}/oauth/consents`);
  await heading(page, 'Mijn toestemmingen');
  await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
  await page.waitForURL(/\/dev\/digid\/interaction\//);
  await loginAs(page, demoKey);
  await page.waitForURL(`${baseUrl}/oauth/consents`);
  await page.getByRole('cell', { name: pgoName, exact: true }).waitFor();
  await page.getByRole('button', { name: `Toestemming voor ${pgoName} intrekken` }).click();
  await page.waitForURL(`${baseUrl}/oauth/consents?ingetrokken=1`);
  await page.getByRole('status').filter({ hasText: 'De toestemming is ingetrokken.' }).waitFor();
  expect(await page.getByRole('cell', { name: pgoName, exact: true }).count()).toBe(0);
}
