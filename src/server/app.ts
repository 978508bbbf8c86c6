// Assembles the HTTP server: ids, metrics and health first, then each face as a plugin.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerDevIdp } from '../dev/idp/plugin.ts';
import { registerDevTokens } from '../dev/tokens/plugin.ts';
import { registerFhir } from '../fhir/plugin.ts';
import { registerGraphQL } from '../graphql/plugin.ts';
import { registerMedmij } from '../medmij/plugin.ts';
import { mainHttpsOptions } from '../medmij/tls/httpsOptions.ts';
import { registerMetrics } from '../observability/metrics.ts';
import { registerHealth } from './health.ts';
import { callerIds, generateRequestId, registerRequestIds } from './requestIds.ts';
import type { Services } from './services.ts';

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  // Plain HTTP unless TLS is configured (development, or TLS ended at a trusted proxy).
  const https = mainHttpsOptions(config.medmijTls) ?? null;
  const app = Fastify({
    https,
    loggerInstance: services.logger as FastifyBaseLogger,
    genReqId: generateRequestId,
    // Every line of a request, from the first, carries its id as `requestId` and the caller's
    // correlation ids.
    childLoggerFactory: (logger, { reqId, ...bindings }, options, raw) =>
      logger.child({ ...bindings, requestId: reqId, ...callerIds(raw.headers) }, options),
    // Requests that arrive while shutting down get 503 instead of starting new work.
    return503OnClosing: true,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  });
  registerRequestIds(app);
  // During shutdown, answers close their connection, so keep-alive clients do not hold the
  // server open after their in-flight request is done.
  app.addHook('onSend', async (_request, reply) => {
    if (services.readiness.shuttingDown) reply.header('connection', 'close');
  });
  registerMetrics(app, services.metrics);
  registerHealth(app, services.readiness);
  services.readiness.checks.push({
    name: 'database',
    check: async () => {
      await services.database.ping();
      return { kind: services.database.kind };
    },
  });

  await registerGraphQL(app, services);
  await registerFhir(app, services);
  await registerMedmij(app, services);
  if (config.devIdp) {
    await registerDevIdp(app, services);
    await registerDevTokens(app, services);
  }
  return app;
}
