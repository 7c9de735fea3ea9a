import Link from 'next/link';
import { signInHref } from '@/features/session/safe-next';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { actorHref } from './actor-href';
import styles from './actor-page.module.css';
import type { ActorPageActor } from './actor-page.types';
import { ASSIGNMENT_ROLE_LABELS, ASSIGNMENT_STATUS_LABELS } from './assignment-labels';

/**
 * The tasks given to the actor that the viewer may see; the API leaves out the rest, and shows
 * nothing to a visitor who has not signed in.
 */
export function ActorAssignments({ actor, signedIn }: { actor: ActorPageActor; signedIn: boolean }) {
  const assignments = actor.assignments.edges.map((edge) => edge.node);
  return (
    <section className={styles.section} aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      {!signedIn ? (
        <p className={styles.note}>
          <Link href={signInHref(actorHref(actor.id))}>Sign in</Link> to see the assignments of {actor.name}.
          Each person sees only the assignments their organisation may see.
        </p>
      ) : assignments.length === 0 ? (
        <p className={styles.muted}>There are no assignments of {actor.name} that you may see.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Assignments of {actor.name}</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Plan</th>
                <th scope="col">Role</th>
                <th scope="col">Answer</th>
                <th scope="col">Due</th>
                <th scope="col">Answer by</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => (
                <tr key={assignment.id}>
                  <th scope="row">{assignment.task.title}</th>
                  <td>{assignment.task.plan.title}</td>
                  <td>{ASSIGNMENT_ROLE_LABELS[assignment.role] ?? assignment.role}</td>
                  <td>{ASSIGNMENT_STATUS_LABELS[assignment.status] ?? assignment.status}</td>
                  <td className={styles.nowrap}>
                    {assignment.task.dueOn ? formatDate(assignment.task.dueOn) : 'No due date'}
                  </td>
                  <td className={styles.nowrap}>
                    {assignment.status === 'PROPOSED' && assignment.respondBy ? (
                      formatDateTime(assignment.respondBy)
                    ) : (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">not applicable</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {signedIn && actor.assignments.totalCount > assignments.length && (
        <p className={styles.muted}>
          Showing the first {assignments.length} of {actor.assignments.totalCount} assignments.
        </p>
      )}
    </section>
  );
}
