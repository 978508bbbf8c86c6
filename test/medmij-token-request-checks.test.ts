// The token endpoint's checks before any grant is touched, over real HTTP on both databases:
// MedMij ids, grant types, parameter syntax, mutual-TLS client authentication as a trusted
// proxy reports it (invalid_client), the OCL service check, and that the proxy header counts
// only in trusted-proxy mode.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/databases.ts';
import {
  startTokenHarness,
  TOKEN_PATH,
  type TokenHarness,
} from './support/tokenEndpointHarness.ts';
import { OTHER_PGO, PGO, REDIRECT_URI } from './support/tokenFixtures.ts';

describe.each(databaseKinds)('MedMij token request checks on %s', (kind) => {
  let h: TokenHarness;
  beforeAll(async () => {
    h = await startTokenHarness(kind);
  });
  afterAll(async () => h?.stop());

  it('requires both MedMij ids as UUIDs', async () => {
    const { code } = await h.newCode();
    const parameters = {
      grant_type: 'authorization_code',
      code,
      client_id: PGO,
      redirect_uri: REDIRECT_URI,
    };
    const broken: Record<string, string>[] = [
      { 'medmij-request-id': '' },
      { 'x-correlation-id': '' },
      { 'medmij-request-id': 'not-a-uuid' },
      { 'x-correlation-id': '12345' },
    ];
    for (const headers of broken) {
      const answer = await h.post(parameters, { headers });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
    }
    expect((await h.post(parameters)).status).toBe(200);
  });

  it('refuses grant types other than the two MedMij knows', async () => {
    const answer = await h.post({ grant_type: 'client_credentials', client_id: PGO });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
    expect((await h.post({ client_id: PGO })).body.error).toBe('invalid_request');
  });

  it('refuses repeated parameters and conflicting body and query', async () => {
    const { code } = await h.newCode();
    const body = `grant_type=authorization_code&code=${code}&code=${code}&client_id=${PGO}`;
    const response = await fetch(`${h.server.url}${TOKEN_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'medmij-request-id': randomUUID(),
        'x-correlation-id': randomUUID(),
        'x-ssl-client-cert': encodeURIComponent(h.certs[PGO]!),
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('authenticates the client by its certificate (invalid_client)', async () => {
    const { code } = await h.newCode();
    const parameters = {
      grant_type: 'authorization_code',
      code,
      client_id: PGO,
      redirect_uri: REDIRECT_URI,
    };
    const cases: (string | null)[] = [
      null,
      h.certs['unlisted.pgo.example']!,
      h.certs.foreign!,
      h.certs[OTHER_PGO]!,
    ];
    for (const cert of cases) {
      const answer = await h.post(parameters, { cert });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_client');
    }
    const offList = await h.post(
      { ...parameters, client_id: 'unlisted.pgo.example' },
      {
        cert: h.certs['unlisted.pgo.example']!,
      },
    );
    expect(offList.body.error).toBe('invalid_client');
    // A client that tried HTTP authentication gets a 401 with a challenge (RFC 6749 §5.2).
    const basic = await h.post(parameters, {
      cert: null,
      headers: { authorization: 'Basic eDp5' },
    });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect((await h.post(parameters)).status).toBe(200);
  });

  it('refuses a client whose OCL entry lacks the service (unauthorized_client)', async () => {
    const { code } = await h.newCode({
      clientId: h.clients['no63.pgo.example']!,
      redirectUri: 'https://no63.pgo.example/cb',
    });
    const answer = await h.post(
      {
        grant_type: 'authorization_code',
        code,
        client_id: 'no63.pgo.example',
        redirect_uri: 'https://no63.pgo.example/cb',
      },
      { cert: h.certs['no63.pgo.example']! },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unauthorized_client');
  });
});

describe('the client-certificate header outside trusted-proxy mode', () => {
  let h: TokenHarness;
  beforeAll(async () => {
    h = await startTokenHarness('pglite', {});
  });
  afterAll(async () => h?.stop());

  it('is ignored: without TRUSTED_PROXY the request has no client certificate', async () => {
    const { code } = await h.newCode();
    const answer = await h.exchange(code);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_client');
  });
});
