import { graphql } from '@/gql';

/** What a partner needs to answer an assignment or report on its task. */
export const assignmentCardFragment = graphql(`
  fragment AssignmentCard on TaskAssignment {
    id
    role
    status
    reason
    proposedDueOn
    respondBy
    respondedAt
    version
    task {
      id
      title
      description
      status
      priority
      dueOn
      locationName
      version
      plan {
        id
        title
        leadActor {
          id
          name
          acronym
        }
      }
    }
  }
`);

/** Every assignment of the viewer's organisations, in order of assignment. */
export const myAssignmentsQuery = graphql(`
  query MyAssignments($actorIds: [ID!]!) {
    nodes(ids: $actorIds) {
      ... on Actor {
        __typename
        id
        name
        acronym
        assignments(first: 100) {
          totalCount
          edges {
            node {
              ...AssignmentCard
            }
          }
        }
      }
    }
  }
`);

/** One assignment as it is now, after someone else answered it. */
export const assignmentQuery = graphql(`
  query Assignment($id: ID!) {
    node(id: $id) {
      ... on TaskAssignment {
        __typename
        ...AssignmentCard
      }
    }
  }
`);

export const respondToAssignmentMutation = graphql(`
  mutation RespondToAssignment($input: RespondToAssignmentInput!) {
    respondToAssignment(input: $input) {
      assignment {
        ...AssignmentCard
      }
    }
  }
`);

export const reportTaskProgressMutation = graphql(`
  mutation ReportTaskProgress($input: ReportTaskProgressInput!) {
    reportTaskProgress(input: $input) {
      task {
        id
        status
        version
      }
    }
  }
`);
