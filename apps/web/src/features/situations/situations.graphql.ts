import { graphql } from '@/gql';

/** The situations list: every situation the viewer may read, by name. */
export const situationsQuery = graphql(`
  query Situations($first: Int!) {
    situations(first: $first, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          countryCode
          status
          isExercise
          latestAssessment {
            id
            assessedOn
            status
            overallLevel
          }
        }
      }
    }
  }
`);

/** A score of one Framework risk factor. */
export const riskScoreFragment = graphql(`
  fragment RiskScoreFields on RiskFactorScore {
    id
    level
    trend
    confidence
    rationale
    riskFactor {
      id
      number
    }
  }
`);

/** One observation, as the timeline and the map show it. */
export const observationFragment = graphql(`
  fragment ObservationFields on Observation {
    id
    title
    occurredOn
    eventType
    fatalities
    source
    sourceKind
    reliability
    locationName
    latitude
    longitude
    riskFactor {
      id
      number
      name
    }
  }
`);

/** Everything the situation page shows except the gap analysis, which may fail on its own. */
export const situationPageQuery = graphql(`
  query SituationPage($id: ID!) {
    viewer {
      kind
      memberships {
        role
      }
    }
    riskFactors {
      id
      number
      name
      category
    }
    situation(id: $id) {
      id
      name
      countryCode
      status
      isExercise
      summary
      adminAreas
      latestAssessment {
        id
        assessedOn
        status
        classification
        overallLevel
        overallExplanation
        summary
        authorActor {
          id
          name
          acronym
        }
        drivers {
          id
        }
        scores {
          ...RiskScoreFields
        }
      }
      assessments(first: 20) {
        totalCount
        edges {
          node {
            id
            assessedOn
            status
            overallLevel
            authorActor {
              id
              name
              acronym
            }
          }
        }
      }
      observations(first: 100) {
        totalCount
        edges {
          node {
            ...ObservationFields
          }
        }
      }
    }
  }
`);

/** Factors at High or Very high that no open plan mitigates with live work. */
export const situationGapsQuery = graphql(`
  query SituationGaps($id: ID!) {
    situation(id: $id) {
      id
      mitigationGaps {
        level
        explanation
        riskFactor {
          id
          number
          name
        }
        objectives {
          id
          title
          plan {
            id
            title
          }
        }
      }
    }
  }
`);
