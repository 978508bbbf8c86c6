// POST /dev/pgo-tokens: `entpoort dev-token` for a server that holds the embedded database,
// which no second process may open (src/store/embeddedLock.ts). The command presents the key
// this server wrote into DATA_DIR at start; the BSN travels in the body, never in the URL.
// Refuses to start in production, whatever the caller checked.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { removeDevTokenKey, sameKey, writeDevTokenKey } from './key.ts';
import { devTokenRequest, mintDevToken } from './mint.ts';

export const DEV_TOKENS_PATH = '/dev/pgo-tokens';

export async function registerDevTokens(app: FastifyInstance, services: Services): Promise<void> {
  const { config, database } = services;
  if (config.production) throw new Error('development tokens refuse to run in production');
  // Without a folder there is nowhere to leave the key, and no other process shares the data.
  if (config.DATA_DIR.startsWith('memory://')) return;
  const key = await writeDevTokenKey(config.DATA_DIR);
  app.addHook('onClose', async () => removeDevTokenKey(config.DATA_DIR, key));

  app.post(DEV_TOKENS_PATH, async (request, reply) => {
    const presented = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!presented || !sameKey(presented, key)) {
      return reply.code(401).send({ error: 'unauthorized', message: 'not the key in DATA_DIR' });
    }
    const body = (request.body ?? {}) as { bsn?: unknown; client?: unknown };
    const wanted = devTokenRequest(body.bsn, body.client);
    if (typeof wanted === 'string') {
      return reply.code(400).send({ error: 'invalid_request', message: wanted });
    }
    const minted = await mintDevToken(database.prisma, wanted);
    if (!minted) {
      return reply
        .code(404)
        .send({ error: 'unknown_citizen', message: 'no citizen with that BSN' });
    }
    request.log.info({ event: 'dev_token.minted', client: minted.client });
    return reply.code(201).send({ ...minted, expiresAt: minted.expiresAt.toISOString() });
  });
}
