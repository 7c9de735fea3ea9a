'use client';

import { AddTaskForm } from './add-task-form.client';
import styles from './plan-editor.module.css';
import type { EditorPlan, EditorTask } from './plan-editor.types';
import { TaskItem } from './task-item.client';

/** The plan's tasks, soonest due first, with the form to add one. */
export function TaskList({ plan, tasks }: { plan: EditorPlan; tasks: readonly EditorTask[] }) {
  const objectiveOptions = plan.objectives.edges.map((e) => ({ value: e.node.id, label: e.node.title }));
  return (
    <section className={styles.section} aria-labelledby="tasks-heading">
      <div className={styles.sectionHead}>
        <h2 id="tasks-heading">
          Tasks <span className={styles.count}>({plan.tasks.totalCount})</span>
        </h2>
        <AddTaskForm planId={plan.id} objectiveOptions={objectiveOptions} />
      </div>
      {plan.tasks.totalCount > tasks.length && (
        <p className={styles.muted}>The first {tasks.length} tasks, soonest due first, are shown.</p>
      )}
      {tasks.length === 0 ? (
        <p className={styles.empty}>This plan has no tasks yet. Add the first one.</p>
      ) : (
        <ul className={styles.taskList}>
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskItem task={task} tasks={tasks} objectiveOptions={objectiveOptions} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
