import type {
  AssessmentStatus,
  Confidence,
  ObservationSourceKind,
  RiskFactorCategory,
  RiskLevel,
  RiskTrend,
  SituationStatus,
} from '@/gql/graphql';

/** Levels from lowest to highest; their colours are always shown with the word. */
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  NONE: 'None',
  LOW: 'Low',
  MODERATE: 'Moderate',
  HIGH: 'High',
  VERY_HIGH: 'Very high',
};

export const RISK_TRENDS: Record<RiskTrend, { arrow: string; label: string }> = {
  DETERIORATING: { arrow: '↑', label: 'Deteriorating' },
  STABLE: { arrow: '→', label: 'Stable' },
  IMPROVING: { arrow: '↓', label: 'Improving' },
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  HIGH: 'High confidence',
  MEDIUM: 'Medium confidence',
  LOW: 'Low confidence',
};

export const CATEGORY_LABELS: Record<RiskFactorCategory, string> = {
  COMMON: 'Common risk factor',
  GENOCIDE: 'Specific to genocide',
  CRIMES_AGAINST_HUMANITY: 'Specific to crimes against humanity',
  WAR_CRIMES: 'Specific to war crimes',
};

export const SITUATION_STATUS_LABELS: Record<SituationStatus, string> = {
  WATCH: 'Watch',
  ACTIVE_CRISIS: 'Active crisis',
  STABILIZING: 'Stabilizing',
  CLOSED: 'Closed',
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export const SOURCE_KIND_LABELS: Record<ObservationSourceKind, string> = {
  ACLED: 'ACLED',
  FIELD_MISSION: 'Field mission',
  MEDIA: 'Media',
  NGO_REPORT: 'NGO report',
  UN_REPORT: 'UN report',
  OTHER: 'Other source',
};
