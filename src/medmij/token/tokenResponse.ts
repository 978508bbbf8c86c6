// The successful token response (RFC 6749 §5.1, core.tknint.201): access_token, token_type
// Bearer, expires_in, scope, and refresh_token only under long-term consent. Never cached.
import type { FastifyReply } from 'fastify';
import type { IssuedTokens } from './tokenContext.ts';

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

export function tokenResponseBody(issued: IssuedTokens) {
  return {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    scope: issued.scope,
    ...(issued.refreshToken === undefined ? {} : { refresh_token: issued.refreshToken }),
  };
}

export function sendTokenResponse(reply: FastifyReply, issued: IssuedTokens): FastifyReply {
  return noStore(reply)
    .code(200)
    .type('application/json;charset=UTF-8')
    .send(JSON.stringify(tokenResponseBody(issued)));
}
