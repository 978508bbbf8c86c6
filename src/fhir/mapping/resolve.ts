// Resolving References among a set of FHIR resources being read back into the neutral model:
// relative (`Organization/x`), absolute (`https://…/Organization/x`) and contained (`#locatie1`,
// within the resource that contains it). Unresolvable references are the reader's error.
import type * as fhir from '../r4.ts';

export type ResourceIndex = ReadonlyMap<string, fhir.DisclosedResource>;

export class FromFhirError extends Error {
  override name = 'FromFhirError';
  readonly code: 'unresolved-reference' | 'missing-element' | 'unsupported-value';
  constructor(code: FromFhirError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export function indexResources(resources: readonly fhir.DisclosedResource[]): ResourceIndex {
  return new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
}

type Of<T extends fhir.DisclosedResource['resourceType']> = Extract<
  fhir.DisclosedResource,
  { resourceType: T }
>;

/** The resource a reference names, of the expected type, or undefined. */
export function resolve<T extends fhir.DisclosedResource['resourceType']>(
  index: ResourceIndex,
  ref: fhir.Reference | undefined,
  type: T,
  container?: { contained?: fhir.DisclosedResource[] },
): Of<T> | undefined {
  const reference = ref?.reference;
  if (!reference) return undefined;
  const found = reference.startsWith('#')
    ? container?.contained?.find((r) => r.id === reference.slice(1))
    : index.get(/([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1] ?? '');
  return found?.resourceType === type ? (found as Of<T>) : undefined;
}

export function required<T>(value: T | undefined, where: string): T {
  if (value === undefined) throw new FromFhirError('unresolved-reference', `${where} not found`);
  return value;
}
