import type { RiskLevel, RiskTrend, SituationStatus } from '@/gql/graphql';

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  NONE: 'No risk found',
  LOW: 'Low',
  MODERATE: 'Moderate',
  HIGH: 'High',
  VERY_HIGH: 'Very high',
};

/** Highest first, for sorting. */
export const RISK_LEVEL_RANK: Record<RiskLevel, number> = {
  VERY_HIGH: 4,
  HIGH: 3,
  MODERATE: 2,
  LOW: 1,
  NONE: 0,
};

export const SITUATION_STATUS_LABELS: Record<SituationStatus, string> = {
  WATCH: 'Watch',
  ACTIVE_CRISIS: 'Active crisis',
  STABILIZING: 'Stabilizing',
  CLOSED: 'Closed',
};

export type TrendSummary = { deteriorating: number; improving: number; word: string };

/** The direction of an assessment's factors, counted: more deteriorating than improving is worsening. */
export function summariseTrend(scores: readonly { trend: RiskTrend }[]): TrendSummary {
  const deteriorating = scores.filter((s) => s.trend === 'DETERIORATING').length;
  const improving = scores.filter((s) => s.trend === 'IMPROVING').length;
  const word = deteriorating > improving ? 'Worsening' : improving > deteriorating ? 'Improving' : 'Steady';
  return { deteriorating, improving, word };
}
