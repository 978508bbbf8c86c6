// What the token endpoint needs from the MedMij lists: the OCL entry of a client_id and the
// Whitelist. The list cache (src/medmij/lists/listCache.ts, `createListCache`) satisfies this
// as it is; tests pass a small fake.
import type { WhitelistLookup } from '../tls/backChannelPeer.ts';
import type { OAuthClient } from '../lists/oauthClientList.ts';

export interface ClientDirectory extends WhitelistLookup {
  /** The OCL entry whose Hostname is exactly `hostname`; undefined when unlisted. */
  oauthClient(hostname: string): OAuthClient | undefined;
}

/** Gegevensdienst "Vaccinaties" in MGO's configuration (not confirmed against the Catalogus). */
export const VACCINATION_SERVICE_ID = '63';
