// The DateTime and Date scalars, ISO 8601 both ways. A DateTime must carry its zone, so no
// instant is read in the server's local time; a Date is a calendar day, kept at UTC midnight
// as the database's DATE columns come back.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(type: string): GraphQLError {
  return new GraphQLError(`${type} must be an ISO 8601 string`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) throw invalid('DateTime');
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw invalid('DateTime');
  return instant;
}

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !DATE.test(value)) throw invalid('Date');
  const day = new Date(`${value}T00:00:00.000Z`);
  // Rejects days that do not exist, such as 2023-02-30, which Date would roll over.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw invalid('Date');
  }
  return day;
}

function asDate(value: unknown, type: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new GraphQLError(`${type} cannot represent this value`);
}

export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => asDate(value, 'DateTime').toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime');
    return parseDateTime(ast.value);
  },
});

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  serialize: (value) => asDate(value, 'Date').toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('Date');
    return parseDate(ast.value);
  },
});
