import styles from './plan-editor.module.css';
import type { EditorTask, PresenceEntry } from './plan-editor.types';

const PLAN_FOCUS: Record<string, string> = {
  'plan:title': 'the plan title',
  'plan:summary': 'the summary',
  'plan:status': 'the plan status',
  'plan:classification': 'who may read the plan',
};

/** "task:<id>" → "task “Deploy monitors”", in words. */
function focusWords(focus: string | null | undefined, tasks: readonly EditorTask[]): string | null {
  if (!focus) return null;
  if (PLAN_FOCUS[focus]) return PLAN_FOCUS[focus];
  const [kind, id] = focus.split(':');
  if (kind === 'task') {
    const task = tasks.find((t) => t.id === id);
    return task ? `task “${task.title}”` : 'a task';
  }
  return null;
}

/** Who has the plan open now, and what they are editing. */
export function PresenceList({
  entries,
  tasks,
}: {
  entries: readonly PresenceEntry[];
  tasks: readonly EditorTask[];
}) {
  return (
    <section className={styles.presence} aria-label="Who is here">
      <h2 className={styles.presenceTitle}>Here now ({entries.length})</h2>
      {entries.length === 0 ? (
        <p className={styles.muted}>Nobody is shown as here yet.</p>
      ) : (
        <ul className={styles.presenceList}>
          {entries.map((entry) => {
            const what = focusWords(entry.focus, tasks);
            return (
              <li
                key={`${entry.user.id}:${entry.clientId}`}
                className={styles.presenceEntry}
                data-mode={entry.mode}
              >
                <strong>{entry.displayName}</strong>
                {entry.organisation && (
                  <span> · {entry.organisation.acronym ?? entry.organisation.name}</span>
                )}
                <span className={styles.presenceMode}>
                  {' · '}
                  {entry.mode === 'EDITING' ? `editing${what ? ` ${what}` : ''}` : 'viewing'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
