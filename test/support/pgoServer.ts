// The PGO's server side in the end-to-end tests, played by openid-client (v6): it builds the
// MedMij authorization URL, redeems codes and refreshes tokens at the token endpoint and calls
// the FHIR face, all over mutual TLS with a client certificate of its own (an undici Agent),
// sending MedMij-Request-ID and X-Correlation-ID the way medmij-dva.md §8 asks.
import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { Agent, Headers as UndiciHeaders, fetch as undiciFetch } from 'undici';
import type { KeyAndCertificate } from './testCertificates.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PgoSettings {
  clientId: string;
  redirectUri: string;
  scope: string;
  /** Where the citizen's browser goes: the front channel (plain HTTP in these tests). */
  authorizationEndpoint: string;
  /** The mutual-TLS listener's base URL, for the token endpoint and FHIR. */
  backChannel: string;
  caPem: string;
  /** The PGO's client certificate; undefined sends none. */
  certificate: KeyAndCertificate | undefined;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  correlationId: string;
}

export interface FhirReply {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
  /** The parsed WWW-Authenticate challenges, when the answer had some. */
  challenges: oidc.WWWAuthenticateChallenge[] | undefined;
}

export interface Pgo {
  config: oidc.Configuration;
  authorizationRequest(extra?: Record<string, string>): AuthorizationRequest;
  /** Takes the callback URL the browser arrived at, as a PGO server would. */
  redeem(callbackUrl: string, request: AuthorizationRequest): Promise<oidc.TokenEndpointResponse>;
  refresh(refreshToken: string): Promise<oidc.TokenEndpointResponse>;
  /** GET on the FHIR base (`path` starts after `/fhir`). */
  fhir(path: string, accessToken: string): Promise<FhirReply>;
  close(): Promise<void>;
}

export function createPgo(settings: PgoSettings): Pgo {
  const agent = new Agent({
    connect: { ca: settings.caPem, ...(settings.certificate ?? {}) },
  });
  const config = new oidc.Configuration(
    {
      issuer: new URL(settings.authorizationEndpoint).origin,
      authorization_endpoint: settings.authorizationEndpoint,
      token_endpoint: `${settings.backChannel}/oauth/token`,
    },
    settings.clientId,
    {},
    // tls_client_auth (RFC 8705): client_id in the body, the certificate proves who we are.
    oidc.TlsClientAuth(),
  );
  // The front channel is plain HTTP in these tests (a TLS proxy's job in production); the back
  // channel stays https, so this only lets buildAuthorizationUrl accept the http endpoint.
  oidc.allowInsecureRequests(config);
  // X-Correlation-ID: the authorization's on its code redemption and on the FHIR calls that
  // follow; a new one for each refresh (medmij-dva.md §8).
  let correlationId: string = randomUUID();
  config[oidc.customFetch] = async (url, options) => {
    const headers = new UndiciHeaders(options.headers);
    headers.set('MedMij-Request-ID', randomUUID());
    if (!headers.has('X-Correlation-ID')) headers.set('X-Correlation-ID', correlationId);
    const response = await undiciFetch(url, {
      method: options.method,
      headers,
      body: options.body as never,
      redirect: options.redirect,
      signal: options.signal as never,
      dispatcher: agent,
    });
    return response as unknown as Response;
  };

  return {
    config,
    authorizationRequest(extra = {}) {
      const state = oidc.randomState();
      correlationId = randomUUID();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        state,
        'MedMij-Request-ID': randomUUID(),
        'X-Correlation-ID': correlationId,
        ...extra,
      });
      return { url: url.href, state, correlationId };
    },
    async redeem(callbackUrl, request) {
      correlationId = request.correlationId;
      return oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
        expectedState: request.state,
      });
    },
    async refresh(refreshToken) {
      correlationId = randomUUID();
      return oidc.refreshTokenGrant(config, refreshToken);
    },
    async fhir(path, accessToken) {
      const url = new URL(`${settings.backChannel}/fhir${path}`);
      const headers = new Headers({ accept: 'application/fhir+json' });
      let response: Response;
      let challenges: oidc.WWWAuthenticateChallenge[] | undefined;
      try {
        response = await oidc.fetchProtectedResource(
          config,
          accessToken,
          url,
          'GET',
          null,
          headers,
        );
      } catch (error) {
        if (!(error instanceof oidc.WWWAuthenticateChallengeError)) throw error;
        response = error.response;
        challenges = error.cause;
      }
      const text = await response.text();
      let body: Json;
      try {
        body = JSON.parse(text) as Json;
      } catch {
        body = {};
      }
      return { status: response.status, headers: response.headers, text, body, challenges };
    },
    close: () => agent.close(),
  };
}
