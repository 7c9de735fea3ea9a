import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The API's error code of a failed request, when it sent one (e.g. `UNAUTHENTICATED`). */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
  }
  return undefined;
}
