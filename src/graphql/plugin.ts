// The GraphQL face: Apollo Server over the shared core, at POST /graphql only (a GET would
// carry the query, and any BSN in it, in the URL). Staff authenticate with a bearer token;
// roles and cost are checked before execution and the audit entries written before the
// response is sent, by the core's own steps.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AuthenticationError } from '../auth/staffAuthenticator.ts';
import type { Services } from '../server/services.ts';
import type { GraphQLContext } from './context.ts';
import { graphQLCoreFor, type GraphQLCore } from './core.ts';
import { internalErrorResult, loggableError, maskError, unauthenticated } from './errors.ts';

function corePlugin(core: GraphQLCore): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          // Apollo resolves the operation before this hook; without one it has already failed.
          if (!operation) return;
          await core.admit(contextValue, document, operation, request.variables ?? {});
        },
        async willSendResponse({ contextValue, response }) {
          try {
            await core.finish(contextValue);
          } catch (error) {
            // Nothing is disclosed that was not logged: the data gives way to an error.
            contextValue.log.error({ event: 'audit.write_failed', err: loggableError(error) });
            response.body = { kind: 'single', singleResult: { errors: [internalErrorResult] } };
            response.http.status = 500;
          }
        },
      };
    },
  };
}

async function contextFor(core: GraphQLCore, services: Services, request: FastifyRequest) {
  try {
    const actor = await services.staffAuthenticator.authenticate(request.headers.authorization);
    return core.createContext(actor, {
      requestId: request.id,
      correlationId: request.correlationId,
      // The app's logger is pino (server/app.ts), so the request's child logger is too.
      log: request.log as Logger,
    });
  } catch (error) {
    // By class or by code: the authenticator's error may come through another module copy.
    const refused =
      error instanceof AuthenticationError ||
      (error as { code?: unknown }).code === 'UNAUTHENTICATED';
    if (!refused) throw error;
    // The reason is for the log only; the caller learns just that the token did not do.
    request.log.info({ event: 'graphql.unauthenticated', reason: (error as Error).message });
    throw unauthenticated();
  }
}

export async function registerGraphQL(app: FastifyInstance, services: Services): Promise<void> {
  const core = graphQLCoreFor(services);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: core.schema,
    validationRules: core.validationRules,
    introspection: services.config.introspection,
    includeStacktraceInErrorResponses: false,
    logger: services.logger,
    // Shutdown is the server's (start.ts): closing Fastify stops Apollo through onClose.
    stopOnTerminationSignals: false,
    formatError: maskError(services.logger),
    // No drain plugin: Fastify drains its connections on close, and then stops Apollo. No
    // inline traces either: they would hand field timings and errors to any router that asks.
    plugins: [
      corePlugin(core),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  app.addHook('onClose', async () => apollo.stop());

  app.post(
    '/graphql',
    fastifyApolloHandler(apollo, { context: (request) => contextFor(core, services, request) }),
  );
  app.get('/graphql', async (_request, reply) =>
    reply
      .code(405)
      .header('allow', 'POST')
      .send({ errors: [{ message: 'Use POST: a query must never travel in a URL' }] }),
  );
}
