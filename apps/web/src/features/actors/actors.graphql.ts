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

/** Enough of an actor to name it and link to its page. */
export const actorLinkFragment = graphql(`
  fragment ActorLink on Actor {
    id
    name
    acronym
    kind
  }
`);

/** One edge of an actor's partnership graph: the partner, the partnership and its direction. */
export const partnerEdgeFragment = graphql(`
  fragment PartnerEdgeFields on PartnerEdge {
    direction
    node {
      ...ActorLink
    }
    partnership {
      id
      kind
      status
      validFrom
      validTo
      instrument
      notes
    }
  }
`);

/**
 * Five levels of ancestors at a time: GraphQL cannot recurse, and registries are rarely deeper.
 * The page asks again from the topmost one when its `parent` is still set.
 */
export const actorAncestorsFragment = graphql(`
  fragment ActorAncestors on Actor {
    parent {
      ...ActorLink
      parent {
        ...ActorLink
        parent {
          ...ActorLink
          parent {
            ...ActorLink
            parent {
              ...ActorLink
              parent {
                id
              }
            }
          }
        }
      }
    }
  }
`);

/** Everything the actor page shows, in one request. */
export const actorPageQuery = graphql(`
  query ActorPage($id: ID!, $asOf: LocalDate) {
    viewer {
      kind
    }
    actor(id: $id) {
      ...ActorLink
      countryCode
      region
      description
      website
      ...ActorAncestors
      children(first: 100, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        edges {
          node {
            ...ActorLink
          }
        }
      }
      partners(first: 100, asOf: $asOf) {
        totalCount
        edges {
          ...PartnerEdgeFields
        }
      }
      mandates(first: 20) {
        totalCount
        edges {
          node {
            id
            symbol
            title
            adoptedOn
            expiresOn
            chapterVii
            troopCeiling
            policeCeiling
            authorizingActor {
              ...ActorLink
            }
            mandatedTasks(first: 50, orderBy: { field: PRIORITY, direction: ASC }) {
              totalCount
              edges {
                node {
                  id
                  paragraphRef
                  kind
                  description
                  priority
                  useOfForce
                }
              }
            }
          }
        }
      }
      assignments(first: 50) {
        totalCount
        edges {
          node {
            id
            role
            status
            respondBy
            task {
              id
              title
              status
              dueOn
              plan {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

/** The ancestors above the five the page query reaches. */
export const actorAncestorsQuery = graphql(`
  query ActorAncestorsFrom($id: ID!) {
    actor(id: $id) {
      ...ActorLink
      ...ActorAncestors
    }
  }
`);

/** An actor's partnerships valid on a date (any date when `asOf` is null). */
export const actorPartnersQuery = graphql(`
  query ActorPartners($id: ID!, $asOf: LocalDate) {
    actor(id: $id) {
      id
      partners(first: 100, asOf: $asOf) {
        totalCount
        edges {
          ...PartnerEdgeFields
        }
      }
    }
  }
`);
