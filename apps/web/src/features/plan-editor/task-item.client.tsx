'use client';

import { useMutation } from '@apollo/client/react';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from '@/features/plans/plan-labels';
import type { TaskPriority, TaskStatus, UpdateTaskInput } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import { AssignmentList } from './assignment-list.client';
import { DependencyEditor } from './dependency-editor.client';
import { InlineField, type Option } from './inline-field.client';
import { TASK_PRIORITY_OPTIONS, TASK_STATUS_OPTIONS } from './options';
import { updateTaskMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';

type Props = { task: EditorTask; tasks: readonly EditorTask[]; objectiveOptions: readonly Option[] };

type Patch = Omit<UpdateTaskInput, 'id' | 'expectedVersion'>;

/** One task with every field edited in place, its prerequisites and its assignments. */
export function TaskItem({ task, tasks, objectiveOptions }: Props) {
  const [update] = useMutation(updateTaskMutation);
  const save = (patch: Patch) => (expectedVersion: number) =>
    update({ variables: { input: { id: task.id, expectedVersion, ...patch } } });
  const focus = `task:${task.id}`;
  const common = { version: task.version, focus, canEdit: true };

  return (
    <article className={styles.task} aria-label={`Task: ${task.title}`} data-status={task.status}>
      <div className={styles.taskTitle}>
        <InlineField
          {...common}
          label="Task title"
          field="title"
          value={task.title}
          required
          save={(title, v) => save({ title })(v)}
        >
          <h3>{task.title}</h3>
        </InlineField>
      </div>
      <dl className={styles.taskFields}>
        <div>
          <dt>Status</dt>
          <dd>
            <InlineField
              {...common}
              label="Status"
              field="status"
              kind="select"
              options={TASK_STATUS_OPTIONS}
              value={task.status}
              save={(status, v) => save({ status: status as TaskStatus })(v)}
            >
              <span className={styles.status} data-status={task.status}>
                {TASK_STATUS_LABELS[task.status]}
              </span>
            </InlineField>
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>
            <InlineField
              {...common}
              label="Priority"
              field="priority"
              kind="select"
              options={TASK_PRIORITY_OPTIONS}
              value={task.priority}
              save={(priority, v) => save({ priority: priority as TaskPriority })(v)}
            >
              <span className={styles.priority} data-priority={task.priority}>
                {TASK_PRIORITY_LABELS[task.priority]}
              </span>
            </InlineField>
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <InlineField
              {...common}
              label="Due date"
              field="dueOn"
              kind="date"
              value={task.dueOn ?? ''}
              save={(dueOn, v) => save({ dueOn: dueOn || null })(v)}
            >
              {task.dueOn ? formatDate(task.dueOn) : <span className={styles.muted}>No due date</span>}
            </InlineField>
          </dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>
            <InlineField
              {...common}
              label="Location"
              field="locationName"
              value={task.locationName ?? ''}
              save={(locationName, v) => save({ locationName: locationName || null })(v)}
            />
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Objective</dt>
          <dd>
            <InlineField
              {...common}
              label="Objective"
              field="objectiveId"
              kind="select"
              options={[{ value: '', label: 'No objective' }, ...objectiveOptions]}
              value={task.objective?.id ?? ''}
              save={(objectiveId, v) => save({ objectiveId: objectiveId || null })(v)}
            >
              {task.objective?.title ?? <span className={styles.muted}>No objective</span>}
            </InlineField>
          </dd>
        </div>
      </dl>
      <DependencyEditor task={task} tasks={tasks} />
      <AssignmentList task={task} />
    </article>
  );
}
