// One page of a search's matches and the parameters of the page after it. Paging is by offset
// over the matches in the core's order (oldest first), which is stable for one citizen between
// requests unless a registry changes the record meanwhile; FHIR leaves paging links opaque, so
// `_offset` is ours. Without `_count` every match is on the one page (medmij-dva.md §12.2: the
// qualification expects exact counts in one Bundle).
import type { ImmunizationSearch } from './parameters.ts';

export interface Page<T> {
  matches: T[];
  /** The next page's parameters (the applied ones, `_offset` moved on), or undefined. */
  next: [string, string][] | undefined;
}

export function pageOf<T>(all: T[], search: ImmunizationSearch): Page<T> {
  const { count, offset } = search;
  if (count === undefined) return { matches: all.slice(offset), next: undefined };
  const matches = all.slice(offset, offset + count);
  const following = offset + count;
  if (count === 0 || following >= all.length) return { matches, next: undefined };
  const kept = search.applied.filter(([name]) => name !== '_offset');
  return { matches, next: [...kept, ['_offset', String(following)]] };
}
