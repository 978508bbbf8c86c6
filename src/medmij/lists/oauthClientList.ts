// The OAuthclientlist (OCL): the PGO servers that may act as OAuth clients. A client's
// Hostname is its client_id; its organisation name is shown to the citizen on consent.
import type { ListHeader } from './listHeader.ts';
import { children, optionalChild, textOf, type XmlElement } from './xmlTree.ts';

export interface OAuthClient {
  hostname: string;
  /** OAuthclientOrganisatienaam. */
  organisationName: string;
  /**
   * The Gegevensdiensten the client is registered for, per Interfaceversie; absent when the list
   * does not say (the release2 OCL without Interfaceversies), which restricts nothing.
   */
  services?: InterfaceServices[];
  /** Vertegenwoordiging, when the list states it. */
  representation?: boolean;
}

export interface InterfaceServices {
  interfaceVersion: string;
  serviceIds: string[];
}

export interface OAuthClientList extends ListHeader {
  name: 'OAuthclientlist';
  clients: OAuthClient[];
}

export function readOAuthClientList(root: XmlElement, header: ListHeader): OAuthClientList {
  const clients = children(root, 'OAuthclients').flatMap((list) =>
    children(list, 'OAuthclient').map(readClient),
  );
  return { name: 'OAuthclientlist', ...header, clients };
}

function readClient(element: XmlElement): OAuthClient {
  const client: OAuthClient = {
    hostname: textOf(element, 'Hostname'),
    organisationName: textOf(element, 'OAuthclientOrganisatienaam'),
  };
  const versions = optionalChild(element, 'Interfaceversies');
  if (versions) {
    client.services = children(versions, 'Interfaceversie').map((version) => ({
      interfaceVersion: textOf(version, 'InterfaceversieId'),
      serviceIds: children(version, 'Gegevensdiensten').flatMap((services) =>
        children(services, 'Gegevensdienst').map((service) => textOf(service, 'GegevensdienstId')),
      ),
    }));
  }
  const representation = optionalChild(element, 'Vertegenwoordiging');
  if (representation) client.representation = ['true', '1'].includes(representation.text);
  return client;
}

/** Whether the client may ask for `serviceId` (in any Interfaceversie); true when unstated. */
export function clientOffersService(client: OAuthClient, serviceId: string): boolean {
  if (!client.services) return true;
  return client.services.some((version) => version.serviceIds.includes(serviceId));
}
