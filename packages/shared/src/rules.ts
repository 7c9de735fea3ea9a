import type { AssignmentResponse, AssignmentStatus, TaskStatus } from './enums.ts';

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

/** What the organisation doing a task may report about it (reportTaskProgress). */
export const TaskProgressStatus = Object.freeze({
  IN_PROGRESS: 'IN_PROGRESS',
  BLOCKED: 'BLOCKED',
  SUBMITTED: 'SUBMITTED',
} as const);
export type TaskProgressStatus = keyof typeof TaskProgressStatus;

/**
 * Task states in which progress may be reported: the work is agreed and not yet handed in. A
 * submitted task waits for the lead to verify or reopen it.
 */
export const progressReportableStatuses: readonly TaskStatus[] = [
  'ACCEPTED',
  'IN_PROGRESS',
  'BLOCKED',
  'REOPENED',
];
