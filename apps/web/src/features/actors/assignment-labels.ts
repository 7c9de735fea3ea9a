import type { AssignmentRole, AssignmentStatus } from '@/gql/graphql';

export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = {
  LEAD: 'Lead',
  SUPPORT: 'Support',
  CONSULTED: 'Consulted',
  INFORMED: 'Informed',
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  PROPOSED: 'Proposed',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  COUNTER_PROPOSED: 'Counter-proposed',
  WITHDRAWN: 'Withdrawn',
};
