import type { AlertState, CapCertainty, CapSeverity, CapUrgency } from '@/gql/graphql';

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  DRAFT: 'Draft',
  ISSUED: 'Issued',
  ACKNOWLEDGED: 'Acknowledged',
  ESCALATED: 'Escalated',
  CLOSED: 'Closed',
};

export const URGENCY_LABELS: Record<CapUrgency, string> = {
  IMMEDIATE: 'Act immediately',
  EXPECTED: 'Act within the hour',
  FUTURE: 'Act in the near future',
  PAST: 'No longer urgent',
  UNKNOWN: 'Urgency unknown',
};

export const SEVERITY_LABELS: Record<CapSeverity, string> = {
  EXTREME: 'Extreme',
  SEVERE: 'Severe',
  MODERATE: 'Moderate',
  MINOR: 'Minor',
  UNKNOWN: 'Severity unknown',
};

export const CERTAINTY_LABELS: Record<CapCertainty, string> = {
  OBSERVED: 'Observed',
  LIKELY: 'Likely',
  POSSIBLE: 'Possible',
  UNLIKELY: 'Unlikely',
  UNKNOWN: 'Certainty unknown',
};

/** An organisation by its acronym when it has one. */
export const shortName = (actor: { name: string; acronym: string | null }) => actor.acronym ?? actor.name;
