'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ASSIGNMENT_ROLE_LABELS, ASSIGNMENT_STATUS_LABELS } from '@/features/plans/plan-labels';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { AssignForm } from './assign-form.client';
import { conflictOf } from './conflict';
import { useEditor } from './editor-context';
import { withdrawAssignmentMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorAssignment, EditorTask } from './plan-editor.types';

const OPEN = new Set(['PROPOSED', 'COUNTER_PROPOSED', 'ACCEPTED']);

function AssignmentRow({ assignment, taskTitle }: { assignment: EditorAssignment; taskTitle: string }) {
  const editor = useEditor();
  const [withdraw, { loading }] = useMutation(withdrawAssignmentMutation);
  const [error, setError] = useState<string | null>(null);
  const org = assignment.actor.acronym ?? assignment.actor.name;

  async function onWithdraw() {
    setError(null);
    try {
      await withdraw({
        variables: { input: { assignmentId: assignment.id, expectedVersion: assignment.version } },
      });
      editor.announce(`${org} is no longer asked to do “${taskTitle}”.`);
    } catch (caught) {
      setError(
        conflictOf(caught)
          ? `${org} answered or the assignment changed meanwhile; it is shown as it is now.`
          : errorMessage(caught),
      );
    }
    await editor.reload();
  }

  return (
    <li className={styles.assignment} data-status={assignment.status}>
      <span title={assignment.actor.name}>
        <strong>{org}</strong> · {ASSIGNMENT_ROLE_LABELS[assignment.role]}
      </span>
      <span className={styles.handshake} data-status={assignment.status}>
        {ASSIGNMENT_STATUS_LABELS[assignment.status]}
      </span>
      {assignment.status === 'PROPOSED' && assignment.respondBy && (
        <span className={styles.muted}>answer by {formatDateTime(assignment.respondBy)}</span>
      )}
      {assignment.reason && <span className={styles.muted}>“{assignment.reason}”</span>}
      {assignment.proposedDueOn && (
        <span className={styles.muted}>offers {formatDate(assignment.proposedDueOn)}</span>
      )}
      {OPEN.has(assignment.status) && (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => void onWithdraw()}
          disabled={loading}
          aria-label={`Withdraw the assignment of ${org}`}
        >
          Withdraw
        </button>
      )}
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/** Who the task is given to, and where each handshake stands. */
export function AssignmentList({ task }: { task: EditorTask }) {
  const assignments = task.assignments.edges.map((e) => e.node);
  return (
    <div className={styles.assignments}>
      <span className={styles.depsLabel}>Assigned to:</span>
      {assignments.length === 0 ? (
        <span className={styles.muted}> nobody yet</span>
      ) : (
        <ul className={styles.assignmentList} aria-label={`Assignments of “${task.title}”`}>
          {assignments.map((a) => (
            <AssignmentRow key={a.id} assignment={a} taskTitle={task.title} />
          ))}
        </ul>
      )}
      <AssignForm task={task} />
    </div>
  );
}
