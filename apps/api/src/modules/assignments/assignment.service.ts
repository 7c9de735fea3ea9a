import {
  type AssignmentResponse,
  type AssignmentStatus,
  allowedResponses,
  closedAssignmentStatuses,
} from '@concord/shared';
import type DataLoader from 'dataloader';
import { authorize, can } from '../../common/authz';
import type { Connection, PageArgs } from '../../common/connection';
import { AppError, badInput, explainConstraint } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPages, type Filter, type Join, type Order, rowsById } from '../../common/listing';
import { requirePlanEditor } from '../../common/plan-access';
import type { Projection } from '../../common/projection';
import { conflict, insertRow } from '../../common/writes';
import type { Context } from '../../context';
import type { EntityColumns, Queryable, Transaction } from '../../db/database';
import { actorById } from '../actors/actor.loaders';
import { explainingConflicts } from '../history/last-change';
import { both, underReadable } from '../plans/plan.visibility';
import { requireRecord } from '../plans/reference.loaders';
import { Task } from '../tasks/task.entity';
import { taskById } from '../tasks/task.loaders';
import type {
  AssignTaskInput,
  RespondToAssignmentInput,
  TaskAssignmentFilter,
  TaskAssignmentOrder,
  WithdrawAssignmentInput,
} from './assignment.inputs';
import { assignmentList, readableAssignments, taskAssignmentById } from './assignment.loaders';
import { TaskAssignment } from './task-assignment.entity';

explainConstraint('task_assignment_one_lead', 'role', 'the task already has an open LEAD assignment');
explainConstraint(
  'task_assignment_one_open_per_actor',
  'actorId',
  'this actor already has an open assignment on the task',
);
explainConstraint('task_assignment_reason_required', 'reason', 'is required to decline or counter-propose');

const defaultOrder: Order = { field: 'CREATED_AT', direction: 'ASC' };

/** Tasks that are finished or called off take no new assignments. */
const closedTaskStatuses = ['COMPLETED', 'CANCELLED'];

/** Accepting the LEAD of a task that is still being shaped agrees the task itself. */
const agreeableTaskStatuses = ['DRAFT', 'PROPOSED'];

const outcome: Record<AssignmentResponse, AssignmentStatus> = {
  ACCEPT: 'ACCEPTED',
  DECLINE: 'DECLINED',
  COUNTER_PROPOSE: 'COUNTER_PROPOSED',
};

/** What the caller asked for, within what the viewer may read. */
function assignmentFilter(
  filter: TaskAssignmentFilter | null | undefined,
  statusSets: AssignmentStatus[][],
  readable: Filter,
): Filter {
  return both(askedAssignments(filter, statusSets), readable);
}

/** Each list of statuses narrows the result further (filter.statuses, status, statuses). */
function askedAssignments(
  filter: TaskAssignmentFilter | null | undefined,
  statusSets: AssignmentStatus[][],
): Filter {
  return (q) => {
    for (const statuses of [filter?.statuses ?? [], ...statusSets]) {
      if (statuses.length) q.and(q.in('ta.status', statuses, 'assignment_status'));
    }
    if (filter?.roles?.length) q.and(q.in('ta.role', filter.roles, 'assignment_role'));
  };
}

/** The answer is not possible from the state the assignment is in now. */
function refused(current: TaskAssignment): AppError {
  const allowed = allowedResponses[current.status];
  const message = allowed.length
    ? `assignment is already ${current.status}; it can now only be answered with ${allowed.join(' or ')}`
    : `assignment is already ${current.status} and takes no further answer`;
  return new AppError('CONFLICT', message, {
    currentStatus: current.status,
    currentVersion: current.version,
  });
}

async function reload(ctx: Context, tx: Queryable, id: string): Promise<TaskAssignment> {
  const cols = ctx.db.columns(TaskAssignment);
  const [row] = await tx.query<TaskAssignment>(
    `SELECT ${cols.select('t')} FROM ${cols.table} t WHERE t.id = $1`,
    [id],
  );
  if (!row) throw new AppError('NOT_FOUND', 'assignment was not found');
  return row;
}

/**
 * A compare-and-set that changes the row only while `condition` (on alias `o`) holds; the row is
 * locked while its old values are read, and the change is recorded for the audit log. Null when the
 * condition no longer holds.
 */
