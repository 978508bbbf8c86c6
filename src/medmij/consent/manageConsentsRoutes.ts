// The citizen's consent management: GET /oauth/consents (log in, or the list), POST
// /oauth/consents/login (to DigiD, in a `manage-consents` session), POST /oauth/consents/revoke
// (CSRF-protected; revokes the grant and its tokens at once, see grants/revokeGrant.ts).
import type { FastifyInstance } from 'fastify';
import { isUuid } from '../../server/requestIds.ts';
import { sendErrorPage } from '../authorize/errorPages.ts';
import { eventLog, type FrontChannel } from '../authorize/frontChannel.ts';
import { sendPage } from '../authorize/page.ts';
import { revokeGrant } from '../../auth/grants/revokeGrant.ts';
import { csrfTokenMatches, findSession, startSession } from '../login/browserSession.ts';
import { manageConsentsPage, manageLoginPage, type ListedGrant } from './manageConsentsPage.ts';

async function longTermGrants(front: FrontChannel, citizenId: string | null, now: Date) {
  if (!citizenId) return [];
  const rows = await front.prisma.grant.findMany({
    where: { citizenId, longTerm: true, revokedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      client: { select: { organisationName: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r): ListedGrant => ({ ...r, organisationName: r.client.organisationName }));
}

export function registerManageConsentsRoutes(app: FastifyInstance, front: FrontChannel): void {
  const brokerOrigin = new URL(front.settings.digidIssuer).origin;

  app.get<{ Querystring: { ingetrokken?: string } }>('/oauth/consents', async (request, reply) => {
    const now = front.now();
    const session = await findSession(
      front.prisma,
      request,
      'manage-consents',
      front.sessions,
      now,
    );
    if (!session || session.flow.step !== 'ready') {
      return sendPage(reply, 200, manageLoginPage(front.settings.providerName), [brokerOrigin]);
    }
    const grants = await longTermGrants(front, session.citizenId, now);
    const revoked = request.query.ingetrokken === '1';
    return sendPage(reply, 200, manageConsentsPage(grants, session.csrfToken, revoked));
  });

  app.post('/oauth/consents/login', async (request, reply) => {
    let login;
    try {
      login = await front.digid.start();
    } catch (error) {
      eventLog(front, request).error({
        event: 'medmij.digid.unavailable',
        err: { type: (error as Error).name, message: (error as Error).message },
      });
      return sendErrorPage(reply, 'server');
    }
    const flow = { step: 'digid' as const, digid: login.pending };
    await startSession(front.prisma, reply, 'manage-consents', flow, front.sessions, front.now());
    return reply.redirect(login.url.href, 303);
  });

  app.post<{ Body: { csrf?: unknown; grant?: unknown } }>(
    '/oauth/consents/revoke',
    async (request, reply) => {
      const now = front.now();
      const session = await findSession(
        front.prisma,
        request,
        'manage-consents',
        front.sessions,
        now,
      );
      if (!session || session.flow.step !== 'ready') return sendErrorPage(reply, 'session');
      if (!csrfTokenMatches(session, request.body?.csrf)) return sendErrorPage(reply, 'form');
      const grantId = request.body?.grant;
      if (!session.citizenId || !isUuid(grantId)) return sendErrorPage(reply, 'form');

      const revoked = await revokeGrant(
        front.prisma,
        grantId,
        { kind: 'CITIZEN', id: session.citizenId },
        {
          citizenId: session.citizenId,
          reason: 'revoked by the citizen',
          requestId: request.id,
          auditChains: front.grants.auditChains,
          now,
        },
      );
      if (!revoked) return sendErrorPage(reply, 'form');
      return reply.redirect('/oauth/consents?ingetrokken=1', 303);
    },
  );
}
