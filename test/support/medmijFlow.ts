// Shared steps of the MedMij front-channel flow tests: the PGO of the development OCL, test
// citizens, the authorization request, a login through the development DigiD broker, and the
// answer that arrives at the PGO's redirect_uri.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { registerMedmij } from '../../src/medmij/plugin.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';
import { formAction, inputValue, type CookieBrowser } from './cookieBrowser.ts';
import type { DatabaseKind } from './databases.ts';
import { startTestServer, type TestServer } from './testServer.ts';
import { seedCitizen, validBsn } from './vaccinationFixtures.ts';

export const PGO = 'medmij.pgo.example';
export const REDIRECT_URI = `https://${PGO}/oauth/callback`;
export const clients = {
  oauthClient: (hostname: string) =>
    hostname === PGO ? { hostname: PGO, organisationName: 'Voorbeeld PGO' } : undefined,
  isWhitelisted: (hostname: string) => hostname === PGO,
};

export const ADULT = validBsn();
export const MINOR = validBsn();
export const UNKNOWN = validBsn();

export function yearsAgo(years: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()));
}

export async function seed(prisma: PrismaClient) {
  const product = await prisma.vaccineProduct.create({
    data: { productKey: 'text|BMR test', display: 'BMR' },
  });
  const ids: Record<string, string> = {};
  for (const [key, bsn, birthDate] of [
    ['adult', ADULT, yearsAgo(30)],
    // Sixteen tomorrow.
    ['minor', MINOR, new Date(yearsAgo(16).getTime() + 86_400_000)],
  ] as const) {
    const citizen = await seedCitizen(prisma, { bsn, birthDate });
    ids[key] = citizen.id;
    await prisma.vaccination.create({
      data: {
        citizenId: citizen.id,
        source: 'PRAEVENTIS',
        sourceRecordId: `rec-${key}`,
        productId: product.id,
        occurrence: new Date('2010-01-01T00:00:00Z'),
        recordedAt: new Date('2010-01-02T00:00:00Z'),
      },
    });
  }
  return ids as { adult: string; minor: string };
}

export function authorizeUrl(overrides: Record<string, string | undefined> = {}): string {
  const parameters: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: PGO,
    redirect_uri: REDIRECT_URI,
    scope: 'rivm',
    state: 'Zk9x3QbT2v==a b',
    'MedMij-Request-ID': randomUUID(),
    'X-Correlation-ID': randomUUID(),
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined) query.set(name, value);
  return `/oauth/authorize?${query.toString()}`;
}

export interface LoginChoice {
  bsn: string;
  loa?: string;
  cancel?: boolean;
}

/** From the landing page through the development broker back to our callback's answer. */
export async function login(browser: CookieBrowser, landingBody: string, choice: LoginChoice) {
  const csrf = inputValue(landingBody, 'csrf');
  expect(csrf).toBeDefined();
  const atBroker = await browser.submit('/oauth/digid/login', { csrf: csrf!, action: 'login' });
  expect(atBroker.response.status).toBe(200);
  expect(atBroker.body).toContain('DigiD (ontwikkeling)');
  if (choice.cancel) {
    return browser.submit(formAction(atBroker.body, /\/cancel$/)!, {});
  }
  return browser.submit(formAction(atBroker.body, /\/login$/)!, {
    citizen: choice.bsn,
    loa: choice.loa ?? 'http://eidas.europa.eu/LoA/substantial',
  });
}

export function pgoAnswer(step: { url: string }) {
  const url = new URL(step.url);
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
  return url.searchParams;
}

/** A test server with the MedMij plugin, registered here until app.ts does it itself. */
export async function startMedmijServer(kind: DatabaseKind): Promise<TestServer> {
  return startTestServer(kind, {}, async (app, services) => {
    if (!app.hasRoute({ method: 'GET', url: '/oauth/authorize' })) {
      await registerMedmij(app, services, { clients });
    }
  });
}
