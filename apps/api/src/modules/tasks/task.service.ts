import { closedAssignmentStatuses } from '@concord/shared';
import type DataLoader from 'dataloader';
import { isAdmin } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import {
  childPage,
  childPages,
  type Filter,
  type Join,
  listPage,
  type Order,
  selectList,
} from '../../common/listing';
import { requirePlanEditor } from '../../common/plan-access';
import type { Projection } from '../../common/projection';
import { likePattern } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { assignmentReadable } from '../../common/visibility';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { explainingConflicts } from '../history/last-change';
import type { Objective } from '../plans/objective.entity';
import { objectiveById } from '../plans/plan.loaders';
import { planService } from '../plans/plan.service';
import { both, underReadable } from '../plans/plan.visibility';
import { requireRecord } from '../plans/reference.loaders';
import { releaseLease } from '../presence/lease.writes';
import type { CapabilityRequirement } from './capability-requirement.entity';
import { Task } from './task.entity';
import type { CreateTaskInput, TaskFilter, TaskListFilter, TaskOrder, UpdateTaskInput } from './task.inputs';
import {
  dependentsByTaskId,
  dependsOnByTaskId,
  readableTasks,
  readableTasksOfPlan,
  requirementsByTaskId,
  taskById,
  taskList,
} from './task.loaders';
import {
  checkRequirements,
  replaceDependencies,
  replaceRequirements,
  resolveDependencies,
} from './task-dependency.service';

/** Statuses in which a task is over: its lease is released. */
const closedTaskStatuses: readonly string[] = ['COMPLETED', 'CANCELLED'];

/** Soonest due first: what a coordinator looks at. */
const defaultOrder: Order = { field: 'DUE_ON', direction: 'ASC' };
/** An objective's few tasks page by creation, which task_objective_idx serves. */
const objectiveDefaultOrder: Order = { field: 'CREATED_AT', direction: 'ASC' };

/**
 * What the caller asked for, within what the viewer may read (`readable`; by default the read rule
 * of tasks, checked once for the plan when the filter names one). Ids are decoded before the filter
 * runs, so a bad id fails alone rather than a whole batch.
 */
function taskFilter(
  viewer: Viewer,
  filter: (TaskFilter & { planId?: string | null }) | null | undefined,
  readable?: Filter,
): Filter {
  const planId = filter?.planId ? fromGlobalId('ResponsePlan', filter.planId, 'filter.planId') : null;
  return both(
    askedTasks(viewer, filter, planId),
    readable ?? (planId ? readableTasksOfPlan(viewer, planId) : readableTasks(viewer)),
  );
}

function askedTasks(
  viewer: Viewer,
  filter: (TaskFilter & { planId?: string | null }) | null | undefined,
  planId: string | null,
): Filter {
  const actorId = filter?.assignedActorId
    ? fromGlobalId('Actor', filter.assignedActorId, 'filter.assignedActorId')
    : null;
  return (q) => {
    if (!filter) return;
    if (planId) q.and(`t.plan_id = ${q.p(planId)}::uuid`);
    if (filter.statuses?.length) q.and(q.in('t.status', filter.statuses, 'task_status'));
    if (filter.priorities?.length) q.and(q.in('t.priority', filter.priorities, 'task_priority'));
    if (actorId) {
      // Only assignments the viewer may see can select a task, or the filter would reveal them.
      const visible = isAdmin(viewer) ? '' : ` AND ${assignmentReadable(q, viewer, 'ta')}`;
      q.and(
        `EXISTS (SELECT 1 FROM task_assignment ta WHERE ta.task_id = t.id AND ta.actor_id = ${q.p(actorId)}::uuid
           AND ta.status <> ALL(${q.p(closedAssignmentStatuses)}::assignment_status[])${visible})`,
      );
    }
    if (filter.dueBefore) q.and(`t.due_on < ${q.p(filter.dueBefore)}::date`);
    if (filter.dueAfter) q.and(`t.due_on > ${q.p(filter.dueAfter)}::date`);
    if (filter.search) {
      const pattern = q.p(likePattern(filter.search));
      q.and(
        `(t.title ILIKE ${pattern} OR t.description ILIKE ${pattern} OR t.location_name ILIKE ${pattern})`,
      );
    }
  };
}

/** An objective given for a task must exist and belong to the task's plan. */
async function requireObjectiveOf(ctx: Context, planId: string, globalId: string): Promise<Objective> {
  const objective = await requireRecord(
    objectiveById(ctx),
    'Objective',
    globalId,
    'objectiveId',
    'objective',
  );
  if (objective.planId !== planId) throw badInput('objectiveId', 'this objective belongs to another plan');
  return objective;
}

