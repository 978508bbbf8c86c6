// Bounds on list and search arguments, checked where resolvers read them.
import { badUserInput } from '../errors.ts';

export function pageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`first must be between 1 and ${max}`);
  }
  return first;
}

export function searchText(value: string, name: string): string {
  const text = value.trim();
  if (text.length < 2 || text.length > 100) {
    throw badUserInput(`${name} must be 2 to 100 characters`);
  }
  return text;
}

/** Exactly one of the given arguments, or a BAD_USER_INPUT naming them. */
export function exactlyOne(args: Record<string, unknown>): void {
  const given = Object.values(args).filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badUserInput(`Give exactly one of ${Object.keys(args).join(', ')}`);
}
