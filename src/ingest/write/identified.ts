// Upsert for rows that carry several unique identifiers (organisation: URA, AGB; professional:
// UZI, AGB, BIG). A row is found only by its key identifier (keys.ts: the first one present),
// never by the others, so which row a key means does not depend on what other rows an earlier
// or later batch inserted: a re-run after a crash resolves every key as one clean run does.
// A new row gets all its identifiers, or only its key identifier when another row already
// holds one of the others (a registry inconsistency that must not fail the batch).
import type { BatchContext } from './batchContext.ts';

export interface IdentifiedTable<T> {
  table: string;
  identifiers: readonly string[];
  /** The key identifier: column and value. */
  keyOf(item: T): { column: string; value: string };
  identifier(item: T, column: string): string | null;
  /** Other columns: name, SQL type, value, and whether a null keeps the stored value. */
  data: readonly { column: string; type: string; value: (item: T) => unknown; keep?: boolean }[];
}

/** Upserts `items` (distinct by key) and returns their ids by key (`column:value`). */
export async function upsertIdentified<T>(
  ctx: BatchContext,
  spec: IdentifiedTable<T>,
  items: Map<string, T>,
): Promise<Map<string, string>> {
  const ids = await findByKey(ctx, spec, [...items.values()]);
  let missing = [...items.entries()].filter(([key]) => !ids.has(key)).map(([, item]) => item);
  if (missing.length > 0) {
    await insert(ctx, spec, missing, spec.identifiers, ids);
    missing = missing.filter((item) => !ids.has(keyString(spec, item)));
  }
  for (const item of missing) await insert(ctx, spec, [item], [spec.keyOf(item).column], ids);
  if (ids.size !== items.size) throw new Error(`${spec.table}: a key could not be resolved`);
  await updateData(ctx, spec, items, ids);
  return ids;
}

const keyString = <T>(spec: IdentifiedTable<T>, item: T) => {
  const key = spec.keyOf(item);
  return `${key.column}:${key.value}`;
};

async function findByKey<T>(ctx: BatchContext, spec: IdentifiedTable<T>, items: T[]) {
  const wanted = spec.identifiers.map((column) =>
    items
      .map((i) => spec.keyOf(i))
      .filter((k) => k.column === column)
      .map((k) => k.value),
  );
  const where = spec.identifiers.map((c, i) => `${c} = ANY($${i + 1}::text[])`).join(' OR ');
  const rows = await ctx.sql.query<Record<string, string | null>>(
    `SELECT id, ${spec.identifiers.join(', ')} FROM ${spec.table} WHERE ${where}`,
    wanted,
  );
  const ids = new Map<string, string>();
  spec.identifiers.forEach((column, i) => {
    const values = new Set(wanted[i]);
    for (const row of rows) {
      const value = row[column];
      if (value && values.has(value)) ids.set(`${column}:${value}`, row.id!);
    }
  });
  return ids;
}

async function insert<T>(
  ctx: BatchContext,
  spec: IdentifiedTable<T>,
  items: T[],
  identifiers: readonly string[],
  ids: Map<string, string>,
) {
  const idColumns = spec.identifiers.map((column) => ({
    column,
    type: 'text',
    value: (item: T) => (identifiers.includes(column) ? spec.identifier(item, column) : null),
  }));
  const columns = [...idColumns, ...spec.data];
  const stamp = `$${columns.length + 1}::timestamptz`;
  const names = columns.map((c) => c.column).join(', ');
  const rows = await ctx.sql.query<Record<string, string | null>>(
    `INSERT INTO ${spec.table} (${names}, created_at, updated_at)
     SELECT t.*, ${stamp}, ${stamp}
     FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS t(${names})
     ON CONFLICT DO NOTHING
     RETURNING id, ${spec.identifiers.join(', ')}`,
    [...columns.map((c) => items.map(c.value)), ctx.stamp],
  );
  for (const row of rows) {
    const item = items.find((i) => {
      const key = spec.keyOf(i);
      return row[key.column] === key.value;
    });
    if (item) ids.set(keyString(spec, item), row.id!);
  }
}

async function updateData<T>(
  ctx: BatchContext,
  spec: IdentifiedTable<T>,
  items: Map<string, T>,
  ids: Map<string, string>,
) {
  const n = spec.data.length;
  const value = (c: (typeof spec.data)[number]) =>
    c.keep ? `COALESCE(t.${c.column}, r.${c.column})` : `t.${c.column}`;
  const names = spec.data.map((c) => c.column);
  const entries = [...items.entries()];
  await ctx.sql.query(
    `UPDATE ${spec.table} AS r SET
       ${spec.data.map((c) => `${c.column} = ${value(c)}`).join(', ')},
       updated_at = $${n + 2}::timestamptz
     FROM unnest($1::uuid[], ${spec.data.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')})
       AS t(id, ${names.join(', ')})
     WHERE r.id = t.id
       AND (${names.map((c) => `r.${c}`).join(', ')})
         IS DISTINCT FROM (${spec.data.map(value).join(', ')})`,
    [
      entries.map(([key]) => ids.get(key)),
      ...spec.data.map((c) => entries.map(([, item]) => c.value(item))),
      ctx.stamp,
    ],
  );
}
