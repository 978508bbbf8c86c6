// Which resources an Immunization search carries beside its matches, decided per base (the
// information-standard version a Rendering stands for), and collecting them from a rendered
// disclosure. Pure: the route layer parses `_include`, calls includesFor, and hands
// includedResources(...) to searchset() in bundle.ts.
import {
  followInclude,
  immunizationIncludes,
  type ImmunizationInclude,
  type IncludeTarget,
  type RenderedDisclosure,
} from './mapping/disclosure.ts';
import type { Rendering } from './mapping/rendering.ts';
import type { DisclosedResource } from './r4.ts';

export interface IncludePlan {
  /** Followed from every matched Immunization, in this order. */
  targets: readonly IncludeTarget[];
  /** Also add what added resources refer to (a role's Practitioner, a managing Organization). */
  iterate: boolean;
}

const allTargets: readonly IncludeTarget[] = [...immunizationIncludes, 'medication'];

/**
 * The decision, for both bases:
 * - No `_include` at all (MGO sends a bare `GET [base]/Immunization`): every resource the matches
 *   lead to, iterated, so that each reference in the Bundle resolves inside it as `Type/id`. An
 *   app that asks nothing cannot be expected to read Patient, performer, location and product one
 *   by one; search.mode `include` is defined as "referred to from another resource in the search
 *   set", which these are; and no qualification script, 1.0 or 2.0, sends a bare search.
 * - With `_include`: what FHIR search defines, the requested targets and no iteration, because the
 *   qualification scripts count the included resources per type; plus the base's alwaysIncluded:
 *   the Medications for 1.0 (its scripts look for them in the search Bundle), nothing for 2.0
 *   (its scripts read every Medication with GET Medication/{id}).
 */
export function includesFor(
  rendering: Rendering,
  requested: readonly ImmunizationInclude[],
): IncludePlan {
  if (requested.length === 0) return { targets: allTargets, iterate: true };
  const wanted = new Set<IncludeTarget>([...requested, ...rendering.alwaysIncluded]);
  return { targets: allTargets.filter((t) => wanted.has(t)), iterate: false };
}

/** Relative `Type/id` references anywhere in a value; contained (`#`) and absolute ones aside. */
export function referencesIn(value: unknown, found: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found);
    return found;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (key !== 'reference' || typeof v !== 'string') referencesIn(v, found);
    else if (relativeReference.test(v)) found.push(v);
  }
  return found;
}

const relativeReference = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** The resources a plan adds, each once, in the order first reached from the matches. */
export function includedResources(
  plan: IncludePlan,
  disclosure: RenderedDisclosure,
): DisclosedResource[] {
  const added = new Map<string, DisclosedResource>();
  const add = (r: DisclosedResource) => added.set(`${r.resourceType}/${r.id}`, r);
  for (const imm of disclosure.immunizations) {
    for (const target of plan.targets) followInclude(imm, target, disclosure.related).forEach(add);
  }
  if (plan.iterate) {
    // A Map iterates entries added during the loop too: this walks the closure breadth first.
    for (const resource of added.values()) {
      for (const ref of referencesIn(resource)) {
        const target = disclosure.related.get(ref);
        if (target && !added.has(ref)) add(target);
      }
    }
  }
  return [...added.values()];
}
