// The Whitelist: the hostnames of the nodes that accept each other as MedMij nodes (peer
// admission on the mutual-TLS back channel).
import type { ListHeader } from './listHeader.ts';
import { children, textOf, type XmlElement } from './xmlTree.ts';

export interface Whitelist extends ListHeader {
  name: 'Whitelist';
  hostnames: string[];
}

export function readWhitelist(root: XmlElement, header: ListHeader): Whitelist {
  const hostnames = children(root, 'MedMijNodes').flatMap((nodes) =>
    children(nodes, 'MedMijNode').map((node) => textOf(node, 'Hostname')),
  );
  return { name: 'Whitelist', ...header, hostnames };
}
