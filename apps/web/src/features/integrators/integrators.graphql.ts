import { graphql } from '@/gql';

export const apiTokenRowFragment = graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    actor {
      id
      name
      acronym
    }
  }
`);

/** Tokens of the viewer's organisations, newest first. */
export const apiTokensQuery = graphql(`
  query ApiTokens($first: Int!) {
    apiTokens(first: $first) {
      totalCount
      edges {
        node {
          ...ApiTokenRow
        }
      }
    }
  }
`);

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      apiToken {
        ...ApiTokenRow
      }
    }
  }
`);

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        ...ApiTokenRow
      }
    }
  }
`);
