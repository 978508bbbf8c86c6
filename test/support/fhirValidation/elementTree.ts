// The element-tree walk of the harness: finds the values each snapshot element describes (slices
// included), and checks what medplum leaves out: choice types a profile narrows, required
// bindings, datatype profiles (recursively, with their own elements) and the cardinality of
// slices medplum cannot tell apart.
import { codings, type Terminology } from './terminology.ts';
import {
  bindingDiscriminates,
  elementById,
  fixedOrPattern,
  isComplex,
  isObj,
  list,
  slicesOf,
  typeOf,
  unsupportedSlicing,
  type ElementDef,
  type Located,
  type StructureDef,
  type ValidationIssue,
} from './structure.ts';

export interface TreeContext {
  definitions: Map<string, StructureDef>;
  terminology: Terminology;
  /** medplum's issues for `value`, read as `type`, against a (datatype) profile. */
  validateDatatype(
    type: string,
    value: unknown,
    profile: StructureDef,
    at: string,
  ): ValidationIssue[];
}

export function createTreeWalker(ctx: TreeContext) {
  const { definitions, terminology } = ctx;
  const { member } = terminology;

  function children(c: Located, name: string): Located[] {
    const host = isObj(c.value) ? c.value : isObj(c.ext) ? c.ext : undefined;
    if (!isObj(c.value) && name === 'value') return c.value === undefined ? [] : [c];
    if (!host) return [];
    const keys = name.endsWith('[x]')
      ? Object.keys(host)
          .map((k) => k.replace(/^_/, ''))
          .filter((k) => k.startsWith(name.slice(0, -3)) && /^[A-Z]/.test(k.slice(name.length - 3)))
      : [name];
    const out: Located[] = [];
    for (const key of new Set(keys)) {
      const values = list(host[key]);
      const extras = list(host[`_${key}`]);
      const many = Array.isArray(host[key]) || Array.isArray(host[`_${key}`]);
      for (let i = 0; i < Math.max(values.length, extras.length); i += 1) {
        const value = values[i] ?? undefined;
        if (value === undefined && extras[i] == null) continue;
        out.push({
          value,
          key,
          ext: extras[i] ?? undefined,
          path: `${c.path}.${key}${many ? `[${i}]` : ''}`,
        });
      }
    }
    return out;
  }

  const pathValues = (c: Located, path: string): Located[] =>
    path === '$this'
      ? [c]
      : path.split('.').reduce<Located[]>((acc, n) => acc.flatMap((x) => children(x, n)), [c]);

  function valuesAt(sd: StructureDef, id: string, root: Located): Located[] {
    const [first, ...segments] = id.split('.');
    let prefix = first ?? '';
    let current = [root];
    for (const segment of segments) {
      const [name = '', slice] = segment.split(':');
      prefix += `.${name}`;
      current = current.flatMap((c) => children(c, name));
      if (slice) {
        const slicedId = prefix;
        current = current.filter((c) => inSlice(sd, slicedId, slice, c));
        prefix += `:${slice}`;
      }
    }
    return current;
  }

  function includes(value: unknown, pattern: unknown): boolean {
    if (Array.isArray(pattern))
      return pattern.every((p) => list(value).some((v) => includes(v, p)));
    if (isObj(pattern))
      return isObj(value) && Object.keys(pattern).every((k) => includes(value[k], pattern[k]));
    return value === pattern;
  }

  /** The value a slice fixes at `path`, from the slice itself or else from its type profile. */
  function expectedValue(sd: StructureDef, slice: ElementDef, path: string) {
    const own = fixedOrPattern(path === '$this' ? slice : elementById(sd, `${slice.id}.${path}`));
    const profile = definitions.get(slice.type?.[0]?.profile?.[0] ?? '');
    if (own || !profile) return own;
    return fixedOrPattern(
      elementById(profile, path === '$this' ? profile.type : `${profile.type}.${path}`),
    );
  }

  function inSlice(sd: StructureDef, slicedId: string, sliceName: string, c: Located): boolean {
    const slice = elementById(sd, `${slicedId}:${sliceName}`);
    const discriminators = elementById(sd, slicedId)?.slicing?.discriminator ?? [];
    if (!slice) return false;
    return discriminators.every((d) => {
      if (d.type === 'type') return !!typeOf(slice, c.key);
      if (d.type === 'profile' && d.path === '$this') {
        const profile = definitions.get(slice.type?.[0]?.profile?.[0] ?? '');
        const type = slice.type?.[0]?.code ?? '';
        if (!profile) return false;
        const issues = ctx.validateDatatype(type, c.value, profile, '');
        walkTree(profile, c, issues);
        return !issues.some((i) => i.severity === 'error');
      }
      if (d.type === 'profile' && d.path.endsWith('.resolve()')) {
        const refPath = d.path.slice(0, -'.resolve()'.length);
        const target = elementById(sd, `${slice.id}.${refPath}`)?.type?.[0]?.targetProfile?.[0];
        const type = definitions.get(target ?? '')?.type;
        return pathValues(c, refPath).some((r) => referenceType(r.value) === type);
      }
      const expected = expectedValue(sd, slice, d.path);
      const actual = pathValues(c, d.path).map((a) => a.value);
      if (expected) {
        return actual.some((a) =>
          expected.fixed
            ? JSON.stringify(a) === JSON.stringify(expected.value)
            : includes(a, expected.value),
        );
      }
      const vs = slice.binding?.strength === 'required' ? slice.binding.valueSet : undefined;
      return (
        !!vs &&
        actual.some((a) => codings(slice.type?.[0]?.code, a)?.some((x) => member(vs, x) === 'yes'))
      );
    });
  }

  function referenceType(ref: unknown): string | undefined {
    if (!isObj(ref)) return undefined;
    if (typeof ref.type === 'string') return ref.type;
    const parts = typeof ref.reference === 'string' ? ref.reference.split('/') : [];
    return parts.length >= 2 ? parts[parts.length - 2] : undefined;
  }

  function checkBinding(e: ElementDef, c: Located, issues: ValidationIssue[]) {
    const url = e.binding?.valueSet ?? '';
    const found = codings(typeOf(e, c.key)?.code, c.value);
    if (!found) return;
    const results = found.map((x) => member(url, x));
    if (results.includes('yes') || results.includes('unknown')) {
      if (!terminology.expand(url))
        issues.push({
          severity: 'warning',
          check: 'binding',
          path: c.path,
          message: `value set not available: ${url}`,
        });
      return;
    }
    const message = `no code from required value set ${url}`;
    issues.push({ severity: 'error', check: 'binding', path: c.path, message });
  }

  function checkSliceCounts(
    sd: StructureDef,
    e: ElementDef,
    root: Located,
    issues: ValidationIssue[],
  ) {
    const cut = e.id.lastIndexOf('.');
    const name = e.id.slice(cut + 1);
    for (const parent of valuesAt(sd, e.id.slice(0, cut), root)) {
      const items = children(parent, name);
      for (const slice of slicesOf(sd, e)) {
        const count = items.filter((c) => inSlice(sd, e.id, slice.sliceName ?? '', c)).length;
        const max = slice.max === '*' ? Infinity : Number(slice.max ?? Infinity);
        if (count >= Number(slice.min ?? 0) && count <= max) continue;
        const allowed = `${slice.min}..${slice.max}`;
        const message = `slice ${slice.sliceName}: ${count} values, allowed ${allowed}`;
        issues.push({
          severity: 'error',
          check: 'profile',
          path: `${parent.path}.${name}`,
          message,
        });
      }
    }
  }

  function walkTree(sd: StructureDef, root: Located, issues: ValidationIssue[]): void {
    const ids = sd.snapshot.element.map((e) => e.id);
    for (const e of sd.snapshot.element.slice(1)) {
      if (e.max === '0') continue;
      const located = valuesAt(sd, e.id, root);
      // medplum accepts any type in a choice element that the base type allows.
      for (const c of located.filter((x) => !typeOf(e, x.key))) {
        issues.push({
          severity: 'error',
          check: 'profile',
          path: c.path,
          message: `type not allowed here`,
        });
      }
      if (e.binding?.strength === 'required' && !bindingDiscriminates(sd, e)) {
        for (const c of located) checkBinding(e, c, issues);
      }
      if (unsupportedSlicing(sd, e)) checkSliceCounts(sd, e, root, issues);
      if (ids.some((id) => id.startsWith(`${e.id}.`))) continue;
      for (const c of located) {
        const type = typeOf(e, c.key);
        if (!type || !isComplex(type.code) || !isObj(c.value)) continue;
        if (['Extension', 'BackboneElement', 'Element', 'Resource'].includes(type.code)) continue;
        const profile = type.profile?.[0];
        const target = definitions.get(
          profile ?? `http://hl7.org/fhir/StructureDefinition/${type.code}`,
        );
        if (profile && !target) {
          issues.push({
            severity: 'warning',
            check: 'datatype',
            path: c.path,
            message: `profile not available: ${profile}`,
          });
          continue;
        }
        if (!target) continue;
        if (profile) issues.push(...ctx.validateDatatype(type.code, c.value, target, c.path));
        walkTree(target, { value: c.value, path: c.path, key: c.key }, issues);
      }
    }
  }

  return { walkTree, valuesAt };
}
