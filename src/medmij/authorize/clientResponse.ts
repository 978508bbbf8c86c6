// The end of an authorization, back at the PGO: the code and state, or an RFC 6749 error and
// the state. Either way the BrowserSession is finished first, so a reload or a replayed
// callback cannot produce a second answer, and the chain log records what was sent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthorizationError } from '../errors.ts';
import { cookieName, endSession, type BrowserSessionOf } from '../login/browserSession.ts';
import type { ErrorDestination } from './authorizationRequest.ts';
import { clientRedirectUrl } from './clientRedirect.ts';
import { chainLogFor, eventLog, type FrontChannel } from './frontChannel.ts';

/** 303 after our own forms (POST), 302 after a GET (the authorize request, the callback). */
function redirectStatus(request: FastifyRequest): 302 | 303 {
  return request.method === 'POST' ? 303 : 302;
}

export async function redirectWithError(
  front: FrontChannel,
  request: FastifyRequest,
  reply: FastifyReply,
  to: ErrorDestination,
  error: AuthorizationError,
  session?: BrowserSessionOf<'authorize'>,
  /** The citizen cancelled or declined: logged as a cancellation rather than an error. */
  cancellation = false,
): Promise<FastifyReply> {
  if (session) await endSession(front.prisma, reply, session, front.sessions, front.now());
  const status = redirectStatus(request);
  const event = cancellation
    ? 'send_authorization_cancellation'
    : 'send_authorization_request_error';
  chainLogFor(front, request)(event, {
    requestId: to.requestId,
    correlationId: to.correlationId,
    clientId: to.clientId,
    sessionId: session?.id,
    method: request.method,
    uri: request.routeOptions.url,
    status,
    error: { code: error.code, description: error.message },
  });
  eventLog(front, request).info({
    event: 'medmij.authorization.refused',
    error: error.code,
    reason: error.reason,
    client: to.clientId,
  });
  const url = clientRedirectUrl(
    to.redirectUri,
    { error: error.code, error_description: error.message },
    to.state,
  );
  return reply.redirect(url, status);
}

/** The session was finished in the transaction that made the code (consentRoutes.ts). */
export function redirectWithCode(
  front: FrontChannel,
  request: FastifyRequest,
  reply: FastifyReply,
  session: BrowserSessionOf<'authorize'>,
  code: string,
): FastifyReply {
  const pending = session.flow.request;
  reply.clearCookie(cookieName('authorize', front.sessions), { path: '/' });
  const status = redirectStatus(request);
  chainLogFor(front, request)('send_authorization_response', {
    requestId: pending.requestId,
    correlationId: pending.correlationId,
    clientId: pending.clientId,
    sessionId: session.id,
    method: request.method,
    uri: request.routeOptions.url,
    status,
  });
  const url = clientRedirectUrl(pending.redirectUri, { code }, pending.state);
  return reply.redirect(url, status);
}
