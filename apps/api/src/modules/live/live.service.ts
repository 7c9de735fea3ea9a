import { actorIdsWith, isAdmin } from '../../common/authz';
import { fromGlobalId } from '../../common/ids';
import type { Context } from '../../context';
import { actorById } from '../actors/actor.loaders';
import { responsePlanById } from '../plans/plan.loaders';
import { requireRecord } from '../plans/reference.loaders';
import { taskById } from '../tasks/task.loaders';
import type { ChangeRow } from './change-log';
import { changeStream, liveSession, parsePosition } from './streams';

/** Subscriptions begin as any request does: with the viewer as it is now. */
async function refresh(ctx: Context): Promise<void> {
  ctx.viewer = await liveSession(ctx).viewer();
  ctx.loaders.clear();
}

const assignmentTopics = new Set(['ASSIGNMENT_CHANGED', 'ESCALATION']);

export const liveService = {
  /** The newest position of the change log: read it before loading what you display, then subscribe after it. */
  async position(ctx: Context): Promise<string> {
    const [row] = await ctx.db.query<{ position: string }>(
      `SELECT GREATEST((SELECT max(position) FROM change_log), (SELECT max(pruned_through) FROM change_log_horizon), 0)::text AS position`,
    );
    return row.position;
  },

  /** Everything that happens in a plan the viewer reads (presence aside), as the viewer may see it. */
  async planChanged(
    ctx: Context,
    planGlobalId: string,
    afterText: string | null | undefined,
  ): Promise<AsyncIterable<ChangeRow>> {
    const after = parsePosition(afterText);
    await refresh(ctx);
    const plan = await requireRecord(responsePlanById(ctx), 'ResponsePlan', planGlobalId, 'planId', 'plan');
    return changeStream(
      ctx,
      {
        matches: (row) => row.planId === plan.id && row.topic !== 'PRESENCE_CHANGED',
        where: (q) => q.and(`c.plan_id = ${q.p(plan.id)}`).and(`c.topic <> 'PRESENCE_CHANGED'`),
      },
      after,
    );
  },

  /** A task and its assignments. */
  async taskChanged(
    ctx: Context,
    taskGlobalId: string,
    afterText: string | null | undefined,
  ): Promise<AsyncIterable<ChangeRow>> {
    const after = parsePosition(afterText);
    await refresh(ctx);
    const task = await requireRecord(taskById(ctx), 'Task', taskGlobalId, 'taskId', 'task');
    return changeStream(
      ctx,
      {
        matches: (row) =>
          row.planId === task.planId &&
          ((row.entityType === 'Task' && row.entityId === task.id) || row.entityType === 'TaskAssignment'),
        where: (q) =>
          q
            .and(`c.plan_id = ${q.p(task.planId)}`)
            .and(
              `((c.entity_type = 'Task' AND c.entity_id = ${q.p(task.id)}) OR c.entity_type = 'TaskAssignment')`,
            ),
        // Whether an assignment is of this task is read with its visibility, in the same statement.
        belongs: (q) =>
          `(r.entity_type = 'Task' OR EXISTS (SELECT 1 FROM task_assignment lx WHERE lx.id = r.entity_id AND lx.task_id = ${q.p(task.id)}))`,
      },
      after,
    );
  },

  /**
   * Assignments of an organisation (by default the viewer's own): their handshake and escalations.
   * Each still passes the viewer's read rules, so another organisation's private ones never show.
   */
  async assignmentChanged(
    ctx: Context,
    actorGlobalId: string | null | undefined,
    afterText: string | null | undefined,
  ): Promise<AsyncIterable<ChangeRow>> {
    const after = parsePosition(afterText);
    await refresh(ctx);
    let actorIds: string[] | null;
    if (actorGlobalId) {
      const actor = await requireRecord(actorById(ctx), 'Actor', actorGlobalId, 'actorId', 'actor');
      actorIds = [actor.id];
    } else {
      actorIds = isAdmin(ctx.viewer)
        ? null
        : actorIdsWith(ctx.viewer, ['ADMIN', 'LIAISON', 'PARTNER', 'VIEWER']);
    }
    const ids = actorIds;
    return changeStream(
      ctx,
      {
        matches: (row) =>
          assignmentTopics.has(row.topic) && (ids === null || row.actorIds.some((id) => ids.includes(id))),
        where: (q) => {
          q.and(`c.topic IN ('ASSIGNMENT_CHANGED', 'ESCALATION')`);
          if (ids !== null) q.and(`c.actor_ids && ${q.p(ids)}::uuid[]`);
        },
      },
      after,
    );
  },

  /** Who comes to, works on and leaves a plan: for its members. */
  async presenceChanged(
    ctx: Context,
    planGlobalId: string,
    afterText: string | null | undefined,
  ): Promise<AsyncIterable<ChangeRow>> {
    const after = parsePosition(afterText);
    await refresh(ctx);
    const planId = fromGlobalId('ResponsePlan', planGlobalId, 'planId');
    await requireRecord(responsePlanById(ctx), 'ResponsePlan', planGlobalId, 'planId', 'plan');
    return changeStream(
      ctx,
      {
        matches: (row) => row.planId === planId && row.topic === 'PRESENCE_CHANGED',
        where: (q) => q.and(`c.plan_id = ${q.p(planId)}`).and(`c.topic = 'PRESENCE_CHANGED'`),
      },
      after,
    );
  },
};
