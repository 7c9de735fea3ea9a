'use client';

import { allowedResponses, progressReportableStatuses } from '@concord/shared';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { planHref } from '@/features/plans/plan-hrefs';
import {
  ASSIGNMENT_ROLE_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from '@/features/plans/plan-labels';
import { formatDate, formatDateTime, relativeDate } from '@/lib/format/dates';
import { CounterProposeForm, DeclineForm } from './answer-forms.client';
import type { Assignment } from './assignment-groups';
import styles from './assignments.module.css';
import { ProgressPanel } from './progress-panel.client';
import { type Feedback, useAssignmentActions } from './use-assignment-actions';

type Props = {
  assignment: Assignment;
  canAnswer: boolean;
  today: string;
  feedback: Feedback;
  focusOnMount: boolean;
  onChange: (next: Assignment, moved: boolean) => void;
  onFeedback: (feedback: Feedback) => void;
};

type Open = 'decline' | 'counter' | 'progress' | null;

const PENDING_LABEL = {
  ACCEPT: 'Accepted',
  DECLINE: 'Declined',
  COUNTER_PROPOSE: 'Counter-proposed',
} as const;

function Deadline({ assignment, today }: { assignment: Assignment; today: string }) {
  const open = assignment.status === 'PROPOSED' || assignment.status === 'COUNTER_PROPOSED';
  if (!open || !assignment.respondBy) return null;
  const day = assignment.respondBy.slice(0, 10);
  const late = day < today;
  return (
    <div>
      <dt>Answer by</dt>
      <dd className={late ? styles.late : undefined}>
        {formatDateTime(assignment.respondBy)} ({late ? 'overdue' : relativeDate(day, today)})
      </dd>
    </div>
  );
}

/** One assignment: the task, the deadlines, and what the organisation may do about it now. */
export function AssignmentCard({
  assignment: a,
  canAnswer,
  today,
  feedback,
  focusOnMount,
  onChange,
  onFeedback,
}: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<Open>(null);
  const { pending, answer, reportProgress } = useAssignmentActions(a, onChange, onFeedback);
  const responses = canAnswer ? allowedResponses[a.status] : [];
  const mayReport =
    canAnswer && a.status === 'ACCEPTED' && progressReportableStatuses.includes(a.task.status);
  const busy = pending !== null;

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // Optimistic: the answer on its way is shown as given, until the API confirms or refuses it.
  const shownStatus =
    pending?.kind === 'answer' ? PENDING_LABEL[pending.response] : ASSIGNMENT_STATUS_LABELS[a.status];
  const shownTask =
    pending?.kind === 'progress'
      ? TASK_STATUS_LABELS[pending.status]
      : (TASK_STATUS_LABELS[a.task.status] ?? a.task.status);

  return (
    <article
      id={`assignment-${a.id}`}
      className={styles.card}
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
    >
      <header className={styles.cardHead}>
        <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {a.task.title}
        </h3>
        <span className={styles.status} data-status={a.status} data-pending={busy || undefined}>
          <span className="visually-hidden">Assignment: </span>
          {shownStatus}
          {busy && ' (saving…)'}
        </span>
      </header>
      <p className={styles.context}>
        {ASSIGNMENT_ROLE_LABELS[a.role] ?? a.role} role in{' '}
        <Link href={planHref(a.task.plan.id)}>{a.task.plan.title}</Link>, led by{' '}
        {a.task.plan.leadActor.acronym ?? a.task.plan.leadActor.name}
      </p>
      {a.task.description && <p className={styles.description}>{a.task.description}</p>}
      <dl className={styles.facts}>
        <Deadline assignment={a} today={today} />
        <div>
          <dt>Task due</dt>
          <dd
            className={
              a.task.dueOn && a.task.dueOn < today && a.status === 'ACCEPTED' ? styles.late : undefined
            }
          >
            {a.task.dueOn ? `${formatDate(a.task.dueOn)} (${relativeDate(a.task.dueOn, today)})` : 'No date'}
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{TASK_PRIORITY_LABELS[a.task.priority] ?? a.task.priority}</dd>
        </div>
        <div>
          <dt>Task status</dt>
          <dd>{shownTask}</dd>
        </div>
        {a.task.locationName && (
          <div>
            <dt>Where</dt>
            <dd>{a.task.locationName}</dd>
          </div>
        )}
        {a.proposedDueOn && (
          <div>
            <dt>Date you offered</dt>
            <dd>{formatDate(a.proposedDueOn)}</dd>
          </div>
        )}
      </dl>
      {a.reason && (
        <p className={styles.reason}>
          <strong>Reason given:</strong> {a.reason}
        </p>
      )}
      {feedback && (
        <p
          className={feedback.tone === 'error' ? styles.error : styles.info}
          role={feedback.tone === 'error' ? 'alert' : 'status'}
        >
          {feedback.text}
        </p>
      )}

      {open === 'decline' && (
        <DeclineForm
          busy={busy}
          onSubmit={(answerGiven) => answer(answerGiven)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'counter' && (
        <CounterProposeForm
          busy={busy}
          today={today}
          onSubmit={(answerGiven) => answer(answerGiven)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'progress' && (
        <ProgressPanel busy={busy} onReport={reportProgress} onClose={() => setOpen(null)} />
      )}

      {open === null && (responses.length > 0 || mayReport) && (
        <div className={styles.actions}>
          {responses.includes('ACCEPT') && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => answer({ response: 'ACCEPT' })}
            >
              Accept
            </button>
          )}
          {responses.includes('DECLINE') && (
            <button type="button" className="button" disabled={busy} onClick={() => setOpen('decline')}>
              Decline
            </button>
          )}
          {responses.includes('COUNTER_PROPOSE') && (
            <button type="button" className="button" disabled={busy} onClick={() => setOpen('counter')}>
              Counter-propose
            </button>
          )}
          {mayReport && (
            <button type="button" className="button" disabled={busy} onClick={() => setOpen('progress')}>
              Report progress
            </button>
          )}
        </div>
      )}
    </article>
  );
}
