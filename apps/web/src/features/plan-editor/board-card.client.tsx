'use client';

import { useId } from 'react';
import { ASSIGNMENT_STATUS_LABELS, TASK_PRIORITY_LABELS } from '@/features/plans/plan-labels';
import type { TaskStatus } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import { TASK_STATUS_OPTIONS } from './options';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';

type Props = { task: EditorTask; draggable: boolean; moving: boolean; onStatus(status: TaskStatus): void };

/** A task on the board: drag it, or pick its status from the list (the keyboard way). */
export function BoardCard({ task, draggable, moving, onStatus }: Props) {
  const id = useId();
  const assignments = task.assignments.edges.map((e) => e.node).filter((a) => a.status !== 'WITHDRAWN');
  return (
    <article
      className={styles.card}
      aria-label={task.title}
      data-moving={moving}
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p className={styles.cardTitle}>{task.title}</p>
      <p className={styles.cardMeta}>
        <span className={styles.priority} data-priority={task.priority}>
          {TASK_PRIORITY_LABELS[task.priority]}
        </span>
        {task.dueOn && <span>due {formatDate(task.dueOn)}</span>}
      </p>
      {assignments.length > 0 && (
        <ul className={styles.cardAssignees}>
          {assignments.map((a) => (
            <li key={a.id} className={styles.handshake} data-status={a.status}>
              {a.actor.acronym ?? a.actor.name}: {ASSIGNMENT_STATUS_LABELS[a.status].toLowerCase()}
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-status`} className="visually-hidden">
        Status of {task.title}
      </label>
      <select
        id={`${id}-status`}
        className={styles.cardStatus}
        value={task.status}
        disabled={moving}
        onChange={(e) => onStatus(e.target.value as TaskStatus)}
      >
        {TASK_STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </article>
  );
}
