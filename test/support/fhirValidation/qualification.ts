// The Nictiz qualification assertions (MedMij DVA reference §13.4) for the test-only harness,
// over a typed walk of the resource (medplum's R4 type information) that also serves the
// extension checks: meta.profile present; every Coding with system and code and no zib value
// set OID as system; every CodeableConcept with a display, text or extension; every Reference
// with a display or a nullFlavor/data-absent extension; every Identifier with system (or type)
// and value; no unmasked BSN.
import { getDataType } from '@medplum/core';
import { cap, isComplex, isObj, list, type Obj, type ValidationIssue } from './structure.ts';

export interface TypedNode {
  type: string;
  value: Obj;
  path: string;
}

/** Every complex value in `value` with its R4 type, depth first, the resource itself first. */
export function* typedNodes(value: unknown, type: string, path: string): Generator<TypedNode> {
  if (!isObj(value) || !isComplex(type)) return;
  const actual =
    type === 'Resource' && typeof value.resourceType === 'string' ? value.resourceType : type;
  yield { type: actual, value, path };
  const elements = getDataType(actual).elements;
  for (const [key, child] of Object.entries(value)) {
    const name = key.replace(/^_/, '');
    const choice = elements[name]
      ? undefined
      : Object.keys(elements).find((k) => k.endsWith('[x]') && name.startsWith(k.slice(0, -3)));
    const element = elements[name] ?? (choice ? elements[choice] : undefined);
    const childType = key.startsWith('_')
      ? 'Element'
      : element?.type.find((t) => !choice || name === choice.slice(0, -3) + cap(t.code))?.code;
    if (!childType) continue;
    const many = Array.isArray(child);
    for (const [i, item] of list(child).entries()) {
      yield* typedNodes(item, childType, `${path}.${key}${many ? `[${i}]` : ''}`);
    }
  }
}

const zibValueSetOid = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.2';
const bsnSystem = 'http://fhir.nl/fhir/NamingSystem/bsn';
const absentUrls = [
  'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor',
];

function qualificationProblem(node: TypedNode): string | undefined {
  const v = node.value;
  const hasExtension = (x: unknown) => isObj(x) && list(x.extension).length > 0;
  switch (node.type) {
    case 'Coding':
      if (!v.system || !v.code) return 'Coding without system or code';
      if (String(v.system).startsWith(zibValueSetOid))
        return 'Coding system is a zib value set OID';
      return undefined;
    case 'CodeableConcept': {
      const display = list(v.coding).some((c) => isObj(c) && !!c.display);
      return display || v.text || hasExtension(v)
        ? undefined
        : 'CodeableConcept without display or text';
    }
    case 'Reference': {
      const absent = list(v.extension).some((x) => isObj(x) && absentUrls.includes(String(x.url)));
      return v.display || absent ? undefined : 'Reference without display';
    }
    case 'Identifier':
      if (v.system === bsnSystem && v.value !== undefined) return 'unmasked BSN';
      if (!(v.system || v.type) || (v.value === undefined && !hasExtension(v._value))) {
        return 'Identifier without system or value';
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The assertions the Nictiz qualification scripts apply to every served resource. */
export function qualificationIssues(resource: object): ValidationIssue[] {
  const r = resource as Obj;
  const type = String(r.resourceType);
  const served = type === 'Bundle' ? list(r.entry).map((e) => (e as Obj).resource as Obj) : [r];
  const issues: ValidationIssue[] = [];
  for (const s of served) {
    if (['OperationOutcome', 'Binary'].includes(String(s.resourceType))) continue;
    if (list((s.meta as Obj | undefined)?.profile).length === 0) {
      issues.push({
        severity: 'error',
        check: 'qualification',
        path: String(s.resourceType),
        message: 'no meta.profile',
      });
    }
  }
  for (const node of typedNodes(r, type, type)) {
    const problem = qualificationProblem(node);
    if (problem)
      issues.push({ severity: 'error', check: 'qualification', path: node.path, message: problem });
  }
  return issues;
}
