'use client';

import { useMutation } from '@apollo/client/react';
import { type DragEvent, useState } from 'react';
import { TASK_STATUS_LABELS } from '@/features/plans/plan-labels';
import type { TaskStatus } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { BoardCard } from './board-card.client';
import { clockTime, conflictOf, whoChanged } from './conflict';
import { useEditor } from './editor-context';
import { TASK_STATUSES } from './options';
import { updateTaskMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';

type Grouping = 'status' | 'organisation';
type Column = { key: string; title: string; status: TaskStatus | null; tasks: EditorTask[] };

const UNASSIGNED = 'Not assigned yet';

/** Organisations that hold an open (not declined or withdrawn) assignment on the task. */
function organisationsOf(task: EditorTask): string[] {
  return task.assignments.edges
    .map((e) => e.node)
    .filter((a) => a.status !== 'DECLINED' && a.status !== 'WITHDRAWN')
    .map((a) => a.actor.acronym ?? a.actor.name);
}

function columnsOf(tasks: readonly EditorTask[], grouping: Grouping): Column[] {
  if (grouping === 'status') {
    return TASK_STATUSES.map((status) => ({
      key: status,
      title: TASK_STATUS_LABELS[status],
      status,
      tasks: tasks.filter((t) => t.status === status),
    }));
  }
  const byOrg = new Map<string, EditorTask[]>();
  for (const task of tasks) {
    const orgs = organisationsOf(task);
    for (const org of orgs.length ? orgs : [UNASSIGNED]) byOrg.set(org, [...(byOrg.get(org) ?? []), task]);
  }
  return [...byOrg.entries()]
    .sort(([a], [b]) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)))
    .map(([org, list]) => ({ key: org, title: org, status: null, tasks: list }));
}

/**
 * The plan's tasks as cards in columns. By status, a card dragged to another column (or given
 * another status with the select on the card) changes the task's status, on the version shown; a
 * change that lost to someone else's snaps back and says so.
 */
export function TaskBoard({ tasks }: { tasks: readonly EditorTask[] }) {
  const editor = useEditor();
  const [update] = useMutation(updateTaskMutation);
  const [grouping, setGrouping] = useState<Grouping>('status');
  const [moving, setMoving] = useState<Record<string, TaskStatus>>({});
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);

  const shown = tasks.map((t) => (moving[t.id] ? { ...t, status: moving[t.id] } : t));

  async function move(taskId: string, status: TaskStatus) {
    const task = tasks.find((t) => t.id === taskId);
    if (!task || task.status === status) return;
    setMoving((m) => ({ ...m, [taskId]: status }));
    setMessage(null);
    try {
      await update({ variables: { input: { id: task.id, expectedVersion: task.version, status } } });
      editor.announce(`“${task.title}” moved to ${TASK_STATUS_LABELS[status]}.`);
      await editor.reload();
    } catch (caught) {
      const lost = conflictOf(caught);
      const text = lost
        ? `${whoChanged(lost.lastChange)} changed “${task.title}”${lost.lastChange ? ` at ${clockTime(lost.lastChange.at)}` : ''} before your move, so it was not moved. The card shows the task as it is now; move it again if you still want to.`
        : `“${task.title}” could not be moved. ${errorMessage(caught)}`;
      setMessage({ tone: 'error', text });
      await editor.reload();
    } finally {
      setMoving((m) => {
        const { [taskId]: _done, ...rest } = m;
        return rest;
      });
    }
  }

  const onDrop = (column: Column) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const taskId = event.dataTransfer.getData('text/plain');
    if (column.status && taskId) void move(taskId, column.status);
  };

  return (
    <section className={styles.section} aria-labelledby="board-heading">
      <div className={styles.sectionHead}>
        <h2 id="board-heading">Task board</h2>
        <div className={styles.segmented} role="radiogroup" aria-label="Group the cards by">
          {(['status', 'organisation'] as const).map((g) => (
            <label key={g} data-checked={grouping === g}>
              <input
                type="radio"
                name="board-grouping"
                value={g}
                checked={grouping === g}
                onChange={() => setGrouping(g)}
              />
              {g === 'status' ? 'By status' : 'By assigned organisation'}
            </label>
          ))}
        </div>
      </div>
      <p className={styles.muted}>
        {grouping === 'status'
          ? 'Drag a card to another column to change its status, or use the status list on the card.'
          : 'A task given to several organisations appears under each. Change a status with the list on the card.'}
      </p>
      {message && (
        <p className={message.tone === 'error' ? styles.error : styles.info} role="alert">
          {message.text}
        </p>
      )}
      <div className={styles.board}>
        {columnsOf(shown, grouping).map((column) => (
          <section
            key={column.key}
            className={styles.column}
            data-over={over === column.key}
            aria-label={`${column.title} (${column.tasks.length})`}
            onDragOver={(e) => {
              if (!column.status) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(column.key);
            }}
            onDragLeave={() => setOver((o) => (o === column.key ? null : o))}
            onDrop={onDrop(column)}
          >
            <h3 className={styles.columnTitle}>
              {column.title} <span className={styles.count}>{column.tasks.length}</span>
            </h3>
            <ul className={styles.cards}>
              {column.tasks.map((task) => (
                <li key={task.id}>
                  <BoardCard
                    task={task}
                    draggable={grouping === 'status'}
                    moving={!!moving[task.id]}
                    onStatus={(status) => void move(task.id, status)}
                  />
                </li>
              ))}
            </ul>
            {column.tasks.length === 0 && <p className={styles.columnEmpty}>No task</p>}
          </section>
        ))}
      </div>
    </section>
  );
}
