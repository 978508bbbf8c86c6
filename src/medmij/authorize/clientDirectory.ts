// What the front channel needs from the MedMij lists: the OCL entry of a client_id, with its
// organisation name (shown on the consent page) and the services it is registered for. The
// list cache (src/medmij/lists/listCache.ts, `createListCache`) satisfies this as it is; tests
// pass a small fake.
import type { OAuthClient } from '../lists/oauthClientList.ts';

export interface ClientDirectory {
  /** The OCL entry whose Hostname is exactly `hostname`; undefined when unlisted. */
  oauthClient(hostname: string): OAuthClient | undefined;
}

/** A fixed directory, for tests and tools. */
export function staticClientDirectory(clients: readonly OAuthClient[]): ClientDirectory {
  const byHostname = new Map(clients.map((client) => [client.hostname, client]));
  return { oauthClient: (hostname) => byHostname.get(hostname) };
}
