/**
 * Names Prisma's statements on PostgreSQL (the driver adapter's statementNameGenerator), so
 * each pooled connection parses and plans a statement once and reuses it (PostgreSQL's plan
 * cache), instead of on every FHIR request. Names stand for exact texts; past a bound,
 * further texts go unnamed, so the caches cannot grow without limit.
 * PostgreSQL replans a cached statement when a table it reads changes; Prisma names every
 * column it reads, so a migration that adds columns leaves running servers working. Behind
 * PgBouncer in transaction pooling mode, named statements need its prepared-statement support
 * (1.21 or later, max_prepared_statements set).
 */
export function statementNames(limit = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `entpoort_prisma_${names.size}`;
      names.set(sql, name);
    }
    return name ?? ''; // pg leaves a statement with an empty name unnamed
  };
}
