// The development identity provider's configuration: an OpenID Connect provider (oidc-provider)
// standing in for RIVM's staff IdP. It issues staff access tokens as signed JWTs (RFC 9068)
// for the staff API, to the demo staff clients of staffClients.ts, with the roles claim where
// STAFF_ROLES_CLAIM says the real IdP puts it.
//
// The place for a DigiD-like citizen login later: add authorization-code clients, `findAccount`
// and `interactions.url` here, and the interaction pages as routes beside plugin.ts.
import { Provider, errors, type Configuration } from 'oidc-provider';
import { staffRoles, type StaffRole } from '../../auth/actor.ts';
import type { Config } from '../../config/config.ts';
import { createMemoryStore } from './memoryStore.ts';
import type { DevIdpSecrets } from './secrets.ts';
import {
  DEV_STAFF_CLIENT_SECRET,
  devIdpIssuer,
  devStaffClientId,
  rolesClaim,
  staffResource,
} from './staffClients.ts';

/** An hour: long enough to try things with curl, short enough to show expiry. */
export const STAFF_TOKEN_TTL_SECONDS = 3600;

/** What oidc-provider hands the resource indicator callbacks (only what we read). */
interface ClientLike {
  clientId: string;
}
interface TokenLike {
  clientId?: string;
}

type DevIdpConfig = Pick<
  Config,
  'production' | 'publicBaseUrl' | 'STAFF_OIDC_AUDIENCE' | 'STAFF_ROLES_CLAIM'
>;

export function createDevProvider(config: DevIdpConfig, secrets: DevIdpSecrets): Provider {
  if (config.production) {
    throw new Error('the development identity provider refuses to run in production');
  }
  const resource = staffResource(config);
  const roleOfClient = new Map<string, StaffRole>(
    staffRoles.map((role) => [devStaffClientId(role), role]),
  );

  const configuration: Configuration = {
    adapter: createMemoryStore(),
    clients: staffRoles.map((role) => ({
      client_id: devStaffClientId(role),
      client_secret: DEV_STAFF_CLIENT_SECRET,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: secrets.signingKeys },
    cookies: { keys: secrets.cookieKeys },
    ttl: { ClientCredentials: STAFF_TOKEN_TTL_SECONDS },
    // Authorization code only (no implicit flows), for the citizen login to come.
    responseTypes: ['code'],
    features: {
      // No login pages yet; the citizen login will bring its own interaction routes.
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A staff client that names no resource gets a token for the staff API.
        defaultResource: async (_ctx: unknown, client: ClientLike, oneOf?: string) =>
          oneOf ?? (roleOfClient.has(client.clientId) ? resource : undefined),
        getResourceServerInfo: async (_ctx: unknown, indicator: string, client: ClientLike) => {
          if (indicator !== resource || !roleOfClient.has(client.clientId)) {
            throw new errors.InvalidTarget();
          }
          return {
            audience: config.STAFF_OIDC_AUDIENCE,
            scope: '',
            accessTokenFormat: 'jwt',
            accessTokenTTL: STAFF_TOKEN_TTL_SECONDS,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx: unknown, token: TokenLike) => {
      const role = token.clientId ? roleOfClient.get(token.clientId) : undefined;
      return role ? rolesClaim(config.STAFF_ROLES_CLAIM, [role]) : undefined;
    },
  };
  return new Provider(devIdpIssuer(config), configuration);
}
