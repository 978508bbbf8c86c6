// A Prisma client, and a raw reader beside it, that count the SQL statements they send,
// whichever database is underneath: both wrap the driver adapter, so every statement, inside
// transactions too, passes the count.
import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../src/store/generated/client.ts';
import { rawReader } from '../../src/store/rawReader.ts';

export interface StatementLog {
  statements: string[];
  reset(): void;
  /** Statements that read from a table, e.g. `from('citizen')`. */
  from(table: string): string[];
}

function counted<T extends SqlQueryable>(target: T, log: string[]): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => {
          log.push(query.sql);
          return value.call(object, query);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => counted(await value.apply(object, args), log);
      }
      return value.bind(object);
    },
  });
}

export async function countingPrisma(factory: SqlDriverAdapterFactory) {
  const statements: string[] = [];
  const wrapped = new Proxy(factory, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (property === 'connect' && typeof value === 'function') {
        return async () => counted(await value.call(object), statements);
      }
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
  const log: StatementLog = {
    statements,
    reset: () => void statements.splice(0),
    from: (table) =>
      statements.filter((sql) => new RegExp(`FROM "public"\\."${table}"`, 'i').test(sql)),
  };
  const reader = rawReader(counted(await factory.connect(), statements));
  return { prisma: new PrismaClient({ adapter: wrapped }), reader, log };
}
