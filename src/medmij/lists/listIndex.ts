// The lookups the authorization server needs, built once when a list is accepted. Each answers
// "nothing" when its list is missing, so callers fail closed without a special case.
import type { Gegevensdienstnamenlijst } from './gegevensdienstnamenlijst.ts';
import type { OAuthClient, OAuthClientList } from './oauthClientList.ts';
import type { Whitelist } from './whitelist.ts';
import type { Zorgaanbieder, Zorgaanbiederslijst } from './zorgaanbiederslijst.ts';

export interface ListIndex {
  clients: ReadonlyMap<string, OAuthClient>;
  whitelist: ReadonlySet<string>;
  serviceNames: ReadonlyMap<string, string>;
  providers: ReadonlyMap<string, Zorgaanbieder>;
}

export const emptyIndex: ListIndex = {
  clients: new Map(),
  whitelist: new Set(),
  serviceNames: new Map(),
  providers: new Map(),
};

export function indexClients(list: OAuthClientList): ListIndex['clients'] {
  return new Map(list.clients.map((client) => [client.hostname, client]));
}

/** Lower-cased: the names come from certificates and DNS, which ignore case. */
export function indexWhitelist(list: Whitelist): ListIndex['whitelist'] {
  return new Set(list.hostnames.map((hostname) => hostname.toLowerCase()));
}

export function indexServiceNames(list: Gegevensdienstnamenlijst): ListIndex['serviceNames'] {
  return list.names;
}

export function indexProviders(list: Zorgaanbiederslijst): ListIndex['providers'] {
  return new Map(list.providers.map((provider) => [provider.name, provider]));
}
