// GET /oauth/digid/callback: the DigiD broker sends the browser back here. The session is the
// one (authorization or consent management) whose pending login has this `state`; without
// such a session nothing happens (a forged or stale callback logs nobody in). The route logs
// at warn only: Fastify's request line would carry the broker's code.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../authorize/errorPages.ts';
import type { FrontChannel } from '../authorize/frontChannel.ts';
import { authorizeCallback } from './authorizeCallback.ts';
import { findSession } from './browserSession.ts';
import type { DigidPending } from './flow.ts';
import { manageConsentsCallback } from './manageConsentsCallback.ts';

/** What the broker sent: an error, or a code to redeem; and the URL to redeem it with. */
export interface BrokerAnswer {
  error?: string;
  /** The callback URL as registered plus the broker's query, for openid-client. */
  url: URL;
}

function answerOf(front: FrontChannel, request: FastifyRequest): BrokerAnswer & { state?: string } {
  const raw = request.raw.url ?? '';
  const url = new URL(front.digidRedirectUri);
  url.search = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
  const error = url.searchParams.get('error') ?? undefined;
  const state = url.searchParams.get('state') ?? undefined;
  return { url, ...(error ? { error } : {}), ...(state ? { state } : {}) };
}

function waitsFor(flow: { step: string; digid?: DigidPending | undefined }, state?: string) {
  return flow.step === 'digid' && state !== undefined && flow.digid?.state === state;
}

export function registerCallbackRoute(app: FastifyInstance, front: FrontChannel): void {
  app.get('/oauth/digid/callback', { logLevel: 'warn' }, async (request, reply) => {
    const answer = answerOf(front, request);
    const now = front.now();
    const authorize = await findSession(front.prisma, request, 'authorize', front.sessions, now);
    if (authorize && waitsFor(authorize.flow, answer.state) && authorize.flow.digid) {
      return authorizeCallback(front, request, reply, authorize, authorize.flow.digid, answer);
    }
    const manage = await findSession(front.prisma, request, 'manage-consents', front.sessions, now);
    if (manage && waitsFor(manage.flow, answer.state) && manage.flow.digid) {
      return manageConsentsCallback(front, request, reply, manage, manage.flow.digid, answer);
    }
    return sendErrorPage(reply, 'session');
  });
}