export const taskService = {
  list(
    ctx: Context,
    args: PageArgs,
    filter?: TaskListFilter | null,
    orderBy?: TaskOrder | null,
    projection?: Projection | null,
  ): Promise<Connection<Task>> {
    return listPage(
      ctx.db,
      taskList(ctx.db),
      taskFilter(ctx.viewer, filter),
      orderBy ?? defaultOrder,
      toPage(args),
      selectList(taskList(ctx.db), projection),
    );
  },

  /** The tasks of plans, by plan id. */
  ofPlans(
    ctx: Context,
    args: PageArgs,
    filter?: TaskFilter | null,
    orderBy?: TaskOrder | null,
    projection?: Projection | null,
  ): DataLoader<string, Connection<Task>> {
    return childPages(ctx, taskList(ctx.db), 't.plan_id', {
      filterKey: filter,
      filter: taskFilter(ctx.viewer, filter, underReadable(ctx.viewer, readableTasks(ctx.viewer))),
      order: orderBy ?? defaultOrder,
      args,
      projection,
    });
  },

  ofObjective(
    ctx: Context,
    objective: Objective,
    args: PageArgs,
    filter?: TaskFilter | null,
    orderBy?: TaskOrder | null,
  ): Promise<Connection<Task>> {
    return childPage(ctx, taskList(ctx.db), 't.objective_id', objective.id, {
      filterKey: filter,
      filter: taskFilter(ctx.viewer, filter, underReadable(ctx.viewer, readableTasks(ctx.viewer))),
      order: orderBy ?? objectiveDefaultOrder,
      args,
    });
  },

  async get(
    ctx: Context,
    globalId: string,
    projection?: Projection | null,
    joins?: readonly (Join | null)[],
  ): Promise<Task> {
    const task = await taskById(ctx, projection, joins).load(fromGlobalId('Task', globalId));
    if (!task) throw new AppError('NOT_FOUND', 'task was not found');
    return task;
  },

  dependsOn: (ctx: Context, task: Task): Promise<Task[]> => dependsOnByTaskId(ctx).load(task.id),
  dependents: (ctx: Context, task: Task): Promise<Task[]> => dependentsByTaskId(ctx).load(task.id),
  requiredCapabilities: (ctx: Context, task: Task): Promise<CapabilityRequirement[]> =>
    requirementsByTaskId(ctx).load(task.id),

  async create(ctx: Context, input: CreateTaskInput): Promise<Task> {
    const plan = await planService.requirePlan(ctx, input.planId, 'planId');
    await requirePlanEditor(ctx, plan.id);
    const objective = input.objectiveId ? await requireObjectiveOf(ctx, plan.id, input.objectiveId) : null;
    const dependsOn = await resolveDependencies(ctx, plan.id, input.dependsOnIds ?? []);
    const requirements = input.requiredCapabilities ?? [];
    checkRequirements(requirements);
    const task = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<Task>(tx, ctx.db.columns(Task), {
        planId: plan.id,
        objectiveId: objective?.id ?? null,
        title: input.title,
        description: input.description ?? null,
        priority: input.priority ?? undefined,
        status: input.status ?? undefined,
        dueOn: input.dueOn ?? null,
        locationName: input.locationName ?? null,
      });
      // A new task has no dependents yet, so its prerequisites cannot close a cycle.
      if (dependsOn.length) await replaceDependencies(tx, plan.id, created.id, dependsOn);
      await replaceRequirements(tx, created.id, requirements);
      return created;
    });
    ctx.loaders.clear();
    return task;
  },

  async update(ctx: Context, input: UpdateTaskInput): Promise<Task> {
    const id = fromGlobalId('Task', input.id);
    const current = await taskById(ctx).load(id);
    if (!current) throw new AppError('NOT_FOUND', 'task was not found');
    await requirePlanEditor(ctx, current.planId);
    const { id: _id, expectedVersion, objectiveId, dependsOnIds, requiredCapabilities, ...fields } = input;
    for (const field of ['title', 'priority', 'status'] as const) {
      if (fields[field] === null) throw badInput(field, 'cannot be empty');
    }
    const patch: Record<string, unknown> = { ...fields };
    if (objectiveId !== undefined) {
      patch.objectiveId =
        objectiveId === null ? null : (await requireObjectiveOf(ctx, current.planId, objectiveId)).id;
    }
    const dependsOn =
      dependsOnIds === undefined
        ? undefined
        : await resolveDependencies(ctx, current.planId, dependsOnIds ?? [], id);
    const requirements = requiredCapabilities === undefined ? undefined : (requiredCapabilities ?? []);
    if (requirements) checkRequirements(requirements);

    const task = await explainingConflicts(ctx.db, 'Task', id, () =>
      ctx.db.transaction(async (tx) => {
        // The version check comes first, so a stale edit changes no dependency or requirement.
        const updated = await updateRow<Task>(tx, ctx.db.columns(Task), 'task', id, expectedVersion, patch);
        if (dependsOn) await replaceDependencies(tx, current.planId, id, dependsOn);
        if (requirements) await replaceRequirements(tx, id, requirements);
        // Nobody works on a finished or called-off task: its lease ends with it.
        if (closedTaskStatuses.includes(updated.status)) await releaseLease(tx, id);
        return updated;
      }),
    );
    ctx.loaders.clear();
    return task;
  },
};
