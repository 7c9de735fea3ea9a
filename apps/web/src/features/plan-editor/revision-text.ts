import {
  ASSIGNMENT_ROLE_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  CLASSIFICATION_LABELS,
  PLAN_STATUS_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from '@/features/plans/plan-labels';
import { formatDate, formatDateTime, isLocalDate } from '@/lib/format/dates';
import type { EditorTask } from './plan-editor.types';

const ENTITY_WORDS: Record<string, string> = {
  ResponsePlan: 'plan',
  Phase: 'phase',
  Objective: 'objective',
  Task: 'task',
  TaskAssignment: 'assignment',
  PlanParticipant: 'participant',
};

const KIND_WORDS: Record<string, string> = { CREATE: 'created', UPDATE: 'changed', DELETE: 'deleted' };

const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  status: 'Status',
  classification: 'Who may read it',
  priority: 'Priority',
  dueOn: 'Due date',
  locationName: 'Location',
  objectiveId: 'Objective',
  dependsOnIds: 'Depends on',
  riskFactorIds: 'Risk factors',
  respondBy: 'Answer by',
  role: 'Role',
  reason: 'Reason',
  description: 'Description',
  startsOn: 'Starts on',
  endsOn: 'Ends on',
};

const ENUM_WORDS: Record<string, string> = {
  ...ASSIGNMENT_STATUS_LABELS,
  ...ASSIGNMENT_ROLE_LABELS,
  ...CLASSIFICATION_LABELS,
  ...TASK_PRIORITY_LABELS,
  ...PLAN_STATUS_LABELS,
  ...TASK_STATUS_LABELS,
};

export const entityWords = (type: string) => ENTITY_WORDS[type] ?? type;
export const kindWords = (kind: string) => KIND_WORDS[kind] ?? kind.toLowerCase();
export const fieldWords = (field: string) =>
  FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A before or after value in words: labels for enums, titles for task ids, dates spelt out. */
export function valueWords(value: unknown, tasks: readonly EditorTask[]): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value.map((v) => valueWords(v, tasks)).join(', ');
  }
  if (typeof value === 'string') {
    const task = tasks.find((t) => t.id === value);
    if (task) return `“${task.title}”`;
    if (ENUM_WORDS[value]) return ENUM_WORDS[value];
    if (isLocalDate(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Records whose fields the editor offers to restore; assignments change through their handshake. */
const RESTORABLE = new Set(['ResponsePlan', 'Phase', 'Objective', 'Task']);
const SYSTEM_FIELDS = new Set(['createdAt', 'updatedAt', 'version', 'respondedAt']);

export const isRestorable = (entityType: string, field: string) =>
  RESTORABLE.has(entityType) && !SYSTEM_FIELDS.has(field);
