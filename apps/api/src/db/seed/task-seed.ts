import type {
  AssignmentRole,
  AssignmentStatus,
  CapabilityKind,
  TaskPriority,
  TaskStatus,
} from '@concord/shared';

/** The shape of the fictional exercise tasks and of their assignments' handshake. */
export type AssignmentSeed = {
  actor: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  reason?: string;
  /** PROPOSED: days from today until an answer is due (negative = overdue). */
  respondIn?: number;
  /** Answered: how many days ago. */
  answeredAgo?: number;
  /** COUNTER_PROPOSED: the due date offered, in days from today. */
  proposedDue?: number;
};

export type TaskSeed = {
  key: string;
  objective: string;
  title: string;
  priority: TaskPriority;
  status: TaskStatus;
  due: number;
  location?: string;
  description?: string;
  needs?: [CapabilityKind, number][];
  after?: string[];
  assignments?: AssignmentSeed[];
};

export const proposed = (actor: string, role: AssignmentRole, respondIn: number): AssignmentSeed => ({
  actor,
  role,
  status: 'PROPOSED',
  respondIn,
});
export const accepted = (actor: string, role: AssignmentRole, answeredAgo: number): AssignmentSeed => ({
  actor,
  role,
  status: 'ACCEPTED',
  answeredAgo,
});
