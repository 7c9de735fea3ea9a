import { graphql } from '@/gql';

/** One alert as the situation page lists it. */
export const situationAlertFragment = graphql(`
  fragment SituationAlertFields on Alert {
    id
    identifier
    state
    status
    msgType
    scope
    urgency
    severity
    certainty
    headline
    description
    areaDesc
    issuedAt
    version
    senderActor {
      id
      name
      acronym
    }
    recipients {
      actor {
        id
        name
        acronym
      }
      acknowledgedAt
      acknowledgedBy {
        displayName
      }
    }
  }
`);

/** The situation's alerts, and the organisations taking part in its plans (the usual recipients). */
export const situationAlertsQuery = graphql(`
  query SituationAlerts($id: ID!) {
    situation(id: $id) {
      id
      alerts(first: 50) {
        totalCount
        edges {
          node {
            ...SituationAlertFields
          }
        }
      }
    }
    responsePlans(first: 20, filter: { situationId: $id }) {
      edges {
        node {
          id
          leadActor {
            id
            name
            acronym
          }
          participants {
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
`);

export const createAlertMutation = graphql(`
  mutation CreateSituationAlert($input: CreateAlertInput!) {
    createAlert(input: $input) {
      alert {
        ...SituationAlertFields
      }
    }
  }
`);

export const issueAlertMutation = graphql(`
  mutation IssueSituationAlert($input: IssueAlertInput!) {
    issueAlert(input: $input) {
      alert {
        ...SituationAlertFields
      }
    }
  }
`);

export const acknowledgeAlertMutation = graphql(`
  mutation AcknowledgeSituationAlert($input: AcknowledgeAlertInput!) {
    acknowledgeAlert(input: $input) {
      alert {
        ...SituationAlertFields
      }
    }
  }
`);
