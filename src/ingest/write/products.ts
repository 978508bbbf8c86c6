// Upserts vaccine products by product key (keys.ts) and returns their ids. The display follows
// the last row; codes a row leaves out are kept, codes it gives replace.
import type { IncomingProduct } from '../model.ts';
import type { BatchContext } from './batchContext.ts';

const kept = ['hpk', 'prk', 'gpk', 'zi', 'snomed', 'snomed_display', 'atc', 'atc_display'];
const columns = ['product_key', 'display', ...kept, 'description'];
const merged = (c: string) =>
  c === 'display' ? 'EXCLUDED.display' : `COALESCE(EXCLUDED.${c}, p.${c})`;
const changing = columns.filter((c) => c !== 'product_key');

const upsert = `
INSERT INTO vaccine_product AS p (${columns.join(', ')}, created_at, updated_at)
SELECT t.*, $12::timestamptz, $12::timestamptz
FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS t(${columns.join(', ')})
ON CONFLICT (product_key) DO UPDATE SET
  ${changing.map((c) => `${c} = ${merged(c)}`).join(', ')}, updated_at = EXCLUDED.updated_at
WHERE (${changing.map((c) => `p.${c}`).join(', ')})
  IS DISTINCT FROM (${changing.map(merged).join(', ')})`;

export async function upsertProducts(
  ctx: BatchContext,
  products: Map<string, IncomingProduct>,
): Promise<Map<string, string>> {
  if (products.size === 0) return new Map();
  const keys = [...products.keys()];
  const rows = [...products.values()];
  await ctx.sql.query(upsert, [
    keys,
    rows.map((p) => p.display),
    rows.map((p) => p.hpk),
    rows.map((p) => p.prk),
    rows.map((p) => p.gpk),
    rows.map((p) => p.zi),
    rows.map((p) => p.snomed?.code ?? null),
    rows.map((p) => p.snomed?.display ?? null),
    rows.map((p) => p.atc?.code ?? null),
    rows.map((p) => p.atc?.display ?? null),
    rows.map((p) => p.description),
    ctx.stamp,
  ]);
  const found = await ctx.sql.query<{ id: string; product_key: string }>(
    'SELECT id, product_key FROM vaccine_product WHERE product_key = ANY($1::text[])',
    [keys],
  );
  return new Map(found.map((r) => [r.product_key, r.id]));
}
