// Shared shapes and lookups of the test-only FHIR validation harness (see fhirValidator.ts):
// StructureDefinition snapshots as plain JSON, and where a value sits in one.

export interface ValidationIssue {
  severity: 'error' | 'warning';
  check: 'profile' | 'extension' | 'datatype' | 'binding' | 'qualification';
  path: string;
  message: string;
}

export type Obj = Record<string, unknown>;
export interface TypeRef {
  code: string;
  profile?: string[];
  targetProfile?: string[];
}
export interface ElementDef extends Obj {
  id: string;
  path: string;
  sliceName?: string;
  min?: number;
  max?: string;
  type?: TypeRef[];
  slicing?: { discriminator?: { type: string; path: string }[] };
  binding?: { strength: string; valueSet?: string };
}
export interface StructureDef extends Obj {
  url: string;
  type: string;
  kind: string;
  snapshot: { element: ElementDef[] };
}
/** A value found at an element path; `ext` is the `_name` sibling of a primitive. */
export interface Located {
  value: unknown;
  path: string;
  key: string;
  ext?: unknown;
}

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const isComplex = (type: string) => /^[A-Z]/.test(type);

const elementIndex = new WeakMap<StructureDef, Map<string, ElementDef>>();

export function elementById(sd: StructureDef, id: string): ElementDef | undefined {
  let index = elementIndex.get(sd);
  if (!index) {
    index = new Map(sd.snapshot.element.map((e) => [e.id, e]));
    elementIndex.set(sd, index);
  }
  return index.get(id);
}

export const slicesOf = (sd: StructureDef, e: ElementDef) =>
  sd.snapshot.element.filter((s) => s.sliceName && s.id === `${e.id}:${s.sliceName}`);

export function fixedOrPattern(e: ElementDef | undefined) {
  const key = e && Object.keys(e).find((k) => /^(fixed|pattern)[A-Z]/.test(k));
  return key && e ? { fixed: key.startsWith('fixed'), value: e[key] } : undefined;
}

/** The type of a value found at `e`, from its JSON key for choice elements. */
export function typeOf(e: ElementDef, key: string): TypeRef | undefined {
  if (!e.path.endsWith('[x]')) return e.type?.[0];
  const name = e.path.slice(e.path.lastIndexOf('.') + 1, -3);
  return e.type?.find((t) => key === name + cap(t.code));
}

/** Whether a slice is told apart from its siblings only by its required binding. */
export function bindingDiscriminates(sd: StructureDef, e: ElementDef): boolean {
  if (!e.sliceName || fixedOrPattern(e)) return false;
  const sliced = elementById(sd, e.id.slice(0, e.id.lastIndexOf(':')));
  return !!sliced?.slicing?.discriminator?.every((d) => d.path === '$this' && d.type === 'value');
}

/**
 * Slicings medplum cannot evaluate: `profile` discriminators (it throws on them) and `value`
 * discriminators resting on a required binding only (it counts every item into the first such
 * slice). The element-tree walk checks the cardinality of their slices instead.
 */
export function unsupportedSlicing(sd: StructureDef, e: ElementDef): boolean {
  if (!e.slicing) return false;
  if (e.slicing.discriminator?.some((d) => d.type === 'profile')) return true;
  return slicesOf(sd, e).some((s) => bindingDiscriminates(sd, s));
}
