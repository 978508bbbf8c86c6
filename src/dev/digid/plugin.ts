// Mounts the development DigiD broker under /dev/digid, in process: oidc-provider's own
// endpoints (discovery, authorize, token, userinfo, jwks) through a hijacked catch-all route,
// and the login page as ordinary routes. Only with config.devIdp, and never in production.
// Entpoort's client registration (client id, callback, public keys) is configured here.
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { devBrokerJwks } from './devKeys.ts';
import { registerInteractionRoutes } from './interactionRoutes.ts';
import { createDevLogins } from './logins.ts';
import { createDevBroker, type DevClientRegistration } from './provider.ts';

export const DEV_DIGID_PATH = '/dev/digid';

export async function registerDevDigid(
  app: FastifyInstance,
  services: Services,
  client: DevClientRegistration,
): Promise<void> {
  const { config } = services;
  if (config.production || !config.devIdp) {
    throw new Error('the development DigiD broker must not run in production');
  }
  const issuer = `${config.publicBaseUrl}${DEV_DIGID_PATH}`;
  const logins = createDevLogins();
  const provider = await createDevBroker({
    issuer,
    mountPath: DEV_DIGID_PATH,
    client,
    signingJwks: await devBrokerJwks(config.DATA_DIR),
    logins,
    cookieKeys: [randomBytes(32).toString('base64url')],
  });
  const handle = provider.callback();

  // oidc-provider reads its request bodies itself: no parser in this scope consumes them.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all(`${DEV_DIGID_PATH}/*`, (request, reply) => {
      reply.hijack();
      // Mounted like an Express sub-app: the provider derives its mount path from these two.
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(DEV_DIGID_PATH.length) || '/';
      handle(raw, reply.raw);
    });
  });
  await app.register(async (scope) => {
    await scope.register(formbody);
    registerInteractionRoutes(scope, DEV_DIGID_PATH, provider, logins, services.database.prisma);
  });
  services.logger.info({ event: 'dev_digid.mounted', issuer, client: client.clientId });
}
