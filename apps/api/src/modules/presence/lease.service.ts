import { authorize, requireSignedIn } from '../../common/authz';
import { AppError, badInput } from '../../common/errors';
import { toGlobalId } from '../../common/ids';
import { requirePlanEditor } from '../../common/plan-access';
import type { Context } from '../../context';
import { requireRecord } from '../plans/reference.loaders';
import type { Task } from '../tasks/task.entity';
import { taskById } from '../tasks/task.loaders';
import { TaskLease } from './lease.entity';
import {
  type BreakTaskLeaseInput,
  type ExtendTaskLeaseInput,
  LEASE_SECONDS,
  type ReleaseTaskLeaseInput,
  type TakeTaskLeaseInput,
} from './lease.inputs';
import { leaseByTaskId } from './lease.loaders';

/** A finished or called-off task is worked on by nobody. */
const closedTaskStatuses: readonly string[] = ['COMPLETED', 'CANCELLED'];

function requireTask(ctx: Context, globalId: string): Promise<Task> {
  return requireRecord(taskById(ctx), 'Task', globalId, 'taskId', 'task');
}

/** The user a lease is held as: leases belong to people, not to tokens or sessions. */
function holderId(ctx: Context): string {
  const viewer = requireSignedIn(ctx);
  if (!viewer.userId) throw new AppError('FORBIDDEN', 'only a person can hold a task lease');
  return viewer.userId;
}

type Holder = {
  userId: string;
  displayName: string;
  actorId: string | null;
  actorName: string | null;
  acquiredAt: Date;
  expiresAt: Date;
};

/** The lease in force on a task with its holder's name, or null. */
async function holderOf(ctx: Context, taskId: string): Promise<Holder | null> {
  const [row] = await ctx.db.query<Holder>(
    `SELECT l.holder_user_id AS "userId", u.display_name AS "displayName", l.holder_actor_id AS "actorId",
       a.name AS "actorName", l.acquired_at AS "acquiredAt", l.expires_at AS "expiresAt"
     FROM task_lease l JOIN user_account u ON u.id = l.holder_user_id LEFT JOIN actor a ON a.id = l.holder_actor_id
     WHERE l.task_id = $1 AND l.expires_at > now()`,
    [taskId],
  );
  return row ?? null;
}

function heldByOther(holder: Holder): AppError {
  const by = holder.actorName ? `${holder.displayName} (${holder.actorName})` : holder.displayName;
  return new AppError('CONFLICT', `this task is taken by ${by} until ${holder.expiresAt.toISOString()}`, {
    holder: {
      userId: toGlobalId('User', holder.userId),
      displayName: holder.displayName,
      actorId: holder.actorId ? toGlobalId('Actor', holder.actorId) : null,
      actorName: holder.actorName,
    },
    acquiredAt: holder.acquiredAt.toISOString(),
    expiresAt: holder.expiresAt.toISOString(),
  });
}

/** The organisation a holder works for in the task's plan, when they belong to several. */
const HOLDER_ACTOR = `COALESCE(
  (SELECT pp.actor_id FROM task t JOIN plan_participant pp ON pp.plan_id = t.plan_id
   WHERE t.id = $1 AND pp.actor_id = ANY($4::uuid[]) ORDER BY pp.role LIMIT 1),
  ($4::uuid[])[1])`;

