// The FHIR face as a Fastify plugin: two bases (Vaccinatie-Immunisatie 2.0 at FHIR_BASE_PATH,
// 1.0 at FHIR_1_0_BASE_PATH) with the same routes and handler, differing only in rendering.
// This file does HTTP: route matching, content negotiation, MedMij ids, the bearer token, and
// the reply. What a request means and whom it may see is the handler's (handler/handle.ts),
// over the GraphQL core with the disclosure document prepared once, here, at start-up.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { PgoActor } from '../auth/actor.ts';
import { graphQLCoreFor } from '../graphql/core.ts';
import { loggableError } from '../graphql/errors.ts';
import {
  clientCertificateResolver,
  type ClientCertificateOf,
} from '../medmij/tls/clientCertificate.ts';
import { callerIds } from '../server/requestIds.ts';
import type { Services } from '../server/services.ts';
import { fhirBases, type FhirBase } from './bases.ts';
import { disclosureDocument } from './documents/index.ts';
import { asFhirError, fhirError, isFhirError } from './errors.ts';
import { negotiateFormat, type FhirFormat } from './format/negotiate.ts';
import { createFhirHandler, type FhirHandler } from './handler/handle.ts';
import { createAuthenticator, type Authenticate } from './http/authenticate.ts';
import { medmijIdsOf, type MedmijIds } from './http/medmijIds.ts';
import { prefersStrictHandling } from './http/prefer.ts';
import { queryParameters } from './http/queryString.ts';
import { sendFhir } from './http/reply.ts';
import { refuse, type FhirInteraction, type FhirRequest, type FhirResponse } from './request.ts';

export interface FhirDependencies {
  /** The back channel's client certificate; by default per the MedMij TLS settings. */
  clientCertificateOf?: ClientCertificateOf | null;
  now?: () => Date;
}

interface Face {
  handle: FhirHandler;
  authenticate: Authenticate;
  logger: Logger;
}

type Target = { interaction: FhirInteraction; type?: string; id?: string } | { unrouted: true };

export async function registerFhir(
  app: FastifyInstance,
  services: Services,
  deps: FhirDependencies = {},
): Promise<void> {
  const { config } = services;
  const core = graphQLCoreFor(services);
  const now = deps.now ?? (() => new Date());
  // TLS on: a back-channel certificate here, or a TLS-terminating proxy that passes it on.
  const tls = Boolean(config.medmijTls.certFile) || config.medmijTls.trustedProxy;
  const face: Face = {
    handle: createFhirHandler({
      core,
      document: core.prepare(disclosureDocument, { own: true }),
      audit: services.audit,
      now,
      startedAt: now(),
    }),
    authenticate: createAuthenticator({
      reader: services.database.reader,
      scope: config.medmijAuthorize.scope,
      clientCertificateOf:
        deps.clientCertificateOf !== undefined
          ? deps.clientCertificateOf
          : tls
            ? clientCertificateResolver(config.medmijTls)
            : null,
      now,
    }),
    logger: services.logger,
  };
  for (const base of fhirBases(config)) {
    // `warn`: Fastify's own request lines would log the URL, whose query a client may have given
    // a BSN (`patient=`); serve() logs its own lines without it. Also covers the 404 handler.
    await app.register(async (scope) => routes(scope, face, base), {
      prefix: base.path,
      logLevel: 'warn',
    });
  }
}

function routes(scope: FastifyInstance, face: Face, base: FhirBase): void {
  // GET only (medmij-dva.md §11): no HEAD twins, which would run the core and audit for nothing.
  const options = { exposeHeadRoute: false } as const;
  type Params = { type: string; id: string };
  scope.get('/metadata', options, (request, reply) =>
    serve(face, base, request, reply, { interaction: 'capabilities' }),
  );
  scope.get<{ Params: Pick<Params, 'type'> }>('/:type', options, (request, reply) =>
    serve(face, base, request, reply, { interaction: 'search-type', type: request.params.type }),
  );
  scope.get<{ Params: Params }>('/:type/:id', options, (request, reply) => {
    const { type, id } = request.params;
    return serve(face, base, request, reply, { interaction: 'read', type, id });
  });
  scope.setNotFoundHandler((request, reply) =>
    serve(face, base, request, reply, { unrouted: true }),
  );
}

async function serve(
  face: Face,
  base: FhirBase,
  request: FastifyRequest,
  reply: FastifyReply,
  target: Target,
): Promise<FastifyReply> {
  const ids = callerIds(request.headers);
  const log = face.logger.child({ requestId: request.id, ...ids, fhirBase: base.version });
  const params = queryParameters(request.raw.url ?? '');
  const asked = isFhirError(params) ? undefined : params.find(([n]) => n === '_format')?.[1];
  const format = negotiateFormat({ accept: request.headers.accept, format: asked });
  // Nothing acceptable: the 406 itself goes out in JSON, the default.
  if (isFhirError(format)) return finish(log, reply, refuse(format), 'json', base);
  try {
    const response = await answer(face, base, request, target, params, log);
    return finish(log, reply, response, format, base);
  } catch (error) {
    log.error({ event: 'fhir.internal_error', err: loggableError(error) });
    return finish(log, reply, refuse(asFhirError(error)), 'json', base);
  }
}

/** The checks before the handler: the query, the route, the MedMij ids, the bearer token. */
async function answer(
  face: Face,
  base: FhirBase,
  request: FastifyRequest,
  target: Target,
  params: ReturnType<typeof queryParameters>,
  log: Logger,
): Promise<FhirResponse> {
  if (isFhirError(params)) return refuse(params);
  if ('unrouted' in target) return unrouted(request);
  let actor: PgoActor | null = null;
  let medmij: MedmijIds | undefined;
  let tokenCitizen: FhirRequest['tokenCitizen'];
  if (target.interaction !== 'capabilities') {
    const ids = medmijIdsOf(request.headers);
    if (isFhirError(ids)) return refuse(ids);
    const authenticated = await face.authenticate(request);
    if (isFhirError(authenticated)) return refuse(authenticated);
    [actor, tokenCitizen, medmij] = [authenticated.actor, authenticated.citizen, ids];
  }
  return face.handle({
    base,
    ...target,
    params,
    strict: prefersStrictHandling(request.headers),
    actor,
    tokenCitizen,
    requestId: request.id,
    medmijRequestId: medmij?.medmijRequestId,
    correlationId: medmij?.correlationId,
    log,
  });
}

/** Anything under a base that no route serves: other methods, deeper paths, the bare base. */
function unrouted(request: FastifyRequest): FhirResponse {
  if (request.method !== 'GET') {
    return refuse(fhirError('unsupported-interaction', 'This server answers GET requests only'));
  }
  return refuse(fhirError('unsupported-type', 'This server offers no such interaction'));
}

function finish(
  log: Logger,
  reply: FastifyReply,
  response: FhirResponse,
  format: FhirFormat,
  base: FhirBase,
): FastifyReply {
  if ('outcome' in response) {
    log.info({ event: 'fhir.refused', status: response.status, reason: response.outcome.reason });
  }
  return sendFhir(reply, response, format, base.url);
}
