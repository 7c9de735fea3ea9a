import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ASSIGNMENT_STATUS_LABELS, TASK_STATUS_LABELS } from '@/features/plans/plan-labels';
import {
  AssignmentDocument,
  type AssignmentResponse,
  ReportTaskProgressDocument,
  RespondToAssignmentDocument,
  type TaskProgressStatus,
} from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import type { Assignment } from './assignment-groups';

export type Pending =
  | { kind: 'answer'; response: AssignmentResponse }
  | { kind: 'progress'; status: TaskProgressStatus };

export type Feedback = { tone: 'error' | 'info'; text: string } | null;

const isConflict = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'CONFLICT');

export type Answer = { response: AssignmentResponse; reason?: string; proposedDueOn?: string };

/**
 * Answers an assignment or reports progress on its task. While a change is on its way the card shows
 * it as done (`pending`); a refusal puts the card back with the reason. When someone else changed
 * the assignment or the task first (CONFLICT), the card is reloaded and says so plainly. Feedback
 * lives with the board, since a card that changes state moves to another group and is drawn anew.
 */
export function useAssignmentActions(
  assignment: Assignment,
  onChange: (next: Assignment, moved: boolean) => void,
  setFeedback: (feedback: Feedback) => void,
) {
  const client = useApolloClient();
  const [respond] = useMutation(RespondToAssignmentDocument);
  const [report] = useMutation(ReportTaskProgressDocument);
  const [pending, setPending] = useState<Pending | null>(null);

  async function reload(): Promise<Assignment | null> {
    try {
      const { data } = await client.query({
        query: AssignmentDocument,
        variables: { id: assignment.id },
        fetchPolicy: 'network-only',
      });
      const node = data?.node;
      return node && '__typename' in node && node.__typename === 'TaskAssignment'
        ? (node as Assignment)
        : null;
    } catch {
      return null;
    }
  }

  async function answer({ response, reason, proposedDueOn }: Answer): Promise<boolean> {
    setPending({ kind: 'answer', response });
    setFeedback(null);
    try {
      const { data } = await respond({
        variables: {
          input: {
            assignmentId: assignment.id,
            expectedVersion: assignment.version,
            response,
            reason,
            proposedDueOn,
          },
        },
      });
      if (!data) throw new Error('no answer');
      const next = data.respondToAssignment.assignment;
      onChange(next, next.status !== assignment.status);
      return true;
    } catch (error) {
      if (isConflict(error)) {
        const now = await reload();
        if (now) {
          onChange(now, now.status !== assignment.status);
          setFeedback({
            tone: 'info',
            text: `Someone else answered this assignment meanwhile: it is now ${ASSIGNMENT_STATUS_LABELS[now.status].toLowerCase()}. Your answer was not sent; check it and answer again if needed.`,
          });
        } else {
          setFeedback({
            tone: 'error',
            text: 'Someone else answered this assignment meanwhile. Reload the page to see it.',
          });
        }
      } else {
        setFeedback({ tone: 'error', text: `Your answer was not saved. ${errorMessage(error)}` });
      }
      return false;
    } finally {
      setPending(null);
    }
  }

  async function reportProgress(status: TaskProgressStatus, note: string): Promise<boolean> {
    setPending({ kind: 'progress', status });
    setFeedback(null);
    try {
      const { data } = await report({
        variables: {
          input: {
            taskId: assignment.task.id,
            expectedVersion: assignment.task.version,
            status,
            note: note || null,
          },
        },
      });
      if (!data) throw new Error('no answer');
      const task = data.reportTaskProgress.task;
      onChange(
        { ...assignment, task: { ...assignment.task, status: task.status, version: task.version } },
        false,
      );
      setFeedback({
        tone: 'info',
        text: `Reported: the task is now ${TASK_STATUS_LABELS[task.status].toLowerCase()}.`,
      });
      return true;
    } catch (error) {
      if (isConflict(error)) {
        const now = await reload();
        if (now) onChange(now, now.status !== assignment.status);
        setFeedback({
          tone: 'info',
          text: now
            ? `Someone else changed this task meanwhile: it is now ${TASK_STATUS_LABELS[now.task.status].toLowerCase()}. Your report was not sent; check it and report again if needed.`
            : 'Someone else changed this task meanwhile. Reload the page to see it.',
        });
      } else {
        setFeedback({ tone: 'error', text: `Your report was not saved. ${errorMessage(error)}` });
      }
      return false;
    } finally {
      setPending(null);
    }
  }

  return { pending, answer, reportProgress };
}
