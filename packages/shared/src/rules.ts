import type { AssignmentResponse, AssignmentStatus } from './enums.ts';

/** Which answers a partner may still give to an assignment in a given state. */
export const allowedResponses: Record<AssignmentStatus, readonly AssignmentResponse[]> = {
  PROPOSED: ['ACCEPT', 'DECLINE', 'COUNTER_PROPOSE'],
  COUNTER_PROPOSED: ['ACCEPT', 'DECLINE'],
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

/** Assignments in these states no longer hold a role on the task (a new LEAD may be named). */
export const closedAssignmentStatuses: readonly AssignmentStatus[] = ['DECLINED', 'WITHDRAWN'];

/** Page size bounds every connection publishes. */
export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;
