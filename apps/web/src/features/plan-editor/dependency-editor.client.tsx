'use client';

import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { TASK_STATUS_LABELS } from '@/features/plans/plan-labels';
import { errorMessage } from '@/lib/apollo/error-message';
import { type Conflict, conflictOf } from './conflict';
import { ConflictPanel } from './conflict-panel';
import { useEditor } from './editor-context';
import { updateTaskMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';
import { useFocusWhen } from './use-focus-when';

const CYCLE =
  'These dependencies would form a cycle: a task cannot wait, even through other tasks, for itself. Untick the task that closes the loop.';

function refusal(error: unknown): string {
  const cycle =
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => /cycle/i.test(e.message) && e.extensions?.code === 'BAD_USER_INPUT');
  return cycle ? CYCLE : errorMessage(error);
}

/** "Depends on": the tasks that must be done first, chosen among the plan's other tasks. */
export function DependencyEditor({ task, tasks }: { task: EditorTask; tasks: readonly EditorTask[] }) {
  const editor = useEditor();
  const id = useId();
  const [update] = useMutation(updateTaskMutation);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [filter, setFilter] = useState('');
  const filterRef = useFocusWhen<HTMLInputElement>(chosen !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // The version the edit started from, kept while live reloads change the task under the form.
  const [base, setBase] = useState(task.version);
  const titleOf = (taskId: string) => tasks.find((t) => t.id === taskId)?.title ?? 'a task not shown';

  const close = () => {
    setChosen(null);
    setError(null);
    setConflict(null);
    editor.setFocus(null);
  };

  async function save(expectedVersion: number) {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await update({ variables: { input: { id: task.id, expectedVersion, dependsOnIds: [...chosen] } } });
      close();
      editor.announce(`Dependencies of “${task.title}” saved.`);
      await editor.reload();
    } catch (caught) {
      const lost = conflictOf(caught);
      if (lost) {
        setConflict(lost);
        await editor.reload();
      } else setError(refusal(caught));
    } finally {
      setBusy(false);
    }
  }

  const current = task.dependsOn.map((d) => d.title).join(', ');
  if (!chosen) {
    return (
      <div className={styles.deps}>
        <span className={styles.depsLabel}>Depends on:</span>{' '}
        {task.dependsOn.length === 0 ? (
          <span className={styles.muted}>nothing</span>
        ) : (
          task.dependsOn.map((d) => (
            <span key={d.id} className={styles.chip}>
              {d.title} <span className={styles.muted}>({TASK_STATUS_LABELS[d.status].toLowerCase()})</span>
            </span>
          ))
        )}{' '}
        <button
          type="button"
          className={styles.editButton}
          aria-label={`Edit what “${task.title}” depends on`}
          onClick={() => {
            setChosen(new Set(task.dependsOn.map((d) => d.id)));
            setBase(task.version);
            editor.setFocus(`task:${task.id}`);
          }}
        >
          Edit
        </button>
      </div>
    );
  }

  const others = tasks.filter(
    (t) => t.id !== task.id && t.title.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const toggle = (taskId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(taskId);
    else next.delete(taskId);
    setChosen(next);
  };
  return (
    <fieldset className={styles.depsForm} disabled={busy}>
      <legend>What “{task.title}” depends on</legend>
      <label htmlFor={`${id}-filter`} className={styles.fieldLabel}>
        Find a task
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        ref={filterRef}
      />
      <ul className={styles.depsChoices}>
        {others.map((t) => (
          <li key={t.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(t.id)}
                onChange={(e) => toggle(t.id, e.target.checked)}
              />{' '}
              {t.title}
            </label>
          </li>
        ))}
        {others.length === 0 && <li className={styles.muted}>No other task matches.</li>}
      </ul>
      {conflict ? (
        <ConflictPanel
          label="Dependencies"
          conflict={conflict}
          theirs={`${current || 'nothing'} (this task as it is now)`}
          mine={[...chosen].map(titleOf).join(', ') || 'nothing'}
          busy={busy}
          onKeepMine={() => void save(conflict.currentVersion)}
          onTakeTheirs={close}
        />
      ) : (
        <div className={styles.actions}>
          <button type="button" className={styles.primary} onClick={() => void save(base)}>
            {busy ? 'Saving…' : 'Save dependencies'}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
