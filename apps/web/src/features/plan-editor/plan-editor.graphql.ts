import { graphql } from '@/gql';

/** A task as the editor and the board show it. */
export const editorTaskFragment = graphql(`
  fragment EditorTask on Task {
    id
    title
    status
    priority
    dueOn
    locationName
    version
    objective {
      id
      title
    }
    dependsOn {
      id
      title
      status
    }
    assignments(first: 20) {
      edges {
        node {
          id
          role
          status
          respondBy
          reason
          proposedDueOn
          version
          actor {
            id
            name
            acronym
          }
        }
      }
    }
  }
`);

/**
 * Everything the editor shows. `changePosition` is read with the plan so that the live subscription
 * resumes from it and nothing changed in between is missed.
 */
export const planEditorQuery = graphql(`
  query PlanEditor($id: ID!) {
    changePosition
    responsePlan(id: $id) {
      id
      title
      summary
      status
      classification
      version
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
        version
      }
      objectives(first: 100) {
        edges {
          node {
            id
            title
            version
            phase {
              id
            }
            riskFactors {
              id
              number
              name
            }
          }
        }
      }
      tasks(first: 100, orderBy: { field: DUE_ON, direction: ASC }) {
        totalCount
        edges {
          node {
            ...EditorTask
          }
        }
      }
    }
  }
`);

export const planPresenceQuery = graphql(`
  query PlanPresence($id: ID!) {
    responsePlan(id: $id) {
      id
      presence {
        clientId
        displayName
        mode
        focus
        since
        user {
          id
        }
        organisation {
          id
          name
          acronym
        }
      }
    }
  }
`);

export const planHistoryQuery = graphql(`
  query PlanHistory($id: ID!, $first: Int!, $after: String) {
    responsePlan(id: $id) {
      id
      history(first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            kind
            entityType
            entityId
            fields
            occurredAt
            user {
              id
              displayName
            }
            actor {
              id
              name
              acronym
            }
            entity {
              id
              ... on ResponsePlan {
                title
                version
              }
              ... on Phase {
                title
                version
              }
              ... on Objective {
                title
                version
              }
              ... on Task {
                title
                version
              }
              ... on TaskAssignment {
                version
                actor {
                  id
                  acronym
                  name
                }
              }
              ... on PlanParticipant {
                version
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const actorSearchQuery = graphql(`
  query PlanEditorActorSearch($search: String!) {
    actors(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          acronym
        }
      }
    }
  }
`);

export const updateResponsePlanMutation = graphql(`
  mutation UpdateResponsePlan($input: UpdateResponsePlanInput!) {
    updateResponsePlan(input: $input) {
      responsePlan {
        id
        title
        summary
        status
        classification
        version
      }
    }
  }
`);

export const updatePhaseMutation = graphql(`
  mutation UpdatePhase($input: UpdatePhaseInput!) {
    updatePhase(input: $input) {
      phase {
        id
        title
        kind
        version
      }
    }
  }
`);

export const updateObjectiveMutation = graphql(`
  mutation UpdateObjective($input: UpdateObjectiveInput!) {
    updateObjective(input: $input) {
      objective {
        id
        title
        version
      }
    }
  }
`);

export const createTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        ...EditorTask
      }
    }
  }
`);

export const updateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        ...EditorTask
      }
    }
  }
`);

export const assignTaskMutation = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) {
      assignment {
        id
        status
      }
    }
  }
`);

export const withdrawAssignmentMutation = graphql(`
  mutation WithdrawAssignment($input: WithdrawAssignmentInput!) {
    withdrawAssignment(input: $input) {
      assignment {
        id
        status
        version
      }
    }
  }
`);

export const restoreRevisionFieldMutation = graphql(`
  mutation RestoreRevisionField($input: RestoreRevisionFieldInput!) {
    restoreRevisionField(input: $input) {
      revision {
        id
      }
    }
  }
`);

export const heartbeatPresenceMutation = graphql(`
  mutation HeartbeatPresence($input: HeartbeatPresenceInput!) {
    heartbeatPresence(input: $input) {
      presence {
        clientId
      }
    }
  }
`);

export const leavePlanMutation = graphql(`
  mutation LeavePlan($input: LeavePlanInput!) {
    leavePlan(input: $input) {
      left
    }
  }
`);

/** Subscriptions: sent over the API's WebSocket by graphql-ws (see use-live-plan.ts), not through Apollo. */
export const planChangedSubscription = graphql(`
  subscription PlanChanged($planId: ID!, $after: String) {
    planChanged(planId: $planId, after: $after) {
      position
      kind
      topic
      entityType
      entityId
    }
  }
`);

export const presenceChangedSubscription = graphql(`
  subscription PresenceChanged($planId: ID!, $after: String) {
    presenceChanged(planId: $planId, after: $after) {
      position
    }
  }
`);