export const leaseService = {
  lease(ctx: Context, task: Task): Promise<TaskLease | null> {
    return leaseByTaskId(ctx)
      .load(task.id)
      .then((rows) => rows[0] ?? null);
  },

  /**
   * One atomic upsert: of any number of people taking a free (or lapsed) lease at once exactly one
   * becomes the holder; the others wait for its commit, find it in force and get CONFLICT naming
   * the holder and the expiry. Taking a lease you hold renews it.
   */
  async take(ctx: Context, input: TakeTaskLeaseInput): Promise<{ lease: TaskLease; task: Task }> {
    const me = holderId(ctx);
    const task = await requireTask(ctx, input.taskId);
    await requirePlanEditor(ctx, task.planId);
    if (closedTaskStatuses.includes(task.status)) {
      throw badInput('taskId', `the task is ${task.status}; nobody works on it any more`);
    }
    const cols = ctx.db.columns(TaskLease);
    const actorIds = ctx.viewer.memberships.map((m) => m.actorId);
    // A lease released between a refused take and the look-up of its holder is simply tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const [lease] = await ctx.db.query<TaskLease>(
        `INSERT INTO task_lease AS l (task_id, holder_user_id, holder_actor_id, acquired_at, expires_at)
         VALUES ($1, $2, ${HOLDER_ACTOR}, now(), now() + make_interval(secs => $3::int))
         ON CONFLICT (task_id) DO UPDATE SET
           holder_user_id = EXCLUDED.holder_user_id,
           holder_actor_id = EXCLUDED.holder_actor_id,
           acquired_at = CASE WHEN l.holder_user_id = EXCLUDED.holder_user_id AND l.expires_at > now()
             THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
           expires_at = EXCLUDED.expires_at
         WHERE l.expires_at <= now() OR l.holder_user_id = $2
         RETURNING ${cols.select('l')}`,
        [task.id, me, input.ttlSeconds ?? LEASE_SECONDS.default, actorIds],
      );
      if (lease) {
        ctx.loaders.clear();
        return { lease, task };
      }
      const holder = await holderOf(ctx, task.id);
      if (holder) throw heldByOther(holder);
    }
    throw new AppError('CONFLICT', 'the lease of this task keeps changing hands; try again');
  },

  /** Moves the expiry of a lease you hold; a lapsed or lost one must be taken again. */
  async extend(ctx: Context, input: ExtendTaskLeaseInput): Promise<{ lease: TaskLease; task: Task }> {
    const me = holderId(ctx);
    const task = await requireTask(ctx, input.taskId);
    await requirePlanEditor(ctx, task.planId);
    const cols = ctx.db.columns(TaskLease);
    const [lease] = await ctx.db.query<TaskLease>(
      `UPDATE task_lease AS l SET expires_at = now() + make_interval(secs => $3::int)
       WHERE l.task_id = $1 AND l.holder_user_id = $2 AND l.expires_at > now()
       RETURNING ${cols.select('l')}`,
      [task.id, me, input.ttlSeconds ?? LEASE_SECONDS.default],
    );
    if (lease) {
      ctx.loaders.clear();
      return { lease, task };
    }
    const holder = await holderOf(ctx, task.id);
    if (holder) throw heldByOther(holder);
    throw new AppError(
      'CONFLICT',
      'you no longer hold a lease on this task (it lapsed or was released); take it again',
      {
        holder: null,
      },
    );
  },

  /** Ends your own lease; releasing one you do not hold changes nothing. */
  async release(ctx: Context, input: ReleaseTaskLeaseInput): Promise<{ released: boolean; task: Task }> {
    const me = holderId(ctx);
    const task = await requireTask(ctx, input.taskId);
    const rows = await ctx.db.query<{ live: boolean }>(
      'DELETE FROM task_lease WHERE task_id = $1 AND holder_user_id = $2 RETURNING expires_at > now() AS live',
      [task.id, me],
    );
    ctx.loaders.clear();
    return { released: rows.some((r) => r.live), task };
  },

  /** An administrator ends someone's lease, with a reason kept in the audit log. */
  async breakLease(
    ctx: Context,
    input: BreakTaskLeaseInput,
  ): Promise<{ brokenLease: TaskLease | null; task: Task }> {
    requireSignedIn(ctx);
    const task = await requireTask(ctx, input.taskId);
    await authorize(ctx, 'lease.break');
    const cols = ctx.db.columns(TaskLease);
    const broken = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<TaskLease & { live: boolean }>(
        `DELETE FROM task_lease AS l WHERE l.task_id = $1 RETURNING ${cols.select('l')}, l.expires_at > now() AS live`,
        [task.id],
      );
      tx.audit({
        action: 'lease.break',
        entityType: 'Task',
        entityId: task.id,
        details: {
          reason: input.reason,
          holderUserId: row?.holderUserId ?? null,
          holderActorId: row?.holderActorId ?? null,
          expiresAt: row?.expiresAt ?? null,
          inForce: row?.live ?? false,
        },
      });
      return row?.live ? row : null;
    });
    ctx.loaders.clear();
    return { brokenLease: broken, task };
  },
};
