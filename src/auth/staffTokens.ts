// Staff authentication: verifies the bearer JWT that RIVM's OpenID Connect provider issued and
// turns it into a StaffActor. Checked: signature against the issuer's published keys (found by
// OpenID Connect discovery), `iss`, `aud`, `exp`, `nbf`, the algorithm, and a `sub`.
//
// Known shortcoming: the token's `typ` is not checked, so an ID token from the same issuer
// whose `aud` equals STAFF_OIDC_AUDIENCE would pass. Give the staff API an audience no client
// of the IdP is named after (the default `entpoort` is not a client id at RIVM's IdP).
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import * as oidc from 'openid-client';
import type { Config } from '../config/config.ts';
import { staffRoles, type StaffActor, type StaffRole } from './actor.ts';
import { AuthenticationError, type StaffAuthenticator } from './staffAuthenticator.ts';

/** RFC 9068 §2.1 asks for asymmetric signatures; these are the ones we accept. */
const algorithms = ['RS256', 'ES256', 'PS256'];
/** Clock skew between the IdP and us that we forgive on `exp`, `nbf` and `iat`. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** After a failed discovery, requests fail fast for this long before discovery is tried again. */
const DISCOVERY_RETRY_MS = 5000;

type StaffTokenConfig = Pick<
  Config,
  'production' | 'staffIssuer' | 'STAFF_OIDC_AUDIENCE' | 'STAFF_ROLES_CLAIM'
>;

export interface StaffAuthenticatorOptions {
  discoveryRetryMs?: number;
  /** Epoch milliseconds; for tests of the retry. Token times use the real clock. */
  now?: () => number;
}

export function createStaffAuthenticator(
  config: StaffTokenConfig,
  options: StaffAuthenticatorOptions = {},
): StaffAuthenticator {
  const keys = issuerKeys(config, options);
  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keys(), {
          issuer: config.staffIssuer,
          audience: config.STAFF_OIDC_AUDIENCE,
          algorithms,
          requiredClaims: ['sub', 'exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch (error) {
        throw new AuthenticationError(reasonFor(error), { cause: error });
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new AuthenticationError('token has no subject');
      }
      const actor: StaffActor = {
        kind: 'STAFF',
        id: payload.sub,
        roles: rolesIn(payload, config.STAFF_ROLES_CLAIM),
      };
      return actor;
    },
  };
}

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new AuthenticationError('no bearer token');
  return match[1];
}

/** A short reason for the log: jose's error code and message, which carry no claim values. */
function reasonFor(error: unknown): string {
  if (error instanceof joseErrors.JOSEError) return `${error.code}: ${error.message}`;
  return `staff issuer unavailable: ${(error as Error).message}`;
}

/**
 * The issuer's key set, discovered on first use and then kept (jose refetches the keys when a
 * token names a key it does not know, so key rotation needs no restart). A failed discovery is
 * remembered for `discoveryRetryMs` only, so an IdP that was down is found once it is back.
 */
function issuerKeys(
  config: StaffTokenConfig,
  options: StaffAuthenticatorOptions,
): () => Promise<JWTVerifyGetKey> {
  const now = options.now ?? Date.now;
  const retryMs = options.discoveryRetryMs ?? DISCOVERY_RETRY_MS;
  let current: { keys: Promise<JWTVerifyGetKey>; failedAt?: number } | undefined;

  return () => {
    if (current?.failedAt !== undefined && now() - current.failedAt >= retryMs) {
      current = undefined;
    }
    if (!current) {
      const attempt: { keys: Promise<JWTVerifyGetKey>; failedAt?: number } = {
        keys: discoverKeys(config),
      };
      attempt.keys.catch(() => {
        attempt.failedAt = now();
      });
      current = attempt;
    }
    return current.keys;
  };
}

async function discoverKeys(config: StaffTokenConfig): Promise<JWTVerifyGetKey> {
  // Plain http only for a local development IdP; production needs https all the way.
  const execute = config.production ? [] : [oidc.allowInsecureRequests];
  const server = await oidc.discovery(
    new URL(config.staffIssuer),
    config.STAFF_OIDC_AUDIENCE,
    undefined,
    undefined,
    { execute, timeout: 10 },
  );
  const jwksUri = server.serverMetadata().jwks_uri;
  if (!jwksUri) throw new Error('the issuer publishes no jwks_uri');
  if (config.production && !jwksUri.startsWith('https:')) {
    throw new Error('the issuer publishes a jwks_uri that is not https');
  }
  return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000 });
}

/**
 * The known staff roles in the roles claim: an array, or a space-separated string. The claim
 * is looked up by its full name first, then as a dotted path (`realm_access.roles`).
 */
function rolesIn(payload: JWTPayload, claim: string): ReadonlySet<StaffRole> {
  const value = claimAt(payload, claim);
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  return new Set(names.filter(isStaffRole));
}

function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let node: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isStaffRole(name: unknown): name is StaffRole {
  return (staffRoles as readonly unknown[]).includes(name);
}
