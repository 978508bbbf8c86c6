// GET and POST /oauth/consent: the consent question after a positive availability test
// (medmij-dva.md §5). Accept creates the grant and the authorization code and sends the
// browser to redirect_uri?code=…&state=… (nothing else); decline sends access_denied. The
// POST needs the session's CSRF token; without it nothing is decided.
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendIn } from '../../audit/auditTrail.ts';
import { redirectWithCode, redirectWithError } from '../authorize/clientResponse.ts';
import { sendErrorPage } from '../authorize/errorPages.ts';
import type { FrontChannel } from '../authorize/frontChannel.ts';
import { sendPage } from '../authorize/page.ts';
import { accessDenied } from '../errors.ts';
import { createGrantWithCode } from '../../auth/grants/createGrant.ts';
import {
  claimSession,
  csrfTokenMatches,
  findSession,
  type BrowserSessionOf,
} from '../login/browserSession.ts';
import { consentPage } from './consentPage.ts';

interface ConsentForm {
  csrf?: unknown;
  decision?: unknown;
  longTerm?: unknown;
}

type ConsentSession = BrowserSessionOf<'authorize'> & { citizenId: string };

async function consentSession(
  front: FrontChannel,
  request: FastifyRequest,
): Promise<ConsentSession | undefined> {
  const session = await findSession(
    front.prisma,
    request,
    'authorize',
    front.sessions,
    front.now(),
  );
  if (!session || session.flow.step !== 'consent' || !session.citizenId) return undefined;
  return session as ConsentSession;
}

export function registerConsentRoutes(app: FastifyInstance, front: FrontChannel): void {
  app.get('/oauth/consent', async (request, reply) => {
    const session = await consentSession(front, request);
    if (!session) return sendErrorPage(reply, 'session');
    const content = consentPage({
      providerName: front.settings.providerName,
      organisationName: session.flow.request.organisationName,
      csrfToken: session.csrfToken,
    });
    return sendPage(reply, 200, content, [new URL(session.flow.request.redirectUri).origin]);
  });

  app.post<{ Body: ConsentForm }>('/oauth/consent', async (request, reply) => {
    const session = await consentSession(front, request);
    if (!session) return sendErrorPage(reply, 'session');
    if (!csrfTokenMatches(session, request.body?.csrf)) return sendErrorPage(reply, 'form');
    const decision = request.body?.decision;
    if (decision === 'accept') return accept(front, request, reply, session);
    if (decision === 'decline') return decline(front, request, reply, session);
    return sendErrorPage(reply, 'form');
  });
}

async function accept(
  front: FrontChannel,
  request: FastifyRequest<{ Body: ConsentForm }>,
  reply: FastifyReply,
  session: ConsentSession,
): Promise<FastifyReply> {
  const pending = session.flow.request;
  const now = front.now();
  const created = await front.prisma.$transaction(async (tx) => {
    if (!(await claimSession(tx, session.id, now))) return undefined;
    return createGrantWithCode(
      tx,
      {
        citizenId: session.citizenId,
        client: { hostname: pending.clientId, organisationName: pending.organisationName },
        scope: pending.scope,
        redirectUri: pending.redirectUri,
        longTerm: request.body?.longTerm === 'yes',
        requestId: pending.requestId,
        correlationId: pending.correlationId,
      },
      front.grants,
      now,
    );
  });
  if (!created) return sendErrorPage(reply, 'session');
  return redirectWithCode(front, request, reply, session, created.code);
}

async function decline(
  front: FrontChannel,
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsentSession,
): Promise<FastifyReply> {
  const pending = session.flow.request;
  const claimed = await front.prisma.$transaction(async (tx) => {
    if (!(await claimSession(tx, session.id, front.now()))) return false;
    const record = {
      actor: { kind: 'CITIZEN' as const, id: session.citizenId },
      citizenId: session.citizenId,
      action: 'medmij.consent.declined',
      disclosed: { client: pending.clientId, scope: pending.scope },
      outcome: 'DENIED' as const,
      requestId: pending.requestId,
      correlationId: pending.correlationId,
    };
    await appendIn(tx, record, randomInt(front.grants.auditChains));
    return true;
  });
  if (!claimed) return sendErrorPage(reply, 'session');
  const declined = accessDenied('consent_declined');
  return redirectWithError(front, request, reply, pending, declined, session, true);
}
