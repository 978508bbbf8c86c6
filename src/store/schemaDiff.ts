// Compares a live database with prisma/schema.prisma using Prisma's own schema engine, compiled
// to WebAssembly, through the database's driver adapter. Returns the SQL that would make the
// database match the schema, or null when they match.
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const filters = { externalTables: [], externalEnums: [] };

export async function schemaDiff(
  schema: string,
  database: SqlMigrationAwareDriverAdapterFactory,
): Promise<string | null> {
  const files = [{ path: 'schema.prisma', content: schema }];
  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(database),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: '.' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : null;
  } finally {
    engine.free();
  }
}

/** PostgreSQL's internal one-byte type "char" (pg_class.relkind, pg_constraint.contype). */
const PG_INTERNAL_CHAR = 18;
/** An OID above PostgreSQL's reserved range, which @prisma/adapter-pg maps to text. */
const UNRESERVED_OID = 1_000_018;
const CHAR_MARK = '\u0000char';

type Queryable = { queryRaw(query: SqlQuery): Promise<SqlResultSet> };

/**
 * A driver adapter for Prisma's schema engine on a PostgreSQL server. The engine's catalog
 * queries return columns of type "char", which @prisma/adapter-pg 7.10 refuses to map, while the
 * engine needs them typed as characters (PGlite's adapter does this). The pool relabels such
 * columns before the adapter sees them, and the wrapper restores their type after. Remove this
 * when @prisma/adapter-pg maps type 18 itself.
 */
export function schemaCheckAdapter(url: string): {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
} {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  markCharColumns(pool);
  pool.on('connect', markCharColumns);
  const factory = new PrismaPg(pool);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => restoreCharColumns(await factory.connect()),
    connectToShadowDb: async () => restoreCharColumns(await factory.connectToShadowDb()),
  };
  return { adapter, close: () => pool.end() };
}

function markCharColumns(queryable: pg.Pool | pg.PoolClient): void {
  const query = queryable.query.bind(queryable) as (...args: unknown[]) => Promise<unknown>;
  (queryable as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = (await query(...args)) as Partial<pg.QueryResult> | undefined;
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_INTERNAL_CHAR) {
        field.dataTypeID = UNRESERVED_OID;
        field.name += CHAR_MARK;
      }
    }
    return result;
  };
}

function restoreCharColumns<T extends Queryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (!name.endsWith(CHAR_MARK)) return;
      result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
      result.columnTypes[i] = ColumnTypeEnum.Character;
    });
    return result;
  };
  const start = (target as Partial<SqlDriverAdapter>).startTransaction?.bind(target);
  if (start) {
    (target as unknown as SqlDriverAdapter).startTransaction = async (isolation) =>
      restoreCharColumns(await start(isolation));
  }
  return target;
}
