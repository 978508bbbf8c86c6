// The contract between the GraphQL face and staff authentication: a bearer token in, a staff
// member with roles out, or a typed refusal.
import type { StaffActor } from './actor.ts';

export interface StaffAuthenticator {
  /** Verifies the `Authorization` header's bearer JWT; throws AuthenticationError if it fails. */
  authenticate(authorization: string | undefined): Promise<StaffActor>;
}

/** No token, or one that fails verification. The reason is for logs, never for the caller. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  readonly code = 'UNAUTHENTICATED';
}
