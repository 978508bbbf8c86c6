// Renderings of the resources that many citizens' records share (a GGD, its locations and
// vaccinators, a vaccine batch), kept between requests with their JSON text, so that each is
// rendered and serialised once rather than for every citizen who was vaccinated there. One is
// reused only for input equal, field by field, to the input it was rendered from, so it is
// never stale. A citizen's own resources (Patient, Immunization) are never kept. Kept resources
// are frozen: every request that includes them shares the same objects.
import { isDeepStrictEqual } from 'node:util';
import type { DisclosedResource } from '../r4.ts';
import type { Rendering } from './rendering.ts';

/** Per rendering; the oldest rendering goes first when full. */
const LIMIT = 10_000;

interface Kept {
  source: unknown;
  resource: DisclosedResource;
}

const byRendering = new WeakMap<Rendering, Map<string, Kept>>();
const kept = new WeakSet<object>();
const jsonText = new WeakMap<object, string>();

/** `render(source)`, or the resource rendered before from an equal source under `key`. */
export function sharedRendering<S, T extends DisclosedResource>(
  r: Rendering,
  key: string,
  source: S,
  render: (source: S) => T,
): T {
  let renderings = byRendering.get(r);
  if (!renderings) byRendering.set(r, (renderings = new Map()));
  const hit = renderings.get(key);
  if (hit && isDeepStrictEqual(hit.source, source)) return hit.resource as T;
  const resource = deepFreeze(render(source));
  if (renderings.size >= LIMIT && !hit) renderings.delete(renderings.keys().next().value!);
  renderings.set(key, { source, resource });
  kept.add(resource);
  return resource;
}

/** The JSON text of a kept resource, made at its first use; undefined for any other. */
export function keptJson(resource: object): string | undefined {
  if (!kept.has(resource)) return undefined;
  let text = jsonText.get(resource);
  if (text === undefined) jsonText.set(resource, (text = JSON.stringify(resource)));
  return text;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
