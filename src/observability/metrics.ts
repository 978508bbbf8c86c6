// Prometheus metrics at /metrics: process defaults plus request counts and latencies by route
// pattern (never by concrete URL, which could carry ids).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'entpoort_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'entpoort_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'entpoort_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

/**
 * The GraphQL core's shared rows (src/graphql/sharedRows.ts), read at scrape time so that
 * requests pay nothing for them. A later call for the same registry replaces the earlier one.
 */
export function observeSharedRows(
  metrics: Metrics,
  stats: () => { hits: number; misses: number; kept: number },
): void {
  const { registry } = metrics;
  const lookups = 'entpoort_shared_rows_lookups_total';
  const kept = 'entpoort_shared_rows_kept';
  registry.removeSingleMetric(lookups);
  registry.removeSingleMetric(kept);
  new Counter({
    name: lookups,
    help: 'Lookups of rows shared between requests: hit (kept and current) or miss (read anew)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      const { hits, misses } = stats();
      this.reset();
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
    },
  });
  new Gauge({
    name: kept,
    help: 'Rows shared between requests, kept in memory now',
    registers: [registry],
    collect() {
      this.set(stats().kept);
    },
  });
}
