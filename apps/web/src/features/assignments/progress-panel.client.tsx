'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { TaskProgressStatus } from '@/gql/graphql';
import styles from './assignments.module.css';

const CHOICES: { status: TaskProgressStatus; label: string }[] = [
  { status: 'IN_PROGRESS', label: 'Mark in progress' },
  { status: 'BLOCKED', label: 'Mark blocked' },
  { status: 'SUBMITTED', label: 'Submit for verification' },
];

type Props = {
  busy: boolean;
  onReport: (status: TaskProgressStatus, note: string) => Promise<boolean>;
  onClose: () => void;
};

/** One click reports the task's state; the note is optional and goes to the plan's lead. */
export function ProgressPanel({ busy, onReport, onClose }: Props) {
  const id = useId();
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);

  async function choose(status: TaskProgressStatus) {
    if (await onReport(status, note.trim())) onClose();
  }

  return (
    <fieldset className={styles.answerForm}>
      <legend className={styles.formTitle}>Report progress</legend>
      <label htmlFor={`${id}-note`}>Note for the plan’s lead (optional)</label>
      <textarea
        ref={noteRef}
        id={`${id}-note`}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className={styles.formActions}>
        {CHOICES.map((choice) => (
          <button
            key={choice.status}
            type="button"
            className={choice.status === 'SUBMITTED' ? 'button button-primary' : 'button'}
            disabled={busy}
            onClick={() => choose(choice.status)}
          >
            {choice.label}
          </button>
        ))}
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
