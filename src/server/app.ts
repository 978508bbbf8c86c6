// Assembles the HTTP server: ids, metrics and health first, then each face as a plugin.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerDevIdp } from '../dev/idp/plugin.ts';
import { registerGraphQL } from '../graphql/plugin.ts';
import { registerMetrics } from '../observability/metrics.ts';
import { registerHealth } from './health.ts';
import { generateRequestId, registerRequestIds } from './requestIds.ts';
import type { Services } from './services.ts';

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    genReqId: generateRequestId,
    requestIdLogLabel: 'requestId',
    // Requests that arrive while shutting down get 503 instead of starting new work.
    return503OnClosing: true,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  });
  registerRequestIds(app);
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
  if (config.devIdp) await registerDevIdp(app, services);
  return app;
}
