// grant_type=authorization_code over real HTTP on both databases: each accepted request form,
// the response, single use with revocation on reuse, a race of redemptions, and the code's
// bindings (expiry, client, redirect_uri). Chain-log events and what logs must never hold.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '../src/auth/pgoTokens.ts';
import { databaseKinds } from './support/databases.ts';
import { startTokenHarness, type TokenHarness } from './support/tokenEndpointHarness.ts';
import { OTHER_PGO, PGO, REDIRECT_URI } from './support/tokenFixtures.ts';

describe.each(databaseKinds)('MedMij code exchange on %s', (kind) => {
  let h: TokenHarness;
  beforeAll(async () => {
    h = await startTokenHarness(kind);
  });
  afterAll(async () => h?.stop());

  it('exchanges a code sent as a form body for a Bearer token, uncached', async () => {
    const { code, grantId } = await h.newCode();
    const answer = await h.exchange(code);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'rivm',
    });
    const actor = await verifyAccessToken(h.reader, answer.body.access_token as string);
    expect(actor).toMatchObject({ kind: 'PGO', id: PGO, citizenId: h.citizenId, scope: 'rivm' });
    const audit = await h.prisma.auditEntry.findMany({ where: { action: 'token.issued' } });
    expect(
      audit.some((entry) => (entry.disclosed as { grantId?: string }).grantId === grantId),
    ).toBe(true);
  });

  it('accepts the parameters in the query string of a POST without body', async () => {
    const { code } = await h.newCode();
    const answer = await h.exchange(code, {}, 'query');
    expect(answer.status).toBe(200);
    expect(answer.body.token_type).toBe('Bearer');
  });

  it('accepts a legacy JSON body', async () => {
    const { code } = await h.newCode();
    expect((await h.exchange(code, {}, 'json')).status).toBe(200);
  });

  it('gives no refresh token under one-time consent, and one under long-term consent', async () => {
    const oneTime = await h.exchange((await h.newCode()).code);
    expect(oneTime.body).not.toHaveProperty('refresh_token');
    const longTerm = await h.exchange((await h.newCode({ longTerm: true })).code);
    expect(longTerm.body.refresh_token).toEqual(expect.any(String));
    expect(longTerm.body.refresh_token).not.toBe(longTerm.body.access_token);
  });

  it('refuses a reused code and revokes the tokens issued from it', async () => {
    const { code, grantId } = await h.newCode({ longTerm: true });
    const first = await h.exchange(code);
    expect(first.status).toBe(200);
    const again = await h.exchange(code);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    expect(await h.tokenState(first.body.access_token as string)).toBe('revoked');
    expect((await h.refresh(first.body.refresh_token as string)).body.error).toBe('invalid_grant');
    const audit = await h.prisma.auditEntry.findMany({
      where: { action: { in: ['authorization_code.reused', 'grant.tokens_revoked'] } },
    });
    const mine = audit.filter((e) => (e.disclosed as { grantId?: string }).grantId === grantId);
    expect(mine.map((e) => e.action).sort()).toEqual([
      'authorization_code.reused',
      'grant.tokens_revoked',
    ]);
    expect(h.server.logs.some((l) => l.event === 'token.reuse_detected')).toBe(true);
  });

  it('lets exactly one of concurrent redemptions of a code succeed', async () => {
    const { code } = await h.newCode();
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.exchange(code)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 400, 400, 400, 400]);
    for (const answer of answers.filter((a) => a.status === 400)) {
      expect(answer.body.error).toBe('invalid_grant');
    }
  });

  it('refuses an expired code', async () => {
    const { code } = await h.newCode({ codeLifetime: -1000 });
    const answer = await h.exchange(code);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('refuses a different redirect_uri without spending the code', async () => {
    const { code } = await h.newCode();
    const wrong = await h.exchange(code, { redirect_uri: `${REDIRECT_URI}/` });
    expect(wrong.body.error).toBe('invalid_grant');
    expect((await h.exchange(code, { redirect_uri: '' })).body.error).toBe('invalid_request');
    expect((await h.exchange(code)).status).toBe(200);
  });

  it('refuses a code issued to another client', async () => {
    const { code } = await h.newCode({ clientId: h.clients[OTHER_PGO]! });
    const answer = await h.exchange(code);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('refuses an unknown code and a missing one', async () => {
    expect((await h.exchange('not-a-code-we-issued')).body.error).toBe('invalid_grant');
    const missing = await h.post({ grant_type: 'authorization_code', client_id: PGO });
    expect(missing.body.error).toBe('invalid_request');
  });

  it('writes chain-log events with the MedMij ids, and never a token or code', async () => {
    const { code } = await h.newCode({ longTerm: true });
    const requestId = randomUUID();
    const correlationId = randomUUID();
    const answer = await h.post(
      { grant_type: 'authorization_code', code, client_id: PGO, redirect_uri: REDIRECT_URI },
      {
        form: 'query',
        headers: { 'medmij-request-id': requestId, 'x-correlation-id': correlationId },
      },
    );
    expect(answer.status).toBe(200);
    const chain = h.server.logs.filter(
      (l) =>
        (l.medmijChain as { request?: { id?: string } } | undefined)?.request?.id === requestId,
    );
    expect(chain.map((l) => l.event)).toEqual([
      'medmij_chain.receive_token_request',
      'medmij_chain.send_token_response',
    ]);
    expect(chain[0]?.medmijChain).toMatchObject({
      event: { type: 'receive_token_request', trace_id: correlationId },
      request: { client_id: PGO, grant_type: 'authorization_code', method: 'POST' },
    });
    const raw = h.server.rawLogs();
    expect(raw).not.toContain(code);
    expect(raw).not.toContain(answer.body.access_token as string);
    expect(raw).not.toContain(answer.body.refresh_token as string);
    const refused = h.server.logs.filter((l) => l.event === 'medmij_chain.token_request_error');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.medmijChain).toMatchObject({ error: { code: expect.any(String) } });
  });
});
