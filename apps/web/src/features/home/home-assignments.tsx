import type { Route } from 'next';
import Link from 'next/link';
import { planHref } from '@/features/plans/plan-hrefs';
import { ASSIGNMENT_ROLE_LABELS } from '@/features/plans/plan-labels';
import type { ViewerMembership } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDate, relativeDate } from '@/lib/format/dates';
import styles from './home.module.css';
import { Empty, SectionError } from './home-section';
import { loadWork, type Work } from './home-work';

/** How many to list here; the partner view has them all. */
const SHOWN = 5;

export const assignmentAnchor = (id: string) => `/assignments#assignment-${id}` as Route;

/** Assignments waiting for the organisation's answer, soonest answer due first. */
export async function HomeAssignments({
  membership,
  today,
  answers,
}: {
  membership: ViewerMembership;
  today: string;
  answers: boolean;
}) {
  let waiting: NonNullable<Work['actor']>['waiting'] | undefined;
  try {
    waiting = (await loadWork(membership.actor.id, today)).actor?.waiting;
  } catch (error) {
    console.error('home: the work query failed', error);
    return <SectionError what="The assignments" message={errorMessage(error)} />;
  }
  const rows = [...(waiting?.edges ?? [])]
    .map((edge) => edge.node)
    .sort((a, b) => (a.respondBy ?? '9999').localeCompare(b.respondBy ?? '9999'));
  if (rows.length === 0) return <Empty>Nothing is waiting for your organisation&apos;s answer.</Empty>;
  const more = (waiting?.totalCount ?? rows.length) - SHOWN;
  return (
    <>
      <ul className={styles.rows}>
        {rows.slice(0, SHOWN).map((assignment) => {
          const due = assignment.respondBy?.slice(0, 10);
          const late = !!due && due < today;
          return (
            <li key={assignment.id} className={styles.row}>
              <div className={styles.main}>
                {answers ? (
                  <Link href={assignmentAnchor(assignment.id)}>{assignment.task.title}</Link>
                ) : (
                  <Link href={planHref(assignment.task.plan.id)}>{assignment.task.title}</Link>
                )}
                <span className={styles.meta}>
                  {ASSIGNMENT_ROLE_LABELS[assignment.role] ?? assignment.role} · {assignment.task.plan.title}
                  {assignment.status === 'COUNTER_PROPOSED' && ' · your counter-proposal is with the lead'}
                </span>
              </div>
              <div className={styles.side}>
                {due ? (
                  <span className={late ? styles.late : styles.meta}>
                    {late
                      ? `Answer was due ${formatDate(due)}`
                      : `Answer by ${formatDate(due)} (${relativeDate(due, today)})`}
                  </span>
                ) : (
                  <span className={styles.meta}>No answer deadline</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {more > 0 && (
        <p className={styles.meta}>
          {answers ? <Link href="/assignments">{more} more waiting</Link> : `${more} more waiting`}
        </p>
      )}
    </>
  );
}
