// The citizen's browser session with our pages (prisma model BrowserSession). The browser
// holds a random cookie (256 bits); we store only its SHA-256. One cookie per purpose, so an
// authorization and the consent-management page never disturb each other. The cookie is
// HttpOnly, SameSite=Lax (the broker's redirect back is a top-level GET, which Lax allows),
// Secure and `__Host-` prefixed when we are served over https.
//
// The CSRF token of a session's forms is an HMAC of the cookie under a fixed label: bound to
// the session, unguessable without the cookie, and needing no storage.
//
// Known shortcoming: expired and finished rows stay in browser_session; a periodic delete of
// rows past `expires_at` (indexed) belongs in a maintenance job, which does not exist yet.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Prisma, PrismaClient } from '../../store/generated/client.ts';
import { flowSchemas, type FlowOf, type Purpose } from './flow.ts';

export interface SessionSettings {
  /** Whether our public URL is https: Secure cookies with the `__Host-` prefix. */
  secure: boolean;
}

export interface BrowserSessionOf<P extends Purpose> {
  id: string;
  purpose: P;
  flow: FlowOf<P>;
  citizenId: string | null;
  loa: string | null;
  expiresAt: Date;
  /** For the session's forms. */
  csrfToken: string;
}

/** How long each purpose may take: DigiD login plus reading the consent text. */
const lifetimeSeconds: Record<Purpose, number> = { authorize: 1800, 'manage-consents': 900 };

export function cookieName(purpose: Purpose, settings: SessionSettings): string {
  const name = purpose === 'authorize' ? 'entpoort-authorize' : 'entpoort-consents';
  return settings.secure ? `__Host-${name}` : name;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function csrfTokenOf(cookie: string): string {
  return createHmac('sha256', cookie).update('entpoort-csrf').digest('base64url');
}

export async function startSession<P extends Purpose>(
  prisma: PrismaClient,
  reply: FastifyReply,
  purpose: P,
  flow: FlowOf<P>,
  settings: SessionSettings,
  now: Date,
): Promise<BrowserSessionOf<P>> {
  const cookie = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimeSeconds[purpose] * 1000);
  const row = await prisma.browserSession.create({
    data: { sessionHash: sha256(cookie), purpose, flow: flow as Prisma.InputJsonValue, expiresAt },
    select: { id: true },
  });
  reply.setCookie(cookieName(purpose, settings), cookie, {
    path: '/',
    httpOnly: true,
    secure: settings.secure,
    sameSite: 'lax',
    maxAge: lifetimeSeconds[purpose],
  });
  return {
    id: row.id,
    purpose,
    flow,
    citizenId: null,
    loa: null,
    expiresAt,
    csrfToken: csrfTokenOf(cookie),
  };
}

/** The live session of this purpose the request's cookie names, if any. */
export async function findSession<P extends Purpose>(
  prisma: PrismaClient,
  request: FastifyRequest,
  purpose: P,
  settings: SessionSettings,
  now: Date,
): Promise<BrowserSessionOf<P> | undefined> {
  const cookie = request.cookies[cookieName(purpose, settings)];
  if (!cookie || cookie.length > 100) return undefined;
  const row = await prisma.browserSession.findUnique({ where: { sessionHash: sha256(cookie) } });
  if (!row || row.purpose !== purpose || row.completedAt || row.expiresAt <= now) {
    return undefined;
  }
  const flow = flowSchemas[purpose].safeParse(row.flow);
  if (!flow.success) return undefined;
  return {
    id: row.id,
    purpose,
    flow: flow.data as FlowOf<P>,
    citizenId: row.citizenId,
    loa: row.loa,
    expiresAt: row.expiresAt,
    csrfToken: csrfTokenOf(cookie),
  };
}

export async function updateSession<P extends Purpose>(
  prisma: PrismaClient,
  session: BrowserSessionOf<P>,
  changes: { flow: FlowOf<P>; citizenId?: string | null; loa?: string | null },
): Promise<void> {
  await prisma.browserSession.update({
    where: { id: session.id },
    data: {
      flow: changes.flow as Prisma.InputJsonValue,
      ...(changes.citizenId !== undefined ? { citizenId: changes.citizenId } : {}),
      ...(changes.loa !== undefined ? { loa: changes.loa } : {}),
    },
  });
}

/**
 * Ends a session for good: it cannot be resumed (a second consent, a replayed callback), and
 * the secrets of the DigiD login are wiped from the row.
 */
export async function endSession(
  prisma: PrismaClient,
  reply: FastifyReply,
  session: Pick<BrowserSessionOf<Purpose>, 'id' | 'purpose'>,
  settings: SessionSettings,
  now: Date,
): Promise<void> {
  await prisma.browserSession.updateMany({
    where: { id: session.id, completedAt: null },
    data: { completedAt: now, flow: {} },
  });
  reply.clearCookie(cookieName(session.purpose, settings), { path: '/' });
}

/** Whether a form's CSRF token is the session's, in constant time. */
export function csrfTokenMatches(session: { csrfToken: string }, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Finishes a session inside the caller's transaction, once: false when another request
 * finished it first (a double-submitted consent form gets one code, not two).
 */
export async function claimSession(
  tx: Prisma.TransactionClient,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.browserSession.updateMany({
    where: { id: sessionId, completedAt: null, expiresAt: { gt: now } },
    data: { completedAt: now, flow: {} },
  });
  return count === 1;
}
