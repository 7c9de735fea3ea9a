import { byId, defineList, type Filter, type ListSpec, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import { planReadableAsMember, readsPlansOnlyAsMember, taskReadable } from '../../common/visibility';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { readableBy, underReadable } from '../plans/plan.visibility';
import { CapabilityRequirement } from './capability-requirement.entity';
import { Task } from './task.entity';

/**
 * Undated tasks sort after every dated one: the cursor never holds NULL, and the expression
 * indexes task_plan_due_idx and task_due_idx serve exactly this expression.
 */
export const taskList = defineList(
  'tasks',
  Task,
  't',
  {
    CREATED_AT: { expr: 't.created_at', cast: 'timestamptz' },
    DUE_ON: { expr: "COALESCE(t.due_on, 'infinity'::date)", cast: 'date' },
  },
  { keyReaders: ['plan', 'objective', 'assignments', 'dependsOn', 'dependents', 'requiredCapabilities'] },
);

const requirementList = defineList('tasks.capabilityRequirements', CapabilityRequirement, 'cr', {});

/** Tasks through their dependency edges; `d.task_id` is the dependent, `t` the prerequisite. */
function prerequisiteList(db: Database): ListSpec {
  const base = taskList(db);
  return { ...base, from: `${base.from} JOIN task_dependency d ON d.depends_on_task_id = t.id` };
}

/** Tasks through their dependency edges; `d.depends_on_task_id` is the prerequisite, `t` the dependent. */
function dependentList(db: Database): ListSpec {
  const base = taskList(db);
  return { ...base, from: `${base.from} JOIN task_dependency d ON d.task_id = t.id` };
}

/** Tasks (alias `t`) the viewer may read: those of plans it reads as a member, or assigned to its organisation. */
export const readableTasks = (viewer: Viewer): Filter =>
  readableBy(viewer, (q, v) => taskReadable(q, v, 't'));

/**
 * Tasks of one plan the viewer may read. For a viewer that reads plans only as a member, every
 * task of a readable plan is readable, so the plan is checked once for the whole list (an
 * uncorrelated condition PostgreSQL evaluates once) instead of once per task.
 */
export const readableTasksOfPlan = (viewer: Viewer, planId: string): Filter =>
  readsPlansOnlyAsMember(viewer)
    ? readableBy(
        viewer,
        (q, v) =>
          `EXISTS (SELECT 1 FROM response_plan vrp WHERE vrp.id = ${q.p(planId)}::uuid AND ${planReadableAsMember(q, v, 'vrp')})`,
      )
    : readableTasks(viewer);

const tasksById = byId<Task>('taskById', taskList, readableTasks);
export const taskById = tasksById.load;
/** The task that `key` points to, read with the rows that hold it when the query asks for it. */
export const taskJoin = tasksById.join;

// A partner sees only the tasks given to its organisation, so for it even a readable task's
// neighbours pass the rule one by one.

export const dependsOnByTaskId = (ctx: Context) =>
  ctx.loaders.get('dependsOnByTaskId', () =>
    rowsByParent<Task>(
      ctx.db,
      prerequisiteList(ctx.db),
      'd.task_id',
      't.created_at, t.id',
      underReadable(ctx.viewer, readableTasks(ctx.viewer)),
    ),
  );

export const dependentsByTaskId = (ctx: Context) =>
  ctx.loaders.get('dependentsByTaskId', () =>
    rowsByParent<Task>(
      ctx.db,
      dependentList(ctx.db),
      'd.depends_on_task_id',
      't.created_at, t.id',
      underReadable(ctx.viewer, readableTasks(ctx.viewer)),
    ),
  );

// Requirement rows have a composite key and no id of their own; the loader only groups them by task.
type RequirementRow = CapabilityRequirement & { id: string };

export const requirementsByTaskId = (ctx: Context) =>
  ctx.loaders.get('tasks.requirementsByTaskId', () =>
    rowsByParent<RequirementRow>(ctx.db, requirementList(ctx.db), 'cr.task_id', 'cr.capability'),
  );

registerNodeType('Task', taskById);