async function updateWhere<T extends { id: string }>(
  tx: Transaction,
  cols: EntityColumns,
  condition: string,
  sets: string,
  params: unknown[],
): Promise<T | null> {
  const [row] = await tx.query<T & { __before: Record<string, unknown> }>(
    `WITH old AS (SELECT ${cols.select('o')} FROM ${cols.table} o WHERE ${condition} FOR UPDATE)
     UPDATE ${cols.table} AS t SET ${sets}, version = t.version + 1, updated_at = now() FROM old WHERE t.id = old.id
     RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
    params,
  );
  if (!row) return null;
  const { __before: before, ...after } = row;
  tx.record({ entityType: cols.name, entityId: row.id, kind: 'update', before, after });
  return after as unknown as T;
}

function requireAssignment(ctx: Context, globalId: string): Promise<TaskAssignment> {
  return requireRecord(taskAssignmentById(ctx), 'TaskAssignment', globalId, 'assignmentId', 'assignment');
}

/**
 * The assignment an answer is for. Answering is the right of the assigned organisation, which a
 * token may hold without reading the graph, so the row is first looked up whatever the viewer
 * reads; anyone else is refused as for a missing assignment unless they may read it.
 */
async function requireAnswerable(ctx: Context, globalId: string): Promise<TaskAssignment> {
  const id = fromGlobalId('TaskAssignment', globalId, 'assignmentId');
  const any = ctx.loaders.get('assignments.anyById', () =>
    rowsById<TaskAssignment>(ctx.db, assignmentList(ctx.db)),
  );
  const current = await any.load(id);
  if (current && can(ctx.viewer, 'assignment.respond', current.actorId)) return current;
  if (!current || !(await taskAssignmentById(ctx).load(id))) {
    throw new AppError('NOT_FOUND', 'assignmentId: no assignment has this id', { field: 'assignmentId' });
  }
  await authorize(ctx, 'assignment.respond', current.actorId);
  return current;
}

/** Who does a task is decided by the editors of its plan. */
async function requireAssigner(ctx: Context, assignment: TaskAssignment): Promise<void> {
  // A readable assignment has a readable task; should that change under us, it is simply gone.
  const task = await taskById(ctx).load(assignment.taskId);
  if (!task)
    throw new AppError('NOT_FOUND', 'assignmentId: no assignment has this id', { field: 'assignmentId' });
  await requirePlanEditor(ctx, task.planId);
}

type ActorAssignmentsOptions = {
  filter?: TaskAssignmentFilter | null;
  orderBy?: TaskAssignmentOrder | null;
  statusSets: AssignmentStatus[][];
  projection?: Projection | null;
  joins?: readonly (Join | null)[];
};

export const assignmentService = {
  /** The assignments of tasks, by task id. */
  ofTasks(
    ctx: Context,
    args: PageArgs,
    filter?: TaskAssignmentFilter | null,
    orderBy?: TaskAssignmentOrder | null,
    projection?: Projection | null,
    joins?: readonly (Join | null)[],
  ): DataLoader<string, Connection<TaskAssignment>> {
    return childPages(ctx, assignmentList(ctx.db), 'ta.task_id', {
      filterKey: filter,
      filter: assignmentFilter(filter, [], underReadable(ctx.viewer, readableAssignments(ctx.viewer))),
      order: orderBy ?? defaultOrder,
      args,
      projection,
      joins,
    });
  },

  /** The assignments of actors, by actor id. */
  ofActors(
    ctx: Context,
    args: PageArgs,
    options: ActorAssignmentsOptions,
  ): DataLoader<string, Connection<TaskAssignment>> {
    return childPages(ctx, assignmentList(ctx.db), 'ta.actor_id', {
      filterKey: [options.filter, options.statusSets],
      // An actor is public: its list is read against the rule in full.
      filter: assignmentFilter(options.filter, options.statusSets, readableAssignments(ctx.viewer)),
      order: options.orderBy ?? defaultOrder,
      args,
      projection: options.projection,
      joins: options.joins,
    });
  },

  async assign(ctx: Context, input: AssignTaskInput): Promise<TaskAssignment> {
    const task = await requireRecord(taskById(ctx), 'Task', input.taskId, 'taskId', 'task');
    await requirePlanEditor(ctx, task.planId);
    const actor = await requireRecord(actorById(ctx), 'Actor', input.actorId, 'actorId', 'actor');
    if (closedTaskStatuses.includes(task.status)) {
      throw badInput('taskId', `the task is ${task.status} and takes no new assignments`);
    }
    if (input.respondBy && input.respondBy.getTime() <= Date.now()) {
      throw badInput('respondBy', 'must be in the future');
    }
    // Checked here for a clear answer; the partial unique indexes still decide between concurrent writers.
    const open = await ctx.db.query<{ actorId: string; role: string }>(
      `SELECT actor_id AS "actorId", role FROM task_assignment WHERE task_id = $1 AND status <> ALL($2::assignment_status[])`,
      [task.id, closedAssignmentStatuses],
    );
    if (open.some((a) => a.actorId === actor.id)) {
      throw badInput('actorId', 'this actor already has an open assignment on the task');
    }
    if (input.role === 'LEAD' && open.some((a) => a.role === 'LEAD')) {
      throw badInput('role', 'the task already has an open LEAD assignment');
    }
    const assignment = await ctx.db.transaction((tx) =>
      insertRow<TaskAssignment>(tx, ctx.db.columns(TaskAssignment), {
        taskId: task.id,
        actorId: actor.id,
        role: input.role,
        respondBy: input.respondBy ?? null,
      }),
    );
    ctx.loaders.clear();
    return assignment;
  },

  /**
   * The handshake. The change is a compare-and-set on the status the answer was judged against (and
   * on the version when one is sent): of many concurrent answers exactly one applies, the others
   * get CONFLICT.
   */
  async respond(ctx: Context, input: RespondToAssignmentInput): Promise<TaskAssignment> {
    const { response } = input;
    const reason = input.reason?.trim() ? input.reason : null;
    if (response !== 'ACCEPT' && !reason) {
      throw badInput('reason', 'is required to decline or counter-propose');
    }
    if (response === 'COUNTER_PROPOSE' && !input.proposedDueOn) {
      throw badInput('proposedDueOn', 'is required for a counter-proposal');
    }
    if (response !== 'COUNTER_PROPOSE' && input.proposedDueOn) {
      throw badInput('proposedDueOn', 'only a counter-proposal offers a due date');
    }
    const current = await requireAnswerable(ctx, input.assignmentId);
    const assignment = await explainingConflicts(ctx.db, 'TaskAssignment', current.id, () =>
      answer(ctx, current, input),
    );
    ctx.loaders.clear();
    return assignment;
  },

  async withdraw(ctx: Context, input: WithdrawAssignmentInput): Promise<TaskAssignment> {
    const current = await requireAssignment(ctx, input.assignmentId);
    await requireAssigner(ctx, current);
    const id = current.id;
    const assignment = await explainingConflicts(ctx.db, 'TaskAssignment', id, () =>
      ctx.db.transaction(async (tx) => {
        const row = await updateWhere<TaskAssignment>(
          tx,
          ctx.db.columns(TaskAssignment),
          'o.id = $1 AND o.version = $2 AND o.status <> ALL($3::assignment_status[])',
          `status = 'WITHDRAWN'`,
          [id, input.expectedVersion, closedAssignmentStatuses],
        );
        if (row) return row;
        const now = await reload(ctx, tx, id);
        if (closedAssignmentStatuses.includes(now.status)) {
          throw new AppError('CONFLICT', `assignment is already ${now.status}`, {
            currentStatus: now.status,
            currentVersion: now.version,
          });
        }
        throw conflict('assignment', now);
      }),
    );
    ctx.loaders.clear();
    return assignment;
  },
};

/**
 * Applies an answer judged against `current`: a compare-and-set on that status (and on the version
 * when one is sent).
 */
async function answer(
  ctx: Context,
  current: TaskAssignment,
  input: RespondToAssignmentInput,
): Promise<TaskAssignment> {
  const { response } = input;
  const reason = input.reason?.trim() ? input.reason : null;
  if (!allowedResponses[current.status].includes(response)) throw refused(current);
  const expected = input.expectedVersion ?? null;
  if (expected !== null && expected !== current.version) throw conflict('assignment', current);
  return ctx.db.transaction(async (tx) => {
    const row = await updateWhere<TaskAssignment>(
      tx,
      ctx.db.columns(TaskAssignment),
      'o.id = $1 AND o.status = $2 AND ($6::int IS NULL OR o.version = $6)',
      `status = $3, reason = COALESCE($4, t.reason), proposed_due_on = COALESCE($5::date, t.proposed_due_on),
         responded_at = now()`,
      [current.id, current.status, outcome[response], reason, input.proposedDueOn ?? null, expected],
    );
    if (!row) {
      const now = await reload(ctx, tx, current.id);
      throw now.status !== current.status ? refused(now) : conflict('assignment', now);
    }
    if (row.status === 'ACCEPTED' && row.role === 'LEAD') {
      await updateWhere<Task>(
        tx,
        ctx.db.columns(Task),
        'o.id = $1 AND o.status = ANY($2::task_status[])',
        `status = 'ACCEPTED'`,
        [row.taskId, agreeableTaskStatuses],
      );
    }
    return row;
  });
}
