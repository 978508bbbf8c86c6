// What every step of writing one batch shares: the connection (inside the batch's
// transaction), the registry, and the extract's time that stamps every row written.
import type { SqlConnection } from '../../store/sqlConnection.ts';
import type { Registry } from '../model.ts';
import type { DatabaseKind } from './copy.ts';

/**
 * How the vaccinations' foreign keys are checked: by PostgreSQL's per-row triggers, or once per
 * batch over the distinct referenced ids (see referenceCheck.ts), which needs the right to set
 * session_replication_role.
 */
export type ReferenceChecks = 'per-row' | 'per-batch';

export interface BatchContext {
  sql: SqlConnection;
  kind: DatabaseKind;
  referenceChecks: ReferenceChecks;
  registry: Registry;
  /** created_at / updated_at of everything this import writes (see formats/header.ts). */
  stamp: string;
}

/** Keeps the last value per key, in order of first appearance: "the last row wins". */
export function lastByKey<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return byKey;
}

const jsonOf = new WeakMap<object, string>();

/**
 * A JSON column value as text. Codings are frozen and shared between rows (codingChecks.ts),
 * so their text is made once and remembered.
 */
export function json(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = jsonOf.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonOf.set(value, text);
  }
  return text;
}

const enums = new Set(['gender', 'name_usage', 'vaccination_status', 'date_precision']);

/**
 * The parameter `$n` as an array of `type`. Enum arrays travel as text[]: PGlite serialises
 * parameters by the type it knows, and it may not know an enum's array type yet.
 */
export const arrayParam = (n: number, type: string): string =>
  enums.has(type) ? `$${n}::text[]::${type}[]` : `$${n}::${type}[]`;
