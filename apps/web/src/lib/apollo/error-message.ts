import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** Plain words for each code in the API's closed set; anything else gets the generic sentence. */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'You need to sign in first.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'It could not be found.',
  QUERY_TOO_COMPLEX: 'The request asked for too much at once.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The Concord service is not reachable right now. Try again in a moment.',
};
const FALLBACK = 'Something went wrong on our side. Try again in a moment.';

function codeOf(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return 'RATE_LIMITED';
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
    if (error.statusCode >= 502 && error.statusCode <= 504) return 'SERVICE_UNAVAILABLE';
    return undefined;
  }
  // A fetch that never got an answer (API down, DNS, refused connection).
  if (error instanceof TypeError) return 'SERVICE_UNAVAILABLE';
  return undefined;
}

/** A sentence for a person, never a stack or a server message that was not meant for them. */
export function errorMessage(error: unknown): string {
  const code = codeOf(error);
  if (code === 'BAD_USER_INPUT' && CombinedGraphQLErrors.is(error)) {
    // Validation messages are written for people; show the API's own.
    return error.errors[0]?.message ?? FALLBACK;
  }
  return (code && MESSAGES[code]) || FALLBACK;
}
