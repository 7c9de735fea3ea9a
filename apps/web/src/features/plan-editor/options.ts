import {
  ASSIGNMENT_ROLE_LABELS,
  CLASSIFICATION_LABELS,
  PLAN_STATUS_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from '@/features/plans/plan-labels';
import type { AssignmentRole, TaskPriority, TaskStatus } from '@/gql/graphql';
import type { Option } from './inline-field.client';

const optionsOf = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const PLAN_STATUS_OPTIONS = optionsOf(PLAN_STATUS_LABELS);
export const CLASSIFICATION_OPTIONS = optionsOf(CLASSIFICATION_LABELS);
export const TASK_STATUS_OPTIONS = optionsOf(TASK_STATUS_LABELS);
export const TASK_PRIORITY_OPTIONS = optionsOf(TASK_PRIORITY_LABELS);
export const ASSIGNMENT_ROLE_OPTIONS = optionsOf(ASSIGNMENT_ROLE_LABELS);

/** Board columns, in the order work flows. */
export const TASK_STATUSES = Object.keys(TASK_STATUS_LABELS) as TaskStatus[];
export const TASK_PRIORITIES = Object.keys(TASK_PRIORITY_LABELS) as TaskPriority[];
export const ASSIGNMENT_ROLES = Object.keys(ASSIGNMENT_ROLE_LABELS) as AssignmentRole[];
