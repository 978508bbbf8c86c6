// The development DigiD broker: it refuses to run in production, advertises what nl-rdo-max
// does (code flow only, PKCE S256, scope openid, RS256, encrypted JWT userinfo), refuses an
// authorization request without PKCE, and keeps its keys in DATA_DIR across restarts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devClientJwks } from '../src/dev/digid/devKeys.ts';
import { registerDevDigid } from '../src/dev/digid/plugin.ts';
import type { Services } from '../src/server/services.ts';
import { startMedmijServer } from './support/medmijFlow.ts';
import type { TestServer } from './support/testServer.ts';

describe('development DigiD broker', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startMedmijServer('pglite');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses to start in production', async () => {
    const services = { config: { production: true, devIdp: false } } as unknown as Services;
    const client = { clientId: 'x', redirectUri: 'https://x/cb', publicJwks: { keys: [] } };
    await expect(registerDevDigid(Fastify(), services, client)).rejects.toThrow(/production/);
  });

  it('advertises the nl-rdo-max contract', async () => {
    const response = await fetch(`${server.url}/dev/digid/.well-known/openid-configuration`);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(`${server.config.publicBaseUrl}/dev/digid`);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.grant_types_supported).toEqual(['authorization_code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.scopes_supported).toEqual(['openid']);
    expect(metadata.userinfo_encryption_alg_values_supported).toContain('RSA-OAEP');
    expect(metadata.userinfo_encryption_enc_values_supported).toContain('A128CBC-HS256');
  });

  it('refuses an authorization request without PKCE', async () => {
    const query = new URLSearchParams({
      client_id: server.config.medmijAuthorize.digidClientId,
      redirect_uri: `${server.config.publicBaseUrl}/oauth/digid/callback`,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      nonce: 'n',
    });
    const response = await fetch(`${server.url}/dev/digid/auth?${query}`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', server.url);
    expect(location.pathname).toBe('/oauth/digid/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('keeps its development keys in DATA_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'entpoort-digid-'));
    try {
      const first = await devClientJwks(dir);
      const second = await devClientJwks(dir);
      expect(second).toEqual(first);
      expect(first.keys.map((k) => k.use).sort()).toEqual(['enc', 'sig']);
      const stored = JSON.parse(await readFile(join(dir, 'dev-digid-client-keys.json'), 'utf8'));
      expect(stored.keys[0].d).toBeTypeOf('string');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
