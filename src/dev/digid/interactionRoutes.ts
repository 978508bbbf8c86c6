// The development broker's interaction pages (under `${mountPath}/interaction/:uid`): the
// login page, its submission (finishing the interaction with a fresh login and a grant of
// scope openid) and cancel (finishing it with access_denied, as nl-rdo-max does).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { citizens as demoCitizens } from '../demo/citizens.ts';
import { ageOn } from '../../rules/age.ts';
import { isValidBsn } from '../../rules/bsn.ts';
import type { PrismaClient } from '../../store/generated/client.ts';
import { DEFAULT_LEVEL, isDevLevel } from './levels.ts';
import { devLoginPage, type DevCitizen } from './loginPage.ts';
import type { DevLogins } from './logins.ts';
import type { OidcProvider } from './oidcProvider.ts';

const LISTED = 50;

async function listedCitizens(prisma: PrismaClient): Promise<DevCitizen[]> {
  const demo = new Map(demoCitizens.map((c) => [c.bsn, c]));
  const rows = await prisma.citizen.findMany({
    select: { bsn: true, birthDate: true },
    orderBy: { bsn: 'asc' },
    take: LISTED,
  });
  const now = new Date();
  return rows.map((row) => {
    const known = demo.get(row.bsn);
    return {
      bsn: row.bsn,
      age: ageOn(row.birthDate, now),
      ...(known ? { demo: { key: known.key, illustrates: known.illustrates } } : {}),
    };
  });
}

type Interactive = FastifyRequest<{ Params: { uid: string }; Body: Record<string, unknown> }>;

export function registerInteractionRoutes(
  app: FastifyInstance,
  mountPath: string,
  provider: OidcProvider,
  logins: DevLogins,
  prisma: PrismaClient,
): void {
  const base = `${mountPath}/interaction/:uid`;
  const show = async (request: Interactive, reply: FastifyReply, problem?: string) => {
    const interaction = await provider.interactionDetails(request.raw, reply.raw);
    const page = devLoginPage(
      `${mountPath}/interaction/${interaction.uid}`,
      await listedCitizens(prisma),
      problem,
    );
    return reply
      .status(problem ? 400 : 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(page);
  };

  app.get(base, (request: Interactive, reply) => show(request, reply));

  app.post(`${base}/login`, async (request: Interactive, reply) => {
    const interaction = await provider.interactionDetails(request.raw, reply.raw);
    const typed = typeof request.body?.bsn === 'string' ? request.body.bsn.trim() : '';
    const bsn = typed || request.body?.citizen;
    if (typeof bsn !== 'string' || !isValidBsn(bsn)) {
      return show(request, reply, 'Dat is geen geldig BSN (negen cijfers, elfproef).');
    }
    const loa = isDevLevel(request.body?.loa) ? request.body.loa : DEFAULT_LEVEL;
    const accountId = logins.add({ bsn, loa });
    const grant = new provider.Grant({
      accountId,
      clientId: String(interaction.params.client_id),
    });
    grant.addOIDCScope('openid');
    const grantId = await grant.save();
    return finish(request, reply, { login: { accountId }, consent: { grantId } });
  });

  app.post(`${base}/cancel`, (request: Interactive, reply) =>
    finish(request, reply, { error: 'access_denied', error_description: 'login cancelled' }),
  );

  /** Hands the answer to oidc-provider, which redirects the browser back into the flow. */
  async function finish(
    request: Interactive,
    reply: FastifyReply,
    result: Record<string, unknown>,
  ) {
    reply.hijack();
    try {
      await provider.interactionFinished(request.raw, reply.raw, result, {
        mergeWithLastSubmission: false,
      });
    } catch (error) {
      request.log.warn({ event: 'dev_digid.interaction_failed', err: (error as Error).name });
      if (!reply.raw.headersSent) reply.raw.writeHead(400, { 'content-type': 'text/plain' });
      reply.raw.end('interaction expired or unknown');
    }
  }
}
