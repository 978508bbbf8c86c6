// Registers the token endpoint, encapsulated: its form-body parser, error handler and log level
// stay inside. Called by the MedMij plugin (src/medmij/plugin.ts) with the list cache as client
// directory and `clientCertificateResolver(config.medmijTls)` as the TLS identity.
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import type { ClientCertificateOf } from '../tls/clientCertificate.ts';
import { VACCINATION_SERVICE_ID, type ClientDirectory } from './clientDirectory.ts';
import {
  chainFields,
  handleTokenRequest,
  refuse,
  requestLogger,
  type TokenEndpoint,
} from './handleTokenRequest.ts';

export interface TokenRouteDeps {
  clients: ClientDirectory;
  clientCertificateOf: ClientCertificateOf;
  /** Default `/oauth/token`. */
  path?: string;
  /** Default 63 (Vaccinaties). */
  serviceId?: string;
  /** For tests; default the wall clock. */
  now?: () => Date;
}

/** Token requests are a few short parameters; anything bigger is not one. */
const BODY_LIMIT = 16 * 1024;

export async function registerTokenRoutes(
  app: FastifyInstance,
  services: Services,
  deps: TokenRouteDeps,
): Promise<void> {
  const endpoint: TokenEndpoint = {
    prisma: services.database.prisma,
    logger: services.logger,
    clients: deps.clients,
    clientCertificateOf: deps.clientCertificateOf,
    settings: {
      refreshMonths: services.config.REFRESH_TOKEN_MONTHS,
      serviceId: deps.serviceId ?? VACCINATION_SERVICE_ID,
      auditChains: services.config.AUDIT_CHAINS,
    },
    server: new URL(services.config.publicBaseUrl).host,
    path: deps.path ?? '/oauth/token',
    now: deps.now ?? (() => new Date()),
  };

  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
      await scope.register(formbody);
    }
    scope.setErrorHandler((error, request, reply) =>
      refuse(
        endpoint,
        requestLogger(endpoint.logger, request),
        chainFields(request),
        request,
        reply,
        error,
      ),
    );
    scope.post(
      endpoint.path,
      // `warn`: keeps Fastify's request lines (URL with the query-string form's code) out.
      { logLevel: 'warn', bodyLimit: BODY_LIMIT },
      (request, reply) => handleTokenRequest(endpoint, request, reply),
    );
  });
}
