'use client';

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import styles from './assignments.module.css';
import type { Answer } from './use-assignment-actions';

type Props = {
  busy: boolean;
  today: string;
  onSubmit: (answer: Answer) => Promise<boolean>;
  onCancel: () => void;
};

const MAX_REASON = 5000;

/** Declining needs a reason: the plan's lead reads it to find someone else. */
export function DeclineForm({ busy, onSubmit, onCancel }: Omit<Props, 'today'>) {
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => reasonRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason) {
      setProblem('Give a reason for declining: the plan’s lead needs it to find someone else.');
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    await onSubmit({ response: 'DECLINE', reason });
  }

  return (
    <form className={styles.answerForm} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-reason`}>Why are you declining?</label>
      <textarea
        ref={reasonRef}
        id={`${id}-reason`}
        name="reason"
        rows={3}
        maxLength={MAX_REASON}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={() => problem && setProblem(null)}
      />
      {problem && (
        <p id={`${id}-problem`} className={styles.fieldError} role="alert">
          {problem}
        </p>
      )}
      <div className={styles.formActions}>
        <button type="submit" className="button button-danger" disabled={busy}>
          Decline assignment
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A counter-proposal offers another due date, with the reason for it. */
export function CounterProposeForm({ busy, today, onSubmit, onCancel }: Props) {
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ reason?: string; date?: string }>({});
  useEffect(() => reasonRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('reason') ?? '').trim();
    const date = String(form.get('proposedDueOn') ?? '');
    const found: { reason?: string; date?: string } = {};
    if (!reason) found.reason = 'Say why the task needs another date.';
    if (!date) found.date = 'Choose the date your organisation can do it by.';
    else if (date < today) found.date = 'Choose a date from today on.';
    setProblems(found);
    if (found.reason) return reasonRef.current?.focus();
    if (found.date) return dateRef.current?.focus();
    await onSubmit({ response: 'COUNTER_PROPOSE', reason, proposedDueOn: date });
  }

  return (
    <form className={styles.answerForm} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-reason`}>Why a different date?</label>
      <textarea
        ref={reasonRef}
        id={`${id}-reason`}
        name="reason"
        rows={3}
        maxLength={MAX_REASON}
        aria-invalid={problems.reason ? true : undefined}
        aria-describedby={problems.reason ? `${id}-reason-problem` : undefined}
      />
      {problems.reason && (
        <p id={`${id}-reason-problem`} className={styles.fieldError} role="alert">
          {problems.reason}
        </p>
      )}
      <label htmlFor={`${id}-date`}>Date you can do it by</label>
      <input
        ref={dateRef}
        id={`${id}-date`}
        name="proposedDueOn"
        type="date"
        min={today}
        aria-invalid={problems.date ? true : undefined}
        aria-describedby={problems.date ? `${id}-date-problem` : undefined}
      />
      {problems.date && (
        <p id={`${id}-date-problem`} className={styles.fieldError} role="alert">
          {problems.date}
        </p>
      )}
      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={busy}>
          Send counter-proposal
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
