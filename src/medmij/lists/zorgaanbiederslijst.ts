// The Zorgaanbiederslijst (ZAL): per provider, the endpoints of each Gegevensdienst. Entpoort
// reads it to check its own registration. release3 groups Gegevensdiensten per Interfaceversie;
// release2 has no Interfaceversies (interfaceVersion is then null) and no Aanbiedertype.
import type { ListHeader } from './listHeader.ts';
import { child, children, optionalChild, textOf, type XmlElement } from './xmlTree.ts';

export interface Zorgaanbieder {
  /** Zorgaanbiedernaam, e.g. `rivm@medmij`: the scope a PGO asks for. */
  name: string;
  /** `ZA`, `BAZB` or `APD`; null in a release2 list. */
  type: string | null;
  services: ZorgaanbiederService[];
}

export interface ZorgaanbiederService {
  interfaceVersion: string | null;
  serviceId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  subscription?: { maxDays: number; endpoint: string };
  systemRoles: { code: string; resourceEndpoint: string }[];
}

export interface Zorgaanbiederslijst extends ListHeader {
  name: 'Zorgaanbiederslijst';
  providers: Zorgaanbieder[];
}

export function readZorgaanbiederslijst(root: XmlElement, header: ListHeader): Zorgaanbiederslijst {
  const providers = children(root, 'Zorgaanbieders').flatMap((list) =>
    children(list, 'Zorgaanbieder').map(readProvider),
  );
  return { name: 'Zorgaanbiederslijst', ...header, providers };
}

function readProvider(element: XmlElement): Zorgaanbieder {
  const versions = optionalChild(element, 'Interfaceversies');
  const services = versions
    ? children(versions, 'Interfaceversie').flatMap((version) =>
        readServices(version, textOf(version, 'InterfaceversieId')),
      )
    : readServices(element, null);
  return {
    name: textOf(element, 'Zorgaanbiedernaam'),
    type: optionalChild(element, 'Aanbiedertype')?.text ?? null,
    services,
  };
}

function readServices(parent: XmlElement, interfaceVersion: string | null): ZorgaanbiederService[] {
  return children(parent, 'Gegevensdiensten').flatMap((list) =>
    children(list, 'Gegevensdienst').map((service) => {
      const read: ZorgaanbiederService = {
        interfaceVersion,
        serviceId: textOf(service, 'GegevensdienstId'),
        authorizationEndpoint: textOf(
          child(service, 'AuthorizationEndpoint'),
          'AuthorizationEndpointuri',
        ),
        tokenEndpoint: textOf(child(service, 'TokenEndpoint'), 'TokenEndpointuri'),
        systemRoles: children(child(service, 'Systeemrollen'), 'Systeemrol').map((role) => ({
          code: textOf(role, 'Systeemrolcode'),
          resourceEndpoint: textOf(child(role, 'ResourceEndpoint'), 'ResourceEndpointuri'),
        })),
      };
      const subscription = optionalChild(service, 'Abonneren');
      if (subscription) {
        read.subscription = {
          maxDays: Number(textOf(subscription, 'MaximaleDuur')),
          endpoint: textOf(subscription, 'SubscriptionEndpointuri'),
        };
      }
      return read;
    }),
  );
}
