// Rows read through Prisma's driver adapter itself, beneath the Prisma client, for the few
// statements that run on every FHIR request. The client's `$queryRaw` adds markedly more CPU
// than the statement costs in the adapter (it turns every argument and every value into JSON
// and back; bench/raw-read.ts prints both). Values come typed as the client types them (Date,
// Decimal, bigint, parsed JSON), by the column types the adapter reports, so a row reads the
// same either way (test/graphql-vaccinations-read-with-shared-rows.test.ts compares them).
import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import { Prisma } from './generated/client.ts';

export interface RawReader {
  /** Rows of a SELECT, as objects keyed by column name. */
  rows<T>(sql: string, args: unknown[], argTypes: ArgType[]): Promise<T[]>;
}

export function rawReader(adapter: SqlQueryable): RawReader {
  return {
    async rows<T>(sql: string, args: unknown[], argTypes: ArgType[]) {
      const result = await adapter.queryRaw({ sql, args, argTypes });
      const convert = result.columnTypes.map(converter);
      const names = result.columnNames;
      return result.rows.map((values) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i += 1) {
          const value = values[i];
          row[names[i]!] = value === null ? null : convert[i]!(value);
        }
        return row as T;
      });
    },
  };
}

const asIs = (value: unknown) => value;

function converter(type: ColumnType): (value: unknown) => unknown {
  switch (type) {
    case ColumnTypeEnum.Text:
    case ColumnTypeEnum.Character:
    case ColumnTypeEnum.Enum:
    case ColumnTypeEnum.Uuid:
    case ColumnTypeEnum.Boolean:
      return asIs;
    case ColumnTypeEnum.Int32:
    case ColumnTypeEnum.Float:
    case ColumnTypeEnum.Double:
      return Number;
    case ColumnTypeEnum.Int64:
      return (value) => BigInt(value as string | number);
    case ColumnTypeEnum.Numeric:
      return (value) => new Prisma.Decimal(value as string);
    case ColumnTypeEnum.Date:
    case ColumnTypeEnum.DateTime:
      return (value) => new Date(value as string);
    case ColumnTypeEnum.Json:
      return (value) => (typeof value === 'string' ? JSON.parse(value) : value);
    default:
      // Times, bytes and arrays: no statement read this way has them yet.
      throw new Error(`rawReader: column type ${type} is not supported`);
  }
}
