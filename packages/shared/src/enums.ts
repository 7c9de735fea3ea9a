/**
 * The closed vocabularies of the domain, shared by the API (GraphQL enums, database checks)
 * and the web app (labels, filters). Plain objects, so that both runtimes load them as they are.
 */
const values = <const T extends readonly string[]>(...items: T) =>
  Object.freeze(Object.fromEntries(items.map((item) => [item, item]))) as { readonly [K in T[number]]: K };

export const ActorKind = values(
  'UN_PRINCIPAL_ORGAN',
  'UN_SECRETARIAT_ENTITY',
  'UN_PEACE_OPERATION',
  'UN_AGENCY_FUND_PROGRAMME',
  'REGIONAL_ORGANIZATION',
  'REGIONAL_ORGAN',
  'REGIONAL_PEACE_OPERATION',
  'MEMBER_STATE',
  'STATE_INSTITUTION',
  'CIVIL_SOCIETY',
  'ACADEMIC',
  'DATA_PROVIDER',
);
export type ActorKind = keyof typeof ActorKind;

export const PartnershipKind = values(
  'MEMBER_OF',
  'SUBSIDIARY_OF',
  'REPORTS_TO',
  'AUTHORIZES',
  'HOSTS',
  'CONTRIBUTES_TROOPS',
  'CONTRIBUTES_POLICE',
  'FUNDS',
  'IMPLEMENTS_FOR',
  'COORDINATES_WITH',
  'SUPPORTS',
  'SUCCEEDED_BY',
);
export type PartnershipKind = keyof typeof PartnershipKind;

export const PartnershipStatus = values('PROPOSED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED');
export type PartnershipStatus = keyof typeof PartnershipStatus;

export const MandatedTaskKind = values(
  'PROTECTION_OF_CIVILIANS',
  'CEASEFIRE_MONITORING',
  'HUMAN_RIGHTS_MONITORING',
  'HUMANITARIAN_ACCESS',
  'PEACE_PROCESS_SUPPORT',
  'DDR',
  'SSR',
  'CHILD_PROTECTION',
  'CONFLICT_RELATED_SEXUAL_VIOLENCE',
  'ELECTORAL_SUPPORT',
  'RULE_OF_LAW',
  'STATE_AUTHORITY_EXTENSION',
  'MINE_ACTION',
  'PUBLIC_INFORMATION',
  'OTHER',
);
export type MandatedTaskKind = keyof typeof MandatedTaskKind;

export const SituationStatus = values('WATCH', 'ACTIVE_CRISIS', 'STABILIZING', 'CLOSED');
export type SituationStatus = keyof typeof SituationStatus;

export const RiskFactorCategory = values('COMMON', 'GENOCIDE', 'CRIMES_AGAINST_HUMANITY', 'WAR_CRIMES');
export type RiskFactorCategory = keyof typeof RiskFactorCategory;

export const RiskLevel = values('NONE', 'LOW', 'MODERATE', 'HIGH', 'VERY_HIGH');
export type RiskLevel = keyof typeof RiskLevel;

export const RiskTrend = values('IMPROVING', 'STABLE', 'DETERIORATING');
export type RiskTrend = keyof typeof RiskTrend;

export const Confidence = values('LOW', 'MEDIUM', 'HIGH');
export type Confidence = keyof typeof Confidence;

export const AssessmentStatus = values('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SUPERSEDED');
export type AssessmentStatus = keyof typeof AssessmentStatus;

export const PlanStatus = values(
  'DRAFT',
  'IN_REVIEW',
  'APPROVED',
  'ACTIVE',
  'SUSPENDED',
  'CLOSED',
  'CANCELLED',
);
export type PlanStatus = keyof typeof PlanStatus;

export const ParticipantRole = values('LEAD', 'CONTRIBUTOR', 'OBSERVER');
export type ParticipantRole = keyof typeof ParticipantRole;

export const PhaseKind = values(
  'PREVENTION',
  'PREVENTIVE_DEPLOYMENT',
  'CONTAINMENT',
  'STABILIZATION',
  'RECOVERY',
);
export type PhaseKind = keyof typeof PhaseKind;

