import { actorId } from './actors';
import type { Clock } from './clock';
import { exerciseId, PLAN_ID } from './exercise';
import { objectiveId } from './exercise-plan';
import { preventionTasks } from './exercise-tasks-prevention';
import { responseTasks } from './exercise-tasks-response';
import type { Row } from './rows';
import type { TaskSeed } from './task-seed';

/** Every task is fictional. Statuses, answers and deadlines cover each state a workspace has to show. */
export const taskSeeds: readonly TaskSeed[] = [...preventionTasks, ...responseTasks];

const taskId = (key: string) => exerciseId(`task:${key}`);

export function taskRows(clock: Clock, created: (i: number) => Date): Row[] {
  return taskSeeds.map((t, i) => ({
    id: taskId(t.key),
    plan_id: PLAN_ID,
    objective_id: objectiveId(t.objective),
    title: t.title,
    description: t.description ?? null,
    priority: t.priority,
    status: t.status,
    due_on: clock.day(t.due),
    location_name: t.location ?? null,
    created_at: created(i),
    updated_at: created(i),
  }));
}

export function dependencyRows(): Row[] {
  return taskSeeds.flatMap((t) =>
    (t.after ?? []).map((before) => ({ task_id: taskId(t.key), depends_on_task_id: taskId(before) })),
  );
}

export function requirementRows(): Row[] {
  return taskSeeds.flatMap((t) =>
    (t.needs ?? []).map(([capability, quantity]) => ({ task_id: taskId(t.key), capability, quantity })),
  );
}

export function assignmentRows(clock: Clock, created: (i: number) => Date): Row[] {
  let i = 0;
  return taskSeeds.flatMap((t) =>
    (t.assignments ?? []).map((a) => {
      const at = created(i++);
      return {
        id: exerciseId(`assignment:${t.key}:${a.actor}`),
        task_id: taskId(t.key),
        actor_id: actorId(a.actor),
        role: a.role,
        status: a.status,
        reason: a.reason ?? null,
        respond_by: a.respondIn === undefined ? null : clock.at(a.respondIn, 17),
        proposed_due_on: a.proposedDue === undefined ? null : clock.day(a.proposedDue),
        responded_at: a.answeredAgo === undefined ? null : clock.at(-a.answeredAgo, 10),
        created_at: at,
        updated_at: a.answeredAgo === undefined ? at : clock.at(-a.answeredAgo, 10),
      };
    }),
  );
}
