// GET /oauth/authorize: the MedMij authorization request (medmij-dva.md §3). A request we may
// not redirect for ends on our error page; any other defect is redirected to the PGO. An
// accepted request starts a BrowserSession holding it, and the landing page asks the citizen
// to log in with DigiD.
import type { FastifyInstance } from 'fastify';
import { isUuid } from '../../server/requestIds.ts';
import { startSession } from '../login/browserSession.ts';
import { checkAuthorizationRequest } from './authorizationRequest.ts';
import { redirectWithError } from './clientResponse.ts';
import { sendErrorPage } from './errorPages.ts';
import { chainLogFor, eventLog, type FrontChannel } from './frontChannel.ts';
import { landingPage } from './landingPage.ts';
import { sendPage } from './page.ts';
import { readQueryParameters, valuesIgnoringCase } from './queryParameters.ts';

export function registerAuthorizeRoute(app: FastifyInstance, front: FrontChannel): void {
  app.get('/oauth/authorize', async (request, reply) => {
    const parameters = readQueryParameters(request.raw.url ?? '');
    const chain = chainLogFor(front, request);
    const uri = '/oauth/authorize';
    const claimed = {
      requestId: valuesIgnoringCase(parameters, 'MedMij-Request-ID')[0],
      correlationId: valuesIgnoringCase(parameters, 'X-Correlation-ID')[0],
      clientId: parameters.get('client_id')?.[0],
    };
    // Values the client sent may be anything; only well-formed ones reach the chain log.
    const loggable = {
      requestId: checkedId(claimed.requestId),
      correlationId: checkedId(claimed.correlationId),
      clientId: claimed.clientId && front.clients.oauthClient(claimed.clientId)?.hostname,
    };
    chain('receive_authorization_request', { ...loggable, method: 'GET', uri });

    const check = checkAuthorizationRequest(parameters, front.clients, front.settings.scope);
    if (check.kind === 'error_page') {
      const error = { code: check.error.code, description: check.error.message };
      chain('authorization_request_error', { ...loggable, method: 'GET', uri, error });
      chain('show_authorization_request_error_page', { ...loggable, uri, status: 400, error });
      eventLog(front, request).info({
        event: 'medmij.authorization.error_page',
        reason: check.error.reason,
      });
      return sendErrorPage(reply, 'bad_request', check.error.message);
    }
    if (check.kind === 'error_redirect') {
      const error = { code: check.error.code, description: check.error.message };
      chain('authorization_request_error', { ...loggable, method: 'GET', uri, error });
      return redirectWithError(front, request, reply, check.to, check.error);
    }

    const pending = check.request;
    const session = await startSession(
      front.prisma,
      reply,
      'authorize',
      { step: 'landing', request: pending },
      front.sessions,
      front.now(),
    );
    chain('show_landing_page', {
      requestId: pending.requestId,
      correlationId: pending.correlationId,
      clientId: pending.clientId,
      sessionId: session.id,
      uri,
      status: 200,
    });
    const content = landingPage({
      providerName: front.settings.providerName,
      organisationName: pending.organisationName,
      csrfToken: session.csrfToken,
    });
    // The form leads to the DigiD broker, or (cancel) back to the PGO.
    const targets = [
      new URL(front.settings.digidIssuer).origin,
      new URL(pending.redirectUri).origin,
    ];
    return sendPage(reply, 200, content, targets);
  });
}

function checkedId(value: string | undefined): string | undefined {
  return isUuid(value) ? value : undefined;
}