export const TaskPriority = values('URGENT', 'HIGH', 'MEDIUM', 'LOW');
export type TaskPriority = keyof typeof TaskPriority;

export const TaskStatus = values(
  'DRAFT',
  'PROPOSED',
  'ACCEPTED',
  'IN_PROGRESS',
  'BLOCKED',
  'SUBMITTED',
  'VERIFIED',
  'REOPENED',
  'COMPLETED',
  'CANCELLED',
);
export type TaskStatus = keyof typeof TaskStatus;

export const AssignmentRole = values('LEAD', 'SUPPORT', 'CONSULTED', 'INFORMED');
export type AssignmentRole = keyof typeof AssignmentRole;

export const AssignmentStatus = values('PROPOSED', 'ACCEPTED', 'DECLINED', 'COUNTER_PROPOSED', 'WITHDRAWN');
export type AssignmentStatus = keyof typeof AssignmentStatus;

export const AssignmentResponse = values('ACCEPT', 'DECLINE', 'COUNTER_PROPOSE');
export type AssignmentResponse = keyof typeof AssignmentResponse;

export const CapabilityKind = values(
  'INFANTRY_BATTALION',
  'FORMED_POLICE_UNIT',
  'INDIVIDUAL_POLICE_OFFICERS',
  'MILITARY_OBSERVERS',
  'HELICOPTER_UNIT',
  'ENGINEERING_UNIT',
  'MEDICAL_UNIT',
  'HUMAN_RIGHTS_MONITORS',
  'MEDIATORS',
  'CHILD_PROTECTION_ADVISERS',
  'WOMEN_PROTECTION_ADVISERS',
  'HUMANITARIAN_LOGISTICS',
  'FUNDING',
  'ANALYSTS',
);
export type CapabilityKind = keyof typeof CapabilityKind;

export const ObservationSourceKind = values(
  'MEDIA',
  'NGO_REPORT',
  'UN_REPORT',
  'FIELD_MISSION',
  'ACLED',
  'OTHER',
);
export type ObservationSourceKind = keyof typeof ObservationSourceKind;

/** CAP 1.2 <status>, <msgType>, <scope>, <urgency>, <severity>, <certainty> (values upper-cased). */
export const CapStatus = values('ACTUAL', 'EXERCISE', 'SYSTEM', 'TEST', 'DRAFT');
export type CapStatus = keyof typeof CapStatus;
export const CapMsgType = values('ALERT', 'UPDATE', 'CANCEL', 'ACK', 'ERROR');
export type CapMsgType = keyof typeof CapMsgType;
export const CapScope = values('PUBLIC', 'RESTRICTED', 'PRIVATE');
export type CapScope = keyof typeof CapScope;
export const CapUrgency = values('IMMEDIATE', 'EXPECTED', 'FUTURE', 'PAST', 'UNKNOWN');
export type CapUrgency = keyof typeof CapUrgency;
export const CapSeverity = values('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN');
export type CapSeverity = keyof typeof CapSeverity;
export const CapCertainty = values('OBSERVED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'UNKNOWN');
export type CapCertainty = keyof typeof CapCertainty;

/** Concord's alert workflow. */
export const AlertState = values('DRAFT', 'ISSUED', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED');
export type AlertState = keyof typeof AlertState;

/** Reliability of a source (Admiralty code): A completely reliable … F cannot be judged. */
export const SourceReliability = values('A', 'B', 'C', 'D', 'E', 'F');
export type SourceReliability = keyof typeof SourceReliability;

export const ImportStatus = values('RUNNING', 'SUCCEEDED', 'FAILED');
export type ImportStatus = keyof typeof ImportStatus;

export const WebhookEvent = values('ALERT_ISSUED', 'ASSIGNMENT_ANSWERED', 'PLAN_STATUS_CHANGED');
export type WebhookEvent = keyof typeof WebhookEvent;

export const DeliveryStatus = values('PENDING', 'SUCCEEDED', 'FAILED');
export type DeliveryStatus = keyof typeof DeliveryStatus;
