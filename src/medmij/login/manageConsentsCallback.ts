// The DigiD callback of the consent-management page: the citizen, logged in at an accepted
// assurance level, sees their long-term consents. A citizen we do not know simply has none.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../authorize/errorPages.ts';
import { eventLog, type FrontChannel } from '../authorize/frontChannel.ts';
import { endSession, updateSession, type BrowserSessionOf } from './browserSession.ts';
import type { BrokerAnswer } from './callbackRoute.ts';
import { digidOutcome } from './digidOutcome.ts';
import type { DigidPending } from './flow.ts';

export async function manageConsentsCallback(
  front: FrontChannel,
  request: FastifyRequest,
  reply: FastifyReply,
  session: BrowserSessionOf<'manage-consents'>,
  digid: DigidPending,
  answer: BrokerAnswer,
): Promise<FastifyReply> {
  const outcome = await digidOutcome(front, digid, answer, eventLog(front, request));
  if (outcome.kind !== 'authenticated') {
    await endSession(front.prisma, reply, session, front.sessions, front.now());
    return sendErrorPage(reply, 'login');
  }
  await updateSession(front.prisma, session, {
    flow: { step: 'ready' },
    citizenId: outcome.citizenId,
    loa: outcome.loa,
  });
  return reply.redirect('/oauth/consents', 302);
}
