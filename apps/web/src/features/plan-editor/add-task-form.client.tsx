'use client';

import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { TaskPriority } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { useEditor } from './editor-context';
import type { Option } from './inline-field.client';
import { TASK_PRIORITY_OPTIONS } from './options';
import { createTaskMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import { useFocusWhen } from './use-focus-when';

/** "Add a task": title, objective, priority and due date; the new task starts as a draft. */
export function AddTaskForm({
  planId,
  objectiveOptions,
}: {
  planId: string;
  objectiveOptions: readonly Option[];
}) {
  const editor = useEditor();
  const id = useId();
  const [create, { loading }] = useMutation(createTaskMutation);
  const [open, setOpen] = useState(false);
  const titleRef = useFocusWhen<HTMLInputElement>(open);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    if (!title) {
      setError('Give the task a title.');
      return;
    }
    setError(null);
    try {
      await create({
        variables: {
          input: {
            planId,
            title,
            objectiveId: String(form.get('objectiveId') ?? '') || null,
            priority: (String(form.get('priority') ?? '') || 'MEDIUM') as TaskPriority,
            dueOn: String(form.get('dueOn') ?? '') || null,
          },
        },
      });
      setOpen(false);
      editor.announce(`Task “${title}” added.`);
      await editor.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (!open) {
    return (
      <button type="button" className={styles.primary} onClick={() => setOpen(true)}>
        Add a task
      </button>
    );
  }
  return (
    <form className={styles.addTask} onSubmit={onSubmit} aria-label="Add a task">
      <div className={styles.formGrid}>
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} name="title" required maxLength={300} ref={titleRef} />
        <label htmlFor={`${id}-objective`}>Objective</label>
        <select id={`${id}-objective`} name="objectiveId" defaultValue="">
          <option value="">No objective</option>
          {objectiveOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} name="priority" defaultValue="MEDIUM">
          {TASK_PRIORITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} name="dueOn" type="date" />
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={loading}>
          {loading ? 'Adding…' : 'Add task'}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={loading}>
          Cancel
        </button>
      </div>
    </form>
  );
}
