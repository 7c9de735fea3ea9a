/**
 * Where the Concord GraphQL API lives, read on the server at request time (never baked in at build
 * time), so one build runs against any API.
 */
export function apiUrl(): string {
  return process.env.API_URL || 'http://localhost:4000/graphql';
}
