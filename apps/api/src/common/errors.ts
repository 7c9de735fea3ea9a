import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The closed set of error codes a client can receive (DESIGN.md §4). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = keyof typeof ErrorCode;

/** What services throw. One formatter turns it into a GraphQL error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field });

/** Codes graphql-js and Apollo produce before our code runs, mapped into the closed set. */
const foreignCodes: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  ARGUMENT_VALIDATION_ERROR: 'BAD_USER_INPUT',
};

type PgError = { code?: string; constraint?: string; detail?: string };

/** Database constraint names whose violation is the user's mistake, with a plain message. */
const constraintMessages: Record<string, { field: string; message: string }> = {};

/** Lets modules explain their own database constraints. */
export function explainConstraint(name: string, field: string, message: string): void {
  constraintMessages[name] = { field, message };
}

/** Maps a PostgreSQL error raised by a user's write to a typed error, or returns null. */
export function fromDatabaseError(error: unknown): AppError | null {
  const pg = error as PgError;
  if (!pg || typeof pg.code !== 'string') return null;
  const known = pg.constraint ? constraintMessages[pg.constraint] : undefined;
  if (known) return badInput(known.field, known.message);
  switch (pg.code) {
    case '23505':
      return new AppError('CONFLICT', 'a record with these values already exists', {
        constraint: pg.constraint,
      });
    case '23503':
      return new AppError('BAD_USER_INPUT', 'a referenced record does not exist', {
        constraint: pg.constraint,
      });
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
      return new AppError('BAD_USER_INPUT', 'a value is out of range or malformed', {
        constraint: pg.constraint,
      });
    case '57014':
      return new AppError('SERVICE_UNAVAILABLE', 'the request took too long and was cancelled');
    case '55P03':
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'a concurrent change got there first; try again');
    case '53300':
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
      return new AppError('SERVICE_UNAVAILABLE', 'the database is unavailable; try again shortly');
    default:
      return null;
  }
}

/** Turns any error into an AppError, or null when it must be masked. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const mapped = fromDatabaseError(error);
  if (mapped) return mapped;
  const message = (error as Error)?.message ?? '';
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return new AppError('SERVICE_UNAVAILABLE', 'the database is busy; try again shortly');
  }
  return null;
}

export type ErrorLogger = (error: unknown, context: { path?: readonly (string | number)[] }) => void;

/**
 * The one mapping point from thrown errors to what a client sees. Known errors keep their code and
 * message; everything unexpected is logged and masked as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(options: { log: ErrorLogger; production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const app = toAppError(original);
    if (app) {
      return {
        message: app.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: app.code, ...app.details },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (
      /^Syntax Error: (Query depth limit|Aliases limit|Document contains more th(?:an|at) \d+ tokens)/.test(
        formatted.message,
      )
    ) {
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        locations: formatted.locations,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      };
    }
    if (original instanceof GraphQLError && !original.originalError && code in ErrorCode) {
      // Our own pre-execution errors (guard, limits): keep code and details, drop transport hints.
      const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (original instanceof GraphQLError && !(original as GraphQLError).originalError) {
      // Errors graphql-js raised itself (parse, validation, variable coercion): the message is safe,
      // but field suggestions leak schema in production.
      const mappedCode = foreignCodes[code] ?? (code in ErrorCode ? (code as ErrorCode) : 'BAD_USER_INPUT');
      const message = options.production
        ? formatted.message.replace(/ Did you mean .*\?$/, '')
        : formatted.message;
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: mappedCode },
      };
    }
    if (foreignCodes[code]) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: foreignCodes[code] },
      };
    }
    options.log(original, { path: formatted.path });
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
