// Step 5 of the token checks: since AS 2.2.0 the client's OCL entry must list our Gegevensdienst
// (id 63) [as-token-220]. The error code is not confirmed; we use `unauthorized_client`.
import { clientOffersService, type OAuthClient } from '../lists/oauthClientList.ts';
import { UnauthorizedClient } from './errors.ts';

export function requireService(client: OAuthClient, serviceId: string): void {
  if (!clientOffersService(client, serviceId)) {
    throw new UnauthorizedClient(
      `client is not registered for Gegevensdienst ${serviceId}`,
      'service_not_listed',
    );
  }
}
