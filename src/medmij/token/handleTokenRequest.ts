// POST /oauth/token, step by step (medmij-dva.md §7): read the parameters and the MedMij ids,
// authenticate the client by its certificate (steps 1–2), pick the grant (step 3), run it
// (steps 4–5), answer. Every request leaves a `receive_token_request` chain-log event and
// either `send_token_response` or `token_request_error`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { callerIds } from '../../server/requestIds.ts';
import type { PrismaClient } from '../../store/generated/client.ts';
import type { ClientCertificateOf } from '../tls/clientCertificate.ts';
import { authenticateClient } from './authenticateClient.ts';
import {
  createTokenChainLog,
  loggableClientId,
  loggableGrantType,
  type TokenChainFields,
} from './chainLog.ts';
import type { ClientDirectory } from './clientDirectory.ts';
import { asOAuthError, sendOAuthError } from './errorResponse.ts';
import { exchangeCode } from './exchangeCode.ts';
import { exchangeRefreshToken } from './exchangeRefreshToken.ts';
import { resolveGrantType } from './grantType.ts';
import { requireMedmijIds } from './medmijIds.ts';
import type { TokenContext, TokenSettings } from './tokenContext.ts';
import { readTokenParameters } from './tokenParameters.ts';
import { sendTokenResponse } from './tokenResponse.ts';

export interface TokenEndpoint {
  prisma: PrismaClient;
  logger: Logger;
  clients: ClientDirectory;
  clientCertificateOf: ClientCertificateOf;
  settings: TokenSettings;
  /** Our public host, the chain log's server_id. */
  server: string;
  path: string;
  now: () => Date;
}

export async function handleTokenRequest(
  endpoint: TokenEndpoint,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const log = requestLogger(endpoint.logger, request);
  const fields = chainFields(request);
  let received = false;
  try {
    const parameters = readTokenParameters(
      request.body,
      request.query,
      request.headers['content-type'],
    );
    fields.clientId = parameters.client_id;
    fields.grantType = parameters.grant_type;
    chainLog(endpoint, log)('receive_token_request', fields);
    received = true;

    const ids = requireMedmijIds(request.headers);
    const client = authenticateClient(
      request,
      parameters.client_id,
      endpoint.clientCertificateOf,
      endpoint.clients,
    );
    const { grantType, alias } = resolveGrantType(parameters.grant_type);
    if (alias) log.info({ event: 'token.grant_type_alias', alias, clientId: client.hostname });

    const context: TokenContext = {
      prisma: endpoint.prisma,
      client,
      ids,
      now: endpoint.now(),
      settings: endpoint.settings,
    };
    const issued =
      grantType === 'authorization_code'
        ? await exchangeCode(context, parameters)
        : await exchangeRefreshToken(context, parameters);

    chainLog(endpoint, log)('send_token_response', { ...fields, status: 200 });
    log.info({
      event: 'token.issued',
      clientId: client.hostname,
      grantType,
      from: parameters.from,
      grantId: issued.grantId,
      refresh: issued.refreshToken !== undefined,
      status: 200,
    });
    return sendTokenResponse(reply, issued);
  } catch (error) {
    return refuse(endpoint, log, fields, request, reply, error, received);
  }
}

/**
 * The error path, also taken by the route's error handler for framework errors (unreadable
 * body), where the request's arrival was not logged yet.
 */
export function refuse(
  endpoint: TokenEndpoint,
  log: Logger,
  fields: TokenChainFields,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  received = false,
): FastifyReply {
  if (!received) chainLog(endpoint, log)('receive_token_request', fields);
  const oauthError = asOAuthError(error);
  if (oauthError.code === 'server_error') log.error({ event: 'token.failed', err: error });
  const answer = sendOAuthError(request, reply, oauthError);
  chainLog(endpoint, log)('token_request_error', {
    ...fields,
    status: answer.statusCode,
    error: { code: oauthError.code, description: oauthError.message },
  });
  const reused = oauthError.reason === 'code_reused' || oauthError.reason === 'refresh_reused';
  log[reused ? 'warn' : 'info']({
    event: reused ? 'token.reuse_detected' : 'token.refused',
    clientId: loggableClientId(fields.clientId),
    grantType: loggableGrantType(fields.grantType),
    status: answer.statusCode,
    oauthError: oauthError.code,
    reason: oauthError.reason,
  });
  return answer;
}

function chainLog(endpoint: TokenEndpoint, log: Logger) {
  return createTokenChainLog(log, endpoint.server, endpoint.path);
}

/**
 * The route logs below `warn` (routes.ts) so that Fastify's own request lines, which carry the
 * URL and so the query-string form's code, are not written; our events go to this logger.
 */
export function requestLogger(logger: Logger, request: FastifyRequest): Logger {
  return logger.child({ requestId: request.id, ...callerIds(request.headers) });
}

export function chainFields(request: FastifyRequest): TokenChainFields {
  const ids = callerIds(request.headers);
  return { medmijRequestId: ids.medmijRequestId, correlationId: ids.correlationId };
}
