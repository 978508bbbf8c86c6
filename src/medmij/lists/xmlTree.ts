// Parses a list (already through safeXmlText) into a plain tree and reads it by local name.
// fast-xml-parser is set to process no entities, no DTD and no processing instructions; the
// five predefined entities and character references are decoded here, in text values only.
import { XMLParser } from 'fast-xml-parser';
import { ListError } from './listErrors.ts';

/** An element: its text, or its children by local name (each a list, in document order). */
export type XmlElement = { text: string; children: Map<string, XmlElement[]> };

const CDATA = '#cdata';
const TEXT = '#text';
const ATTRIBUTE = '@_';

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  textNodeName: TEXT,
  cdataPropName: CDATA,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: false,
  // Every element as an array, so one and many read alike; attributes stay single values.
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  maxNestedTags: 32,
});

export interface RootElement {
  localName: string;
  /** The namespace the root element is in, from its own (default or prefixed) declaration. */
  namespace: string | undefined;
  /** The element tree; read it only after XSD validation (see toElement). */
  tree(): XmlElement;
}

export function parseRoot(text: string): RootElement {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text, true) as Record<string, unknown>;
  } catch (error) {
    throw new ListError('NOT_WELL_FORMED', (error as Error).message, { cause: error });
  }
  const roots = Object.keys(parsed).filter((key) => !key.startsWith('?'));
  const rootKey = roots[0];
  const rootValue = rootKey === undefined ? undefined : firstOf(parsed[rootKey]);
  if (roots.length !== 1 || rootKey === undefined || rootValue === undefined) {
    throw new ListError('NOT_WELL_FORMED', 'expected exactly one root element');
  }

  const colon = rootKey.indexOf(':');
  const prefix = colon < 0 ? undefined : rootKey.slice(0, colon);
  const attributes = typeof rootValue === 'object' && rootValue !== null ? rootValue : {};
  const declaration = prefix === undefined ? `${ATTRIBUTE}xmlns` : `${ATTRIBUTE}xmlns:${prefix}`;
  const namespace = (attributes as Record<string, unknown>)[declaration];
  return {
    localName: colon < 0 ? rootKey : rootKey.slice(colon + 1),
    namespace: typeof namespace === 'string' ? namespace : undefined,
    tree: () => toElement(rootValue),
  };
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Builds the tree with prefixes stripped. Only called on documents that passed XSD validation
 * against a schema with a single target namespace, so a local name is unambiguous.
 */
function toElement(value: unknown): XmlElement {
  const element: XmlElement = { text: '', children: new Map() };
  if (typeof value === 'string') {
    element.text = decodeText(value);
    return element;
  }
  if (typeof value !== 'object' || value === null) return element;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith(ATTRIBUTE)) continue;
    if (key === TEXT) element.text += decodeText(String(child));
    else if (key === CDATA) element.text += cdataText(child);
    else {
      const localName = key.slice(key.indexOf(':') + 1);
      const list = element.children.get(localName) ?? [];
      for (const item of Array.isArray(child) ? child : [child]) list.push(toElement(item));
      element.children.set(localName, list);
    }
  }
  return element;
}

/**
 * CDATA content is literal: no references to decode. Known shortcoming: in a value mixing text
 * and CDATA the parts are joined text first, CDATA second; no MedMij list uses CDATA at all.
 */
function cdataText(value: unknown): string {
  const parts: unknown[] = Array.isArray(value) ? value : [value];
  return parts
    .map((part) =>
      typeof part === 'object' && part ? (part as Record<string, unknown>)[TEXT] : part,
    )
    .join('');
}

const references = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  return raw.replace(references, (_match, ref: string) => {
    if (!ref.startsWith('#')) return named[ref] ?? '';
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    // Out of range only in a document the XSD validation refuses anyway.
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The single child element `name`; the XSD guarantees it exists where this is used. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.get(name)?.[0];
  if (!found) throw new ListError('SCHEMA_INVALID', `element ${name} missing`);
  return found;
}

export function optionalChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.get(name)?.[0];
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.get(name) ?? [];
}

/** The text of child element `name`. */
export function textOf(element: XmlElement, name: string): string {
  return child(element, name).text;
}
