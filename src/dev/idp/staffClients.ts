// The development identity provider's demo staff: one OAuth client per staff role, each getting
// access tokens through the client credentials grant. The client id is the token's `sub`, so
// the audit trail tells the demo viewer, registrar and auditor apart.
//
// The secret is fixed and public on purpose: these clients exist only where the dev IdP runs,
// which is never in production, and the `staff-token` command in another process must know it.
import type { StaffRole } from '../../auth/actor.ts';
import type { Config } from '../../config/config.ts';

export const DEV_STAFF_CLIENT_SECRET = 'entpoort-dev-staff-secret-not-for-production';

/** `dev-viewer`, `dev-registrar`, `dev-auditor`. */
export function devStaffClientId(role: StaffRole): string {
  return `dev-${role}`;
}

export function devIdpIssuer(config: Pick<Config, 'publicBaseUrl'>): string {
  return `${config.publicBaseUrl}/dev/idp`;
}

/** The resource indicator (RFC 8707) of the staff API: what staff tokens are for. */
export function staffResource(config: Pick<Config, 'publicBaseUrl'>): string {
  return `${config.publicBaseUrl}/graphql`;
}

/**
 * The roles claim as the authenticator will read it: a dotted STAFF_ROLES_CLAIM such as
 * `realm_access.roles` becomes a nested object, as Keycloak issues it.
 */
export function rolesClaim(claimPath: string, roles: StaffRole[]): Record<string, unknown> {
  const keys = claimPath.split('.');
  let claim: unknown = roles;
  for (const key of keys.reverse()) claim = { [key]: claim };
  return claim as Record<string, unknown>;
}
