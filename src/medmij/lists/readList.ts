// From bytes to a typed list, in an order that keeps the dangerous parts out: refuse any
// DOCTYPE first, then find the root element and its namespace, validate against our XSD for
// that namespace, and only then read values. A valid list without entries is refused as well.
import {
  readGegevensdienstnamenlijst,
  type Gegevensdienstnamenlijst,
} from './gegevensdienstnamenlijst.ts';
import { readHeader, type ListHeader } from './listHeader.ts';
import { ListError } from './listErrors.ts';
import { listSchemas, type ListName } from './listNames.ts';
import { readOAuthClientList, type OAuthClientList } from './oauthClientList.ts';
import { safeXmlText } from './safeXmlText.ts';
import { validateAgainstXsd } from './validateXsd.ts';
import { readWhitelist, type Whitelist } from './whitelist.ts';
import { parseRoot, type XmlElement } from './xmlTree.ts';
import { readZorgaanbiederslijst, type Zorgaanbiederslijst } from './zorgaanbiederslijst.ts';

export type MedmijList =
  OAuthClientList | Whitelist | Zorgaanbiederslijst | Gegevensdienstnamenlijst;
export type ListOf<N extends ListName> = Extract<MedmijList, { name: N }>;

export interface ReadList<N extends ListName = ListName> {
  list: ListOf<N>;
  /** The document as received (decoded), for storage. */
  xml: string;
  /** The namespace it used, e.g. release2 or release3 of the ZAL. */
  namespace: string;
}

type Reader = (root: XmlElement, header: ListHeader) => MedmijList;

const readers: Record<ListName, Reader> = {
  OAuthclientlist: readOAuthClientList,
  Whitelist: readWhitelist,
  Zorgaanbiederslijst: readZorgaanbiederslijst,
  Gegevensdienstnamenlijst: readGegevensdienstnamenlijst,
};

export async function readList<N extends ListName>(
  name: N,
  input: Uint8Array | string,
): Promise<ReadList<N>> {
  const xml = safeXmlText(input);
  const root = parseRoot(xml);

  const schema = listSchemas[name].find((s) => s.namespace === root.namespace);
  if (root.localName !== name || !schema) {
    throw new ListError(
      'WRONG_LIST',
      `expected a ${name}, found ${root.localName} in namespace ${root.namespace ?? '(none)'}`,
    );
  }
  await validateAgainstXsd(xml, schema.xsd);

  const tree = root.tree();
  const list = readers[name](tree, readHeader(tree)) as ListOf<N>;
  if (entryCount(list) === 0) throw new ListError('EMPTY_LIST', `${name} lists no entries`);
  return { list, xml, namespace: schema.namespace };
}

export function entryCount(list: MedmijList): number {
  switch (list.name) {
    case 'OAuthclientlist':
      return list.clients.length;
    case 'Whitelist':
      return list.hostnames.length;
    case 'Zorgaanbiederslijst':
      return list.providers.length;
    case 'Gegevensdienstnamenlijst':
      return list.names.size;
  }
}
