// The set-up of the MedMij end-to-end tests: a real Entpoort with the demo citizens, the
// citizens' front channel on plain HTTP and the back channel (token endpoint, FHIR) on a
// mutual-TLS listener of its own, a throw-away PKI with client certificates for the example PGO
// of the development lists and for hosts that must be refused, a headless Chromium, and PGO
// servers (openid-client) holding one certificate each.
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import type { DatabaseKind } from './databases.ts';
import { createPgo, type Pgo } from './pgoServer.ts';
import { createTestPki, type KeyAndCertificate, type TestPki } from './testCertificates.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** The example PGO of dev/medmij-lists: in the OCL (service 63) and on the Whitelist. */
export const PGO = 'medmij.pgo.example';
export const PGO_NAME = 'Voorbeeld PGO';
export const REDIRECT_URI = `https://${PGO}/callback`;
/** A second PGO of the development lists: on the Whitelist, but not the first one. */
export const SECOND_PGO = 'medmij.tweede-pgo.example';
/** On no list at all. */
export const UNLISTED_HOST = 'medmij.niet-op-de-whitelist.example';

/** Demo citizens (src/dev/demo/people): an adult with disclosable records, and a child. */
export const ADULT = { key: 'sanne', bsn: '999990032' };
export const CHILD = { key: 'noah', bsn: '999990093' };

export interface Certificates {
  pgo: KeyAndCertificate;
  secondPgo: KeyAndCertificate;
  unlisted: KeyAndCertificate;
  /** Names the PGO, but issued by a CA the server does not trust. */
  foreign: KeyAndCertificate;
}

export interface EndToEnd {
  server: TestServer;
  browser: Browser;
  /** The citizens' front channel (plain HTTP). */
  front: string;
  /** The back channel (mutual TLS). */
  back: string;
  certificates: Certificates;
  /** A PGO server presenting `certificate` (none when null); closed by `stop`. */
  pgo(certificate?: KeyAndCertificate | null, clientId?: string): Pgo;
  stop(): Promise<void>;
}

export async function startEndToEnd(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<EndToEnd> {
  const pki: TestPki = await createTestPki();
  const certificates: Certificates = {
    pgo: await pki.client([PGO]),
    secondPgo: await pki.client([SECOND_PGO]),
    unlisted: await pki.client([UNLISTED_HOST]),
    foreign: await pki.foreignClient([PGO]),
  };
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pgos: Pgo[] = [];
  const stop = async () => {
    await Promise.all(pgos.map((p) => p.close()));
    await browser?.close();
    await server?.stop();
    pki.remove();
  };
  try {
    server = await startTestServer(kind, {
      SEED_DEMO_DATA: 'true',
      TLS_CERT_FILE: pki.files.serverCert,
      TLS_KEY_FILE: pki.files.serverKey,
      TLS_CLIENT_CA_FILE: pki.files.ca,
      TLS_BACK_CHANNEL: 'port',
      BACK_CHANNEL_PORT: '0',
      ...env,
    });
    if (!server.backChannel) throw new Error('no back-channel listener was started');
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  const back = server.backChannel.url;
  return {
    server,
    browser,
    front: server.url,
    back,
    certificates,
    pgo(certificate = certificates.pgo, clientId = PGO) {
      const made = createPgo({
        clientId,
        redirectUri: REDIRECT_URI,
        scope: 'rivm',
        authorizationEndpoint: `${server.url}/oauth/authorize`,
        backChannel: back,
        caPem: pki.caPem,
        certificate: certificate ?? undefined,
      });
      pgos.push(made);
      return made;
    },
    stop,
  };
}
