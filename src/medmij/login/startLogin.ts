// POST /oauth/digid/login: the landing page's form. "Log in" sends the browser to the DigiD
// broker with a fresh state, nonce and PKCE challenge, kept in the BrowserSession; "cancel"
// goes back to the PGO with access_denied. Both need the session's CSRF token.
import type { FastifyInstance } from 'fastify';
import { accessDenied, TemporarilyUnavailable } from '../errors.ts';
import { redirectWithError } from '../authorize/clientResponse.ts';
import { sendErrorPage } from '../authorize/errorPages.ts';
import { chainLogFor, eventLog, type FrontChannel } from '../authorize/frontChannel.ts';
import { csrfTokenMatches, findSession, updateSession } from './browserSession.ts';

interface LoginForm {
  csrf?: unknown;
  action?: unknown;
}

export function registerStartLogin(app: FastifyInstance, front: FrontChannel): void {
  app.post<{ Body: LoginForm }>('/oauth/digid/login', async (request, reply) => {
    const session = await findSession(
      front.prisma,
      request,
      'authorize',
      front.sessions,
      front.now(),
    );
    // Back from the broker without finishing, the citizen may press the button again.
    if (!session || session.flow.step === 'consent') return sendErrorPage(reply, 'session');
    if (!csrfTokenMatches(session, request.body?.csrf)) return sendErrorPage(reply, 'form');

    const pending = session.flow.request;
    const to = { ...pending };
    if (request.body?.action === 'cancel') {
      const cancelled = accessDenied('landing_cancelled');
      return redirectWithError(front, request, reply, to, cancelled, session, true);
    }

    let login;
    try {
      login = await front.digid.start();
    } catch (error) {
      eventLog(front, request).error({
        event: 'medmij.digid.unavailable',
        err: { type: (error as Error).name, message: (error as Error).message },
      });
      const unavailable = new TemporarilyUnavailable('login is unavailable', 'digid_discovery');
      return redirectWithError(front, request, reply, to, unavailable, session);
    }
    await updateSession(front.prisma, session, {
      flow: { ...session.flow, step: 'digid', digid: login.pending },
    });
    chainLogFor(front, request)('send_authentication_request', {
      requestId: pending.requestId,
      correlationId: pending.correlationId,
      clientId: pending.clientId,
      sessionId: session.id,
      method: 'POST',
      uri: '/oauth/digid/login',
      status: 303,
    });
    return reply.redirect(login.url.href, 303);
  });
}
