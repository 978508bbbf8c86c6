// The DigiD callback of an authorization: a cancelled or failed login, an assurance level we do
// not accept and a negative availability test all end at the PGO with access_denied, alike,
// so the PGO learns nothing about the person (medmij-dva.md §3.1, §5). A citizen who passes
// goes on to the consent page, with only their internal id in the session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { availabilityTest } from '../availability.ts';
import { redirectWithError } from '../authorize/clientResponse.ts';
import { chainLogFor, eventLog, type FrontChannel } from '../authorize/frontChannel.ts';
import { accessDenied } from '../errors.ts';
import { updateSession, type BrowserSessionOf } from './browserSession.ts';
import type { BrokerAnswer } from './callbackRoute.ts';
import { digidOutcome } from './digidOutcome.ts';
import type { DigidPending } from './flow.ts';

export async function authorizeCallback(
  front: FrontChannel,
  request: FastifyRequest,
  reply: FastifyReply,
  session: BrowserSessionOf<'authorize'>,
  digid: DigidPending,
  answer: BrokerAnswer,
): Promise<FastifyReply> {
  const pending = session.flow.request;
  const chain = chainLogFor(front, request);
  const ids = {
    requestId: pending.requestId,
    correlationId: pending.correlationId,
    clientId: pending.clientId,
    sessionId: session.id,
    method: 'GET',
    uri: '/oauth/digid/callback',
  };
  const deny = (reason: string, cancellation = false) =>
    redirectWithError(front, request, reply, pending, accessDenied(reason), session, cancellation);

  const outcome = await digidOutcome(front, digid, answer, eventLog(front, request));
  if (outcome.kind === 'cancelled') {
    chain('receive_authorization_cancellation', ids);
    return deny('digid_cancelled', true);
  }
  if (outcome.kind === 'failed') {
    chain('receive_authentication_error', { ...ids, error: { code: outcome.reason } });
    return deny(outcome.reason);
  }
  chain('receive_authentication_response', ids);

  const audit = (action: string, disclosed: Record<string, unknown>) =>
    front.audit.append({
      // A refusal before we know who logged in is recorded by the authorization server itself.
      actor: outcome.citizenId
        ? { kind: 'CITIZEN' as const, id: outcome.citizenId }
        : { kind: 'SYSTEM' as const, id: 'medmij-authorize' },
      citizenId: outcome.citizenId,
      action,
      disclosed: { client: pending.clientId, ...disclosed },
      outcome: 'DENIED',
      requestId: pending.requestId,
      correlationId: pending.correlationId,
    });
  if (outcome.kind === 'insufficient') {
    await audit('medmij.authentication.refused', { loa: outcome.loa });
    return deny('assurance_level');
  }
  const availability = await availabilityTest(front.prisma, outcome.citizenId, front.now());
  if (!availability.available) {
    await audit('medmij.availability.refused', { reason: availability.reason });
    return deny(availability.reason);
  }

  // The broker secrets are spent: the flow keeps only the pending request.
  await updateSession(front.prisma, session, {
    flow: { step: 'consent', request: session.flow.request },
    citizenId: outcome.citizenId,
    loa: outcome.loa,
  });
  return reply.redirect('/oauth/consent', 302);
}
