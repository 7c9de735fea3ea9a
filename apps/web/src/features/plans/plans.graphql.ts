import { graphql } from '@/gql';

/** One row of the plans list. */
export const planRowFragment = graphql(`
  fragment PlanRow on ResponsePlan {
    id
    title
    status
    startsOn
    endsOn
    situation {
      id
      name
      isExercise
    }
    leadActor {
      id
      name
      acronym
    }
    participants {
      id
      role
      actor {
        id
      }
    }
  }
`);

export const plansQuery = graphql(`
  query Plans($first: Int!, $after: String) {
    responsePlans(first: $first, after: $after, orderBy: { field: TITLE, direction: ASC }) {
      totalCount
      edges {
        node {
          ...PlanRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Everything the read-only overview of a plan shows. */
export const planOverviewQuery = graphql(`
  query PlanOverview($id: ID!) {
    responsePlan(id: $id) {
      id
      title
      summary
      status
      classification
      startsOn
      endsOn
      updatedAt
      situation {
        id
        name
        isExercise
      }
      leadActor {
        id
        name
        acronym
      }
      participants {
        id
        role
        actor {
          id
          name
          acronym
        }
      }
      phases {
        id
        kind
        title
        position
        startsOn
        endsOn
      }
      objectives(first: 100) {
        totalCount
        edges {
          node {
            id
            title
            description
            phase {
              id
            }
            riskFactors {
              id
              number
              name
            }
            mandatedTask {
              id
              paragraphRef
            }
          }
        }
      }
      tasks(first: 100, orderBy: { field: DUE_ON, direction: ASC }) {
        totalCount
        edges {
          node {
            id
            title
            status
            priority
            dueOn
            locationName
            objective {
              id
              title
            }
            assignments(first: 10) {
              edges {
                node {
                  id
                  role
                  status
                  actor {
                    id
                    name
                    acronym
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** What the edit guard needs: who takes part, and in which role. */
export const planEditAccessQuery = graphql(`
  query PlanEditAccess($id: ID!) {
    responsePlan(id: $id) {
      id
      title
      participants {
        id
        role
        actor {
          id
        }
      }
    }
  }
`);
