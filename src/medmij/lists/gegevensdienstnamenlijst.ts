// The Gegevensdienstnamenlijst (GNL): the display name (Weergavenaam) of each Gegevensdienst.
import type { ListHeader } from './listHeader.ts';
import { children, textOf, type XmlElement } from './xmlTree.ts';

export interface Gegevensdienstnamenlijst extends ListHeader {
  name: 'Gegevensdienstnamenlijst';
  /** GegevensdienstId → Weergavenaam. */
  names: ReadonlyMap<string, string>;
}

export function readGegevensdienstnamenlijst(
  root: XmlElement,
  header: ListHeader,
): Gegevensdienstnamenlijst {
  const names = new Map<string, string>();
  for (const services of children(root, 'Gegevensdiensten')) {
    for (const service of children(services, 'Gegevensdienst')) {
      names.set(textOf(service, 'GegevensdienstId'), textOf(service, 'Weergavenaam'));
    }
  }
  return { name: 'Gegevensdienstnamenlijst', ...header, names };
}
