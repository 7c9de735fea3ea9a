import Link from 'next/link';
import { actorHref } from '@/features/actors/actor-href';
import type { PlanOverviewQuery } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import {
  ASSIGNMENT_ROLE_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  CLOSED_TASK_STATUSES,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from './plan-labels';
import styles from './plan-overview.module.css';

type Tasks = PlanOverviewQuery['responsePlan']['tasks'];

/** The plan's tasks, soonest due first, with who was asked to do them and how they answered. */
export function PlanOverviewTasks({ tasks, today }: { tasks: Tasks; today: string }) {
  if (tasks.edges.length === 0)
    return <p className={styles.empty}>The plan has no tasks yet, or none you may see.</p>;
  const shown = tasks.edges.length;
  return (
    <>
      <p className={styles.count}>
        {shown < tasks.totalCount
          ? `The first ${shown} of ${tasks.totalCount} tasks by due date`
          : `${tasks.totalCount} tasks`}
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">Tasks of the plan, soonest due first</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {tasks.edges.map(({ node: task }) => {
              const overdue =
                !!task.dueOn && task.dueOn < today && !CLOSED_TASK_STATUSES.includes(task.status);
              return (
                <tr key={task.id}>
                  <th scope="row">
                    {task.title}
                    {(task.objective || task.locationName) && (
                      <span className={styles.sub}>
                        {[task.objective?.title, task.locationName].filter(Boolean).join(' · ')}
                      </span>
                    )}
                  </th>
                  <td>
                    <span className={styles.priority} data-priority={task.priority}>
                      {TASK_PRIORITY_LABELS[task.priority] ?? task.priority}
                    </span>
                  </td>
                  <td>{TASK_STATUS_LABELS[task.status] ?? task.status}</td>
                  <td className={overdue ? styles.overdue : undefined}>
                    {task.dueOn ? formatDate(task.dueOn) : 'No date'}
                    {overdue && <span className={styles.sub}>Overdue</span>}
                  </td>
                  <td>
                    {task.assignments.edges.length === 0 ? (
                      <span className={styles.muted}>Nobody yet</span>
                    ) : (
                      <ul className={styles.assignees}>
                        {task.assignments.edges.map(({ node: a }) => (
                          <li key={a.id}>
                            <Link href={actorHref(a.actor.id)}>{a.actor.acronym ?? a.actor.name}</Link>{' '}
                            <span className={styles.muted}>
                              {ASSIGNMENT_ROLE_LABELS[a.role] ?? a.role},{' '}
                              {(ASSIGNMENT_STATUS_LABELS[a.status] ?? a.status).toLowerCase()}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
