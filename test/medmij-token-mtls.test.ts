// Mutual TLS on the back channel, over real TLS connections with a throw-away PKI: both
// listener designs (`route`: one listener, checked per route; `port`: a listener of its own
// that refuses certificate-less handshakes), Whitelist admission and the RFC 8705 binding of
// client_id to the certificate's DNS name.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import {
  listenBackChannel,
  type BackChannelListener,
} from '../src/medmij/tls/backChannelListener.ts';
import { clientCertificateResolver } from '../src/medmij/tls/clientCertificate.ts';
import { mainHttpsOptions, wantsBackChannelListener } from '../src/medmij/tls/httpsOptions.ts';
import { registerTokenRoutes } from '../src/medmij/token/routes.ts';
import type { Services } from '../src/server/services.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';
import { createTestPki, type KeyAndCertificate, type TestPki } from './support/testCertificates.ts';
import {
  createCitizen,
  createClients,
  createGrantWithCode,
  fakeDirectory,
  OTHER_PGO,
  PGO,
  REDIRECT_URI,
} from './support/tokenFixtures.ts';

const directory = fakeDirectory(
  [
    { hostname: PGO, organisationName: 'PGO' },
    { hostname: OTHER_PGO, organisationName: 'Other' },
    { hostname: 'unlisted.pgo.example', organisationName: 'Off the Whitelist' },
  ],
  [PGO, OTHER_PGO],
);

describe.each(databaseKinds)('mutual TLS at the token endpoint on %s', (kind) => {
  let pki: TestPki;
  let db: TestDatabase;
  let clientIds: Record<string, string>;
  let citizenId: string;
  const certs: Record<string, KeyAndCertificate> = {};
  const agents: Agent[] = [];

  beforeAll(async () => {
    pki = await createTestPki();
    certs.pgo = await pki.client([PGO]);
    certs.other = await pki.client([OTHER_PGO]);
    certs.unlisted = await pki.client(['unlisted.pgo.example']);
    certs.cnOnly = await pki.client([], PGO);
    certs.foreign = await pki.foreignClient([PGO]);
    db = await createTestDatabase(kind);
    clientIds = await createClients(db.database.prisma, [PGO, OTHER_PGO, 'unlisted.pgo.example']);
    citizenId = await createCitizen(db.database.prisma);
  });
  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.close()));
    await db?.drop();
    pki?.remove();
  });

  function settingsFor(mode: 'route' | 'port') {
    return loadConfig({
      ENTPOORT_ENV: 'test',
      TLS_CERT_FILE: pki.files.serverCert,
      TLS_KEY_FILE: pki.files.serverKey,
      TLS_CLIENT_CA_FILE: pki.files.ca,
      TLS_BACK_CHANNEL: mode,
      BACK_CHANNEL_PORT: '0',
      LOG_LEVEL: 'silent',
    });
  }

  async function appWith(mode: 'route' | 'port'): Promise<FastifyInstance> {
    const config = settingsFor(mode);
    const https = mainHttpsOptions(config.medmijTls);
    // Plain HTTP when there are no options (the main listener in `port` mode).
    const app = (https ? Fastify({ https }) : Fastify()) as FastifyInstance;
    const services = { config, database: db.database, logger: pino({ level: 'silent' }) };
    await registerTokenRoutes(app, services as unknown as Services, {
      clients: directory,
      clientCertificateOf: clientCertificateResolver(config.medmijTls),
    });
    // A front-channel page: citizens' browsers have no client certificate.
    app.get('/front', async () => ({ page: 'front' }));
    return app;
  }

  function agent(cert?: KeyAndCertificate): Agent {
    const made = new Agent({ connect: { ca: pki.caPem, ...(cert ?? {}) } });
    agents.push(made);
    return made;
  }

  async function redeem(base: string, cert: KeyAndCertificate | undefined, clientId = PGO) {
    const { code } = await createGrantWithCode(db.database.prisma, {
      clientId: clientIds[clientId]!,
      citizenId,
    });
    const response = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      dispatcher: agent(cert),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'medmij-request-id': randomUUID(),
        'x-correlation-id': randomUUID(),
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: clientId,
        redirect_uri: REDIRECT_URI,
      }).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  describe('one listener, checked per route (TLS_BACK_CHANNEL=route)', () => {
    let app: FastifyInstance;
    let base: string;

    beforeAll(async () => {
      app = await appWith('route');
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      base = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => app?.close());

    it('serves the front channel without a client certificate', async () => {
      const response = await fetch(`${base}/front`, { dispatcher: agent() });
      expect(response.status).toBe(200);
    });

    it('issues tokens to a Whitelisted client whose certificate names its client_id', async () => {
      const answer = await redeem(base, certs.pgo);
      expect(answer.status).toBe(200);
      expect(answer.body.token_type).toBe('Bearer');
    });

    it('refuses a client without certificate on the back-channel route', async () => {
      const answer = await redeem(base, undefined);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_client');
    });

    it('refuses certificates of an unlisted host, an untrusted CA, or with only a CN', async () => {
      expect((await redeem(base, certs.unlisted, 'unlisted.pgo.example')).body.error).toBe(
        'invalid_client',
      );
      expect((await redeem(base, certs.foreign)).body.error).toBe('invalid_client');
      expect((await redeem(base, certs.cnOnly)).body.error).toBe('invalid_client');
    });

    it('refuses a client_id other than the certificate DNS name (RFC 8705 §2)', async () => {
      const answer = await redeem(base, certs.pgo, OTHER_PGO);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_client');
      expect((await redeem(base, certs.other, OTHER_PGO)).status).toBe(200);
    });
  });

  describe('a back-channel listener of its own (TLS_BACK_CHANNEL=port)', () => {
    let app: FastifyInstance;
    let back: BackChannelListener;
    let front: string;

    beforeAll(async () => {
      const config = settingsFor('port');
      expect(wantsBackChannelListener(config.medmijTls)).toBe(true);
      app = await appWith('port');
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      front = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      back = await listenBackChannel(app, config.medmijTls, '127.0.0.1', 0);
    });
    afterAll(async () => {
      await back?.close();
      await app?.close();
    });

    it('fails the handshake of a client without certificate', async () => {
      await expect(fetch(`${back.url}/front`, { dispatcher: agent() })).rejects.toThrow();
      await expect(
        fetch(`${back.url}/front`, { dispatcher: agent(certs.foreign) }),
      ).rejects.toThrow();
    });

    it('issues tokens over the back channel and refuses them on the main listener', async () => {
      expect((await redeem(back.url, certs.pgo)).status).toBe(200);
      expect((await redeem(front, undefined)).body.error).toBe('invalid_client');
      expect((await redeem(back.url, certs.unlisted, 'unlisted.pgo.example')).body.error).toBe(
        'invalid_client',
      );
    });
  });
});
