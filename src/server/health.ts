// Liveness and readiness. /healthz says the process runs; /readyz says it can serve: the
// database answers, every registered check passes and no shutdown has begun.
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  /** Resolves with details to show, or rejects when the part is not ready. */
  check(): Promise<Record<string, unknown> | void>;
}

export interface Readiness {
  checks: ReadinessCheck[];
  shuttingDown: boolean;
}

export function registerHealth(app: FastifyInstance, readiness: Readiness): void {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const details: Record<string, unknown> = {};
    let ready = !readiness.shuttingDown;
    for (const { name, check } of readiness.checks) {
      try {
        details[name] = { status: 'ok', ...(await check()) };
      } catch (error) {
        ready = false;
        details[name] = { status: 'failing', reason: (error as Error).message };
      }
    }
    if (readiness.shuttingDown) details.shutdown = { status: 'in progress' };
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks: details };
  });
}
