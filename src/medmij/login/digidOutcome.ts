// What a DigiD login came to, from the broker's answer at our callback: cancelled, failed, an
// assurance level below what we accept, or a citizen authenticated well enough. The BSN is
// turned into our citizen id here and dropped; nothing returned from here carries it.
import type { Logger } from 'pino';
import type { FrontChannel } from '../authorize/frontChannel.ts';
import { meetsAssurance } from './assurance.ts';
import { citizenIdByBsn } from './citizenLookup.ts';
import type { DigidPending } from './flow.ts';

export type DigidOutcome =
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string }
  | { kind: 'insufficient'; citizenId: string | null; loa: string | null }
  /** citizenId null: DigiD knows the person, we do not. */
  | { kind: 'authenticated'; citizenId: string | null; loa: string };

export async function digidOutcome(
  front: FrontChannel,
  pending: DigidPending,
  answer: { error?: string; url: URL },
  log: Logger,
): Promise<DigidOutcome> {
  // nl-rdo-max ends a cancelled login with access_denied; any other error is a failure.
  if (answer.error === 'access_denied') return { kind: 'cancelled' };
  if (answer.error) return { kind: 'failed', reason: `broker_${safeCode(answer.error)}` };

  let identity;
  try {
    identity = await front.digid.finish(answer.url, pending);
  } catch (error) {
    // Names and messages of openid-client, jose and our own checks; none carries a claim value.
    const err = error as Error & { code?: unknown; error?: unknown };
    log.warn({
      event: 'medmij.digid.login_failed',
      err: { type: err.name, message: err.message, code: err.code, error: err.error },
    });
    return { kind: 'failed', reason: 'digid_response' };
  }

  const citizenId = await citizenIdByBsn(front.prisma, identity.bsn);
  if (!meetsAssurance(identity.loa)) {
    return { kind: 'insufficient', citizenId, loa: identity.loa ?? null };
  }
  return { kind: 'authenticated', citizenId, loa: identity.loa };
}

/** An OAuth error code as the broker sent it, only if it looks like one (it reaches logs). */
function safeCode(value: string): string {
  return /^[a-z_]{1,40}$/.test(value) ? value : 'other';
}
