import type { SituationPageQuery } from '@/gql/graphql';

export type SituationPageSituation = NonNullable<SituationPageQuery['situation']>;
export type LatestAssessment = NonNullable<SituationPageSituation['latestAssessment']>;
export type RiskFactorRef = SituationPageQuery['riskFactors'][number];
export type ViewerRoles = NonNullable<SituationPageQuery['viewer']>['memberships'];

/**
 * Whether the API shows this viewer the texts of assessments (summaries, rationales): as its rule
 * reads, a membership cleared for RESTRICTED records — a liaison officer's or an administrator's.
 * Used only to word an empty text: "restricted" rather than "none recorded".
 */
export function mayReadAssessmentText(memberships: ViewerRoles | undefined): boolean {
  return (memberships ?? []).some((m) => m.role === 'ADMIN' || m.role === 'LIAISON');
}
