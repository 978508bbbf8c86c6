import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { databaseKinds } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses to run production on the embedded database or without an identity provider', () => {
    expect(() => loadConfig({ ENTPOORT_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(() =>
      loadConfig({ ENTPOORT_ENV: 'production', DATABASE_URL: 'postgresql://db/entpoort' }),
    ).toThrow(/STAFF_OIDC_ISSUER/);
  });

  it('defaults to the embedded database, demo data and the development identity provider', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('./data');
    expect(config.seedDemoData).toBe(true);
    expect(config.devIdp).toBe(true);
    expect(config.PORT).toBe(8080);
    expect(config.staffIssuer).toBe('http://127.0.0.1:8080/dev/idp');
  });
});

describe.each(databaseKinds)('operations on %s', (kind) => {
  let server: TestServer;
  let release: () => void = () => {};

  beforeAll(async () => {
    server = await startTestServer(kind, {}, (app) => {
      // A request that stays in flight until the test releases it.
      app.get('/test/slow', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return { finished: true };
      });
    });
  });
  afterAll(async () => server?.stop());

  it('answers liveness and readiness, naming the database', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'ok', kind } },
    });
  });

  it('exposes Prometheus metrics by route pattern', async () => {
    await fetch(`${server.url}/healthz`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /entpoort_http_requests_total\{method="GET",route="\/healthz",status="200"\}/,
    );
    expect(metrics).toMatch(/entpoort_process_cpu_seconds_total/);
  });

  it('logs JSON with request and correlation ids and echoes the caller ids', async () => {
    const correlationId = 'c0e7b545-9606-4eef-bea7-75d8addaa54b';
    const response = await fetch(`${server.url}/no-such-route`, {
      headers: { 'X-Correlation-ID': correlationId, Authorization: 'Bearer secret-value' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = server.logs.filter((l) => l.requestId === requestId);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject({ correlationId, service: 'entpoort' });
    expect(server.rawLogs()).not.toContain('secret-value');
  });

  it('finishes in-flight requests on shutdown and refuses new ones', async () => {
    const inFlight = fetch(`${server.url}/test/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const closing = server.close();
    expect(server.services.readiness.shuttingDown).toBe(true);
    const refused = await fetch(`${server.url}/healthz`).then(
      (r) => r.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);
    release();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(await finished.json()).toEqual({ finished: true });
    await closing;
  });
});
