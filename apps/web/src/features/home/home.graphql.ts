import { graphql } from '@/gql';

/** Situations still of concern, with the overall level and factor trends of their latest assessment. */
export const homeSituationsQuery = graphql(`
  query HomeSituations {
    situations(first: 50, filter: { statuses: [ACTIVE_CRISIS, WATCH, STABILIZING] }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          status
          isExercise
          latestAssessment {
            id
            assessedOn
            overallLevel
            scores {
              id
              trend
            }
          }
        }
      }
    }
  }
`);

/** Alerts not yet closed that the viewer may read, newest first. */
export const homeAlertsQuery = graphql(`
  query HomeAlerts {
    alerts(first: 10, filter: { states: [ISSUED, ACKNOWLEDGED, ESCALATED] }) {
      totalCount
      edges {
        node {
          id
          headline
          state
          severity
          urgency
          issuedAt
          situation {
            id
            name
          }
          senderActor {
            id
            name
            acronym
          }
        }
      }
    }
  }
`);

/** Plans the organisation takes part in. */
export const homePlansQuery = graphql(`
  query HomePlans($actorId: ID!) {
    responsePlans(first: 10, filter: { participantActorId: $actorId }, orderBy: { field: TITLE, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          title
          status
          situation {
            id
            name
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
      }
    }
  }
`);

/**
 * Assignments waiting for the organisation's answer; open tasks due soon in the plans the viewer
 * may read (a partner reads only its own); and which of those are the organisation's.
 */
export const homeWorkQuery = graphql(`
  query HomeWork($actorId: ID!, $dueBefore: LocalDate!, $openStatuses: [TaskStatus!]!) {
    actor(id: $actorId) {
      id
      waiting: assignments(first: 50, statuses: [PROPOSED, COUNTER_PROPOSED]) {
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
              dueOn
              priority
              plan {
                id
                title
              }
            }
          }
        }
      }
    }
    mine: tasks(
      first: 100
      filter: { assignedActorId: $actorId, dueBefore: $dueBefore, statuses: $openStatuses }
      orderBy: { field: DUE_ON, direction: ASC }
    ) {
      edges {
        node {
          id
        }
      }
    }
    tasks(first: 30, filter: { dueBefore: $dueBefore, statuses: $openStatuses }, orderBy: { field: DUE_ON, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          title
          dueOn
          status
          priority
          plan {
            id
            title
          }
        }
      }
    }
  }
`);
