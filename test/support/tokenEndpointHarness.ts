// A running Entpoort with the token endpoint registered, in trusted-proxy mode so tests can
// present any client certificate through the proxy header, plus helpers to call it. Real HTTP
// and a real database of the given kind; mutual TLS itself is tested in medmij-token-mtls.
import { randomUUID } from 'node:crypto';
import { InvalidTokenError, verifyAccessToken } from '../../src/auth/pgoTokens.ts';
import { clientCertificateResolver } from '../../src/medmij/tls/clientCertificate.ts';
import { registerTokenRoutes } from '../../src/medmij/token/routes.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';
import type { RawReader } from '../../src/store/rawReader.ts';
import type { DatabaseKind } from './databases.ts';
import { createTestPki } from './testCertificates.ts';
import { startTestServer, type TestServer } from './testServer.ts';
import {
  createCitizen,
  createClients,
  createGrantWithCode,
  fakeDirectory,
  OTHER_PGO,
  PGO,
  REDIRECT_URI,
  type CodeOptions,
} from './tokenFixtures.ts';

/** Listed in the OCL and on the Whitelist, but not registered for service 63. */
export const NO_63_PGO = 'no63.pgo.example';
/** In the OCL but not on the Whitelist. */
export const UNLISTED_PGO = 'unlisted.pgo.example';

export const testDirectory = fakeDirectory(
  [
    {
      hostname: PGO,
      organisationName: 'PGO',
      services: [{ interfaceVersion: '2', serviceIds: ['63'] }],
    },
    { hostname: OTHER_PGO, organisationName: 'Other PGO' },
    {
      hostname: NO_63_PGO,
      organisationName: 'No 63',
      services: [{ interfaceVersion: '2', serviceIds: ['48'] }],
    },
    { hostname: UNLISTED_PGO, organisationName: 'Off the Whitelist' },
  ],
  [PGO, OTHER_PGO, NO_63_PGO],
);

/**
 * A path of its own, so the harness does not collide with /oauth/token once the app mounts the
 * MedMij plugin itself (with the real list cache); the default path is used in medmij-token-mtls.
 */
export const TOKEN_PATH = '/test/oauth/token';

export type Form = 'body' | 'query' | 'json';
export interface Sent {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}
export interface PostOptions {
  form?: Form;
  /** PEM of the client certificate the proxy passes; null for none. Default: the PGO's. */
  cert?: string | null;
  /** Extra headers; an empty value removes a default one. */
  headers?: Record<string, string>;
}

export interface TokenHarness {
  server: TestServer;
  prisma: PrismaClient;
  /** Beneath `prisma`, for verifying tokens as the FHIR face does. */
  reader: RawReader;
  /** PgoClient ids by hostname. */
  clients: Record<string, string>;
  citizenId: string;
  /** Client certificates (PEM) by hostname, and `foreign` from an untrusted CA. */
  certs: Record<string, string>;
  post(parameters: Record<string, string>, options?: PostOptions): Promise<Sent>;
  newCode(options?: Partial<CodeOptions>): Promise<{ code: string; grantId: string }>;
  exchange(code: string, extra?: Record<string, string>, form?: Form): Promise<Sent>;
  refresh(token: string, grantType?: string): Promise<Sent>;
  /** `live`, or why verifyAccessToken refuses the token. */
  tokenState(token: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTokenHarness(
  kind: DatabaseKind,
  env: Record<string, string> = { TRUSTED_PROXY: 'true' },
): Promise<TokenHarness> {
  const pki = await createTestPki();
  const certs: Record<string, string> = {};
  for (const name of [PGO, OTHER_PGO, NO_63_PGO, UNLISTED_PGO]) {
    certs[name] = (await pki.client([name])).cert;
  }
  certs.foreign = (await pki.foreignClient([PGO])).cert;
  const server = await startTestServer(
    kind,
    { TLS_CLIENT_CA_FILE: pki.files.ca, ...env },
    (app, services) =>
      registerTokenRoutes(app, services, {
        clients: testDirectory,
        clientCertificateOf: clientCertificateResolver(services.config.medmijTls),
        path: TOKEN_PATH,
      }),
  );
  const prisma = server.services.database.prisma;
  const clients = await createClients(prisma, [PGO, OTHER_PGO, NO_63_PGO, UNLISTED_PGO]);
  const citizenId = await createCitizen(prisma);

  const post = async (parameters: Record<string, string>, options: PostOptions = {}) => {
    const headers: Record<string, string> = {
      'medmij-request-id': randomUUID(),
      'x-correlation-id': randomUUID(),
    };
    const cert = options.cert === undefined ? certs[PGO] : options.cert;
    if (cert) headers['x-ssl-client-cert'] = encodeURIComponent(cert);
    Object.assign(headers, options.headers);
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    let url = `${server.url}${TOKEN_PATH}`;
    let body: string | undefined;
    const form = options.form ?? 'body';
    if (form === 'body') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(parameters).toString();
    } else if (form === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(parameters);
    } else {
      url += `?${new URLSearchParams(parameters)}`;
    }
    const response = await fetch(url, { method: 'POST', headers, body });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  return {
    server,
    prisma,
    reader: server.services.database.reader,
    clients,
    citizenId,
    certs,
    post,
    newCode: (options = {}) =>
      createGrantWithCode(prisma, { clientId: clients[PGO]!, citizenId, ...options }),
    exchange: (code, extra = {}, form) =>
      post(
        {
          grant_type: 'authorization_code',
          code,
          client_id: PGO,
          redirect_uri: REDIRECT_URI,
          ...extra,
        },
        { form },
      ),
    refresh: (token, grantType = 'refresh_token') =>
      post({ grant_type: grantType, refresh_token: token, client_id: PGO }),
    async tokenState(token) {
      try {
        await verifyAccessToken(server.services.database.reader, token);
        return 'live';
      } catch (error) {
        if (error instanceof InvalidTokenError) return error.reason;
        throw error;
      }
    },
    async stop() {
      await server.stop();
      pki.remove();
    },
  };
}
