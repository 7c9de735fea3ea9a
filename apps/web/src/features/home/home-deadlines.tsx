import type { Route } from 'next';
import Link from 'next/link';
import { planHref } from '@/features/plans/plan-hrefs';
import { TASK_STATUS_LABELS } from '@/features/plans/plan-labels';
import type { ViewerMembership } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDate, relativeDate } from '@/lib/format/dates';
import styles from './home.module.css';
import { assignmentAnchor } from './home-assignments';
import { Empty, SectionError } from './home-section';
import { addDays, HORIZON_DAYS, loadWork, type Work } from './home-work';

/** How many to list; the rest are counted. */
const SHOWN = 6;

type Deadline = { key: string; date: string; what: string; title: string; context: string; href: Route };

/**
 * The organisation's answers and the open tasks of its plans due within the horizon (or already
 * late), soonest first; its own tasks are marked.
 */
export async function HomeDeadlines({
  membership,
  today,
  answers,
}: {
  membership: ViewerMembership;
  today: string;
  answers: boolean;
}) {
  let work: Work;
  try {
    work = await loadWork(membership.actor.id, today);
  } catch (error) {
    console.error('home: the work query failed', error);
    return <SectionError what="The deadlines" message={errorMessage(error)} />;
  }
  const horizon = addDays(today, HORIZON_DAYS);
  const deadlines: Deadline[] = [];
  for (const { node: a } of work.actor?.waiting.edges ?? []) {
    const date = a.respondBy?.slice(0, 10);
    if (!date || date > horizon) continue;
    deadlines.push({
      key: `answer-${a.id}`,
      date,
      what: 'Answer due',
      title: a.task.title,
      context: a.task.plan.title,
      href: answers ? assignmentAnchor(a.id) : planHref(a.task.plan.id),
    });
  }
  const mine = new Set(work.mine.edges.map((edge) => edge.node.id));
  for (const { node: task } of work.tasks.edges) {
    if (!task.dueOn) continue;
    deadlines.push({
      key: `task-${task.id}`,
      date: task.dueOn,
      what: mine.has(task.id) ? 'Your task due' : 'Task due',
      title: task.title,
      context: `${task.plan.title} · ${TASK_STATUS_LABELS[task.status] ?? task.status}`,
      href: planHref(task.plan.id),
    });
  }
  // Tasks beyond the first page are counted, not listed.
  const total = deadlines.length + Math.max(0, work.tasks.totalCount - work.tasks.edges.length);
  deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  if (deadlines.length === 0)
    return <Empty>Nothing in your plans is due in the next {HORIZON_DAYS} days.</Empty>;
  return (
    <>
      <ol className={styles.rows}>
        {deadlines.slice(0, SHOWN).map((d) => {
          const late = d.date < today;
          return (
            <li key={d.key} className={styles.row}>
              <div className={styles.main}>
                <Link href={d.href}>{d.title}</Link>
                <span className={styles.meta}>
                  {d.what} · {d.context}
                </span>
              </div>
              <div className={styles.side}>
                <span className={late ? styles.late : styles.date}>{formatDate(d.date)}</span>
                <span className={late ? styles.late : styles.meta}>
                  {late ? 'Late' : relativeDate(d.date, today)}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      {total > SHOWN && (
        <p className={styles.meta}>
          {total - SHOWN} more due within {HORIZON_DAYS} days.
        </p>
      )}
    </>
  );
}
