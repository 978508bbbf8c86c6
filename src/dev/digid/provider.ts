// The development DigiD broker: an oidc-provider instance that behaves like nl-rdo-max for
// Entpoort (medmij-dva.md §4): authorization code only, PKCE S256 required, scope openid, ID
// token RS256 without BSN, and userinfo as a JWS (RS256) inside a JWE (RSA-OAEP,
// A128CBC-HS256) carrying `bsn`, `loa_authn` and `session_id`. Every authorization shows the
// login page (no single sign-on), as DigiD through the broker does.
import type { JWK } from 'jose';
import type { DevLogins } from './logins.ts';
import { loadOidcProvider, type OidcProvider } from './oidcProvider.ts';

export interface DevClientRegistration {
  clientId: string;
  redirectUri: string;
  /** Our public keys: `sig` for private_key_jwt, `enc` for the userinfo JWE. */
  publicJwks: { keys: JWK[] };
}

interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    provider: { Grant: { find(id: string): Promise<unknown> } };
  };
}

export interface DevBrokerOptions {
  issuer: string;
  /** The path the broker is mounted at, e.g. `/dev/digid`. */
  mountPath: string;
  client: DevClientRegistration;
  signingJwks: { keys: JWK[] };
  logins: DevLogins;
  cookieKeys: string[];
}

export async function createDevBroker(options: DevBrokerOptions): Promise<OidcProvider> {
  const Provider = await loadOidcProvider();
  const { client, logins } = options;
  const signs = client.publicJwks.keys.some((key) => key.use === 'sig');
  return new Provider(options.issuer, {
    clients: [
      {
        client_id: client.clientId,
        redirect_uris: [client.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: signs ? 'private_key_jwt' : 'none',
        jwks: client.publicJwks,
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
        userinfo_encrypted_response_alg: 'RSA-OAEP',
        userinfo_encrypted_response_enc: 'A128CBC-HS256',
      },
    ],
    jwks: options.signingJwks,
    cookies: {
      keys: options.cookieKeys,
      names: { session: 'digid_session', interaction: 'digid_interaction', resume: 'digid_resume' },
    },
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: { openid: ['sub', 'bsn', 'loa_authn', 'session_id'] },
    // nl-rdo-max's lifetimes: code 600 s, access token 3600 s; the userinfo JWT expires with it.
    ttl: {
      AuthorizationCode: 600,
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 900,
      Session: 900,
      Grant: 900,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${options.mountPath}/interaction/${interaction.uid}`,
    },
    // Only the grant this very interaction made: an earlier login is never reused, so every
    // authorization goes through the login page.
    loadExistingGrant: async (ctx: GrantContext) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const login = logins.get(sub);
      if (!login) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          bsn: login.bsn,
          loa_authn: login.loa,
          session_id: login.sessionId,
        }),
      };
    },
    renderError: async (ctx: { type: string; body: string }, out: { error?: string }) => {
      const code = String(out.error ?? 'onbekend').replace(/[^a-z_]/g, '');
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="nl"><title>DigiD (ontwikkeling)</title>
<h1>DigiD (ontwikkeling): fout</h1><p>${code}</p>`;
    },
  });
}
