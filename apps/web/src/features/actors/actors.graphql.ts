import { graphql } from '@/gql';

/** The columns of one row in the actors table. */
export const actorRowFragment = graphql(`
  fragment ActorRow on Actor {
    id
    name
    acronym
    kind
  }
`);

/** One page of actors, alphabetical by default; the server page and "Load more" share it. */
export const actorsQuery = graphql(`
  query Actors($first: Int!, $after: String, $filter: ActorFilter, $orderBy: ActorOrder) {
    actors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...ActorRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
