// Our OpenID Connect client of the DigiD broker (nl-rdo-max, medmij-dva.md §4), on openid-client:
// authorization code flow with PKCE (S256), state and nonce per login; the ID token validated
// including its signature; the userinfo JWT fetched at once and read by userinfoJwt.ts. Client
// authentication is private_key_jwt when we have a signing key, else `none` (PKCE only).
//
// The broker's metadata is discovered on first use, not at start: the development broker is
// mounted in this very server, which does not listen yet while the plugins are registered.
import * as oidc from 'openid-client';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { isValidBsn } from '../../rules/bsn.ts';
import type { ClientKeys } from './clientKeys.ts';
import type { DigidPending } from './flow.ts';
import { readUserinfoJwt } from './userinfoJwt.ts';

export interface DigidSettings {
  issuer: string;
  clientId: string;
  /** Our callback, registered with the broker: `${publicBaseUrl}/oauth/digid/callback`. */
  redirectUri: string;
  /** The userinfo claim with the assurance level (`loa_authn`). */
  loaClaim: string;
  /** Plain-http brokers are allowed only outside production (the in-process dev broker). */
  allowHttp: boolean;
}

export interface DigidIdentity {
  /** Stays in memory for the citizen lookup; never logged, stored in a session or sent. */
  bsn: string;
  /** The reported assurance level, or undefined when the claim is missing. */
  loa: string | undefined;
}

export interface DigidClient {
  /** The broker URL to send the browser to, and the secrets to keep for the callback. */
  start(): Promise<{ url: URL; pending: DigidPending }>;
  /** Redeems the broker's code and reads the citizen's identity, or throws DigidLoginError. */
  finish(callbackUrl: URL, pending: DigidPending): Promise<DigidIdentity>;
}

export class DigidLoginError extends Error {
  override name = 'DigidLoginError';
}

const TIMEOUT_SECONDS = 10;

export function createDigidClient(settings: DigidSettings, keys: ClientKeys): DigidClient {
  let discovered: Promise<{ config: oidc.Configuration; jwks: JWTVerifyGetKey }> | undefined;

  function discover() {
    discovered ??= connect(settings, keys).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  }

  return {
    async start() {
      const { config } = await discover();
      const pending: DigidPending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        response_type: 'code',
        scope: 'openid',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    async finish(callbackUrl, pending) {
      const { config, jwks } = await discover();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw new DigidLoginError('ID token without subject');

      const endpoint = config.serverMetadata().userinfo_endpoint;
      if (!endpoint) throw new DigidLoginError('broker has no userinfo endpoint');
      const response = await oidc.fetchProtectedResource(
        config,
        tokens.access_token,
        new URL(endpoint),
        'GET',
        undefined,
        new Headers({ accept: 'application/jwt' }),
      );
      if (response.status !== 200) throw new DigidLoginError(`userinfo status ${response.status}`);
      // A plain JSON userinfo would be unsigned: only the JWT form is accepted.
      const type = response.headers.get('content-type') ?? '';
      if (!/^application\/jwt\s*(;|$)/i.test(type)) {
        throw new DigidLoginError('userinfo is not application/jwt');
      }
      const claims = await readUserinfoJwt(await response.text(), {
        decryptionKeys: keys.decryption,
        jwks,
        issuer: config.serverMetadata().issuer,
        clientId: settings.clientId,
      });
      if (claims.sub !== subject) throw new DigidLoginError('userinfo subject differs');
      const bsn = claims.bsn;
      if (typeof bsn !== 'string' || !isValidBsn(bsn)) {
        throw new DigidLoginError('userinfo without a valid bsn');
      }
      const loa = claims[settings.loaClaim];
      return { bsn, loa: typeof loa === 'string' ? loa : undefined };
    },
  };
}

async function connect(settings: DigidSettings, keys: ClientKeys) {
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:' && !settings.allowHttp) {
    throw new DigidLoginError('the DigiD broker must be reached over https');
  }
  // nl-rdo-max wants the token endpoint as the client assertion's audience.
  const audience: { tokenEndpoint?: string } = {};
  const authentication = keys.signing
    ? oidc.PrivateKeyJwt(
        { key: keys.signing.key, kid: keys.signing.kid },
        {
          [oidc.modifyAssertion]: (_header, payload) => {
            if (audience.tokenEndpoint) payload.aud = audience.tokenEndpoint;
          },
        },
      )
    : oidc.None();
  const execute = [oidc.enableNonRepudiationChecks];
  if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
  const config = await oidc.discovery(
    issuer,
    settings.clientId,
    { id_token_signed_response_alg: 'RS256' },
    authentication,
    { execute, timeout: TIMEOUT_SECONDS },
  );
  const metadata = config.serverMetadata();
  audience.tokenEndpoint = metadata.token_endpoint;
  if (!metadata.jwks_uri) throw new DigidLoginError('broker publishes no jwks_uri');
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri), {
    timeoutDuration: TIMEOUT_SECONDS * 1000,
  });
  return { config, jwks };
}
