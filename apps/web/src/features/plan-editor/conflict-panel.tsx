import { type Conflict, clockTime, whoChanged } from './conflict';
import styles from './plan-editor.module.css';

type Props = {
  label: string;
  conflict: Conflict;
  theirs: string;
  mine: string;
  busy: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
};

/** Shown when someone else saved the same record first: both values, and a choice between them. */
export function ConflictPanel({ label, conflict, theirs, mine, busy, onKeepMine, onTakeTheirs }: Props) {
  const last = conflict.lastChange;
  return (
    <div className={styles.conflict} role="alert" aria-label={`Conflict on ${label}`}>
      <p className={styles.conflictTitle}>
        {whoChanged(last)} changed this {last ? `at ${clockTime(last.at)}` : 'meanwhile'}, while you were
        editing it.
      </p>
      <dl className={styles.conflictValues}>
        <div>
          <dt>Their value</dt>
          <dd data-testid="conflict-theirs">{theirs || '(empty)'}</dd>
        </div>
        <div>
          <dt>Your value</dt>
          <dd data-testid="conflict-mine">{mine || '(empty)'}</dd>
        </div>
      </dl>
      <div className={styles.actions}>
        <button type="button" className={styles.primary} onClick={onKeepMine} disabled={busy}>
          Keep mine
        </button>
        <button type="button" onClick={onTakeTheirs} disabled={busy}>
          Take theirs
        </button>
      </div>
    </div>
  );
}
