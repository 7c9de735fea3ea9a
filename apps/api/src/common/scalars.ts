import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new TypeError('a date must be a string of the form YYYY-MM-DD');
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new TypeError(`${value} is not a calendar date`);
  }
  return value;
}

/** A calendar date without time zone, `YYYY-MM-DD`, kept as a string end to end. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time zone, formatted YYYY-MM-DD (ISO 8601).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('a date must be a string of the form YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

/** An instant, ISO 8601 with offset. */
export const DateTimeScalar = DateTimeISOResolver;
