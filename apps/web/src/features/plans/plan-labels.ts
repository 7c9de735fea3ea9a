import type {
  AssignmentRole,
  AssignmentStatus,
  Classification,
  ParticipantRole,
  PhaseKind,
  PlanStatus,
  TaskPriority,
  TaskStatus,
} from '@/gql/graphql';

/**
 * Words for the plan vocabulary. Each is a `Record` over the generated union, so a value added to
 * the schema fails the typecheck until it is named here.
 */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
};

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  LEAD: 'Lead',
  CONTRIBUTOR: 'Contributor',
  OBSERVER: 'Observer',
};

export const PHASE_KIND_LABELS: Record<PhaseKind, string> = {
  PREVENTION: 'Prevention',
  PREVENTIVE_DEPLOYMENT: 'Preventive deployment',
  CONTAINMENT: 'Containment',
  STABILIZATION: 'Stabilization',
  RECOVERY: 'Recovery',
};

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  PUBLIC: 'Public',
  PARTICIPANTS: 'Participants only',
  RESTRICTED: 'Restricted to liaison officers',
  CONFIDENTIAL: 'Confidential to the lead',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Proposed',
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  SUBMITTED: 'Submitted',
  VERIFIED: 'Verified',
  REOPENED: 'Reopened',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = {
  URGENT: 'Urgent',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = {
  LEAD: 'Lead',
  SUPPORT: 'Support',
  CONSULTED: 'Consulted',
  INFORMED: 'Informed',
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  PROPOSED: 'Waiting for an answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  COUNTER_PROPOSED: 'Counter-proposed',
  WITHDRAWN: 'Withdrawn',
};

/** Task states in which the work is over or called off. */
export const CLOSED_TASK_STATUSES: readonly TaskStatus[] = ['VERIFIED', 'COMPLETED', 'CANCELLED'];

/** Task states still open, for "what is due" lists. */
export const OPEN_TASK_STATUSES: TaskStatus[] = (Object.keys(TASK_STATUS_LABELS) as TaskStatus[]).filter(
  (status) => !CLOSED_TASK_STATUSES.includes(status),
);
