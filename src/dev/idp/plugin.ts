// Mounts the development identity provider at /dev/idp. oidc-provider is a Koa application, so
// its requests leave Fastify's lifecycle before body parsing (it reads bodies itself) and go
// to its own request listener, with the /dev/idp prefix taken off as a mounted app expects.
// Refuses to start in production, whatever the caller checked.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../server/services.ts';
import { createDevProvider } from './provider.ts';
import { loadOrCreateDevIdpSecrets } from './secrets.ts';

export const DEV_IDP_PREFIX = '/dev/idp';

const methods = ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'DELETE'] as const;

export async function registerDevIdp(app: FastifyInstance, services: Services): Promise<void> {
  const { config } = services;
  if (config.production) {
    throw new Error('the development identity provider refuses to run in production');
  }
  const provider = createDevProvider(config, await loadOrCreateDevIdpSecrets(config.DATA_DIR));
  const log = services.logger.child({ component: 'dev-idp' });
  provider.on('server_error', (_ctx, error) => {
    log.error({ event: 'dev_idp.server_error', err: error });
  });
  provider.on('grant.error', (_ctx, error) => {
    log.info({ event: 'dev_idp.grant_refused', reason: (error as Error).message });
  });

  const listener = provider.callback();
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    reply.raw.setHeader('x-request-id', request.id);
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    // oidc-provider derives its mount path from originalUrl minus url.
    raw.originalUrl = raw.url;
    const rest = (raw.url ?? '').slice(DEV_IDP_PREFIX.length);
    raw.url = rest.startsWith('/') ? rest : `/${rest}`;
    await listener(raw, reply.raw);
  };
  for (const url of [DEV_IDP_PREFIX, `${DEV_IDP_PREFIX}/*`]) {
    app.route({ method: [...methods], url, onRequest: handOver, handler: async () => {} });
  }
  log.info({ event: 'dev_idp.mounted', issuer: provider.issuer });
}
