import { requireSignedIn } from '../../common/authz';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { planAccess } from '../../common/plan-access';
import { Sql } from '../../common/sql';
import { planReadableAsMember } from '../../common/visibility';
import type { Context } from '../../context';
import type { Queryable } from '../../db/database';
import { appendChanges, type ChangeEntry } from '../live/change-log';
import type { ResponsePlan } from '../plans/response-plan.entity';
import { Presence } from './presence.entity';
import type { HeartbeatPresenceInput, LeavePlanInput } from './presence.inputs';
import { type PresenceRow, presenceByPlanId } from './presence.loaders';

/** How long an entry lives without a heartbeat (PRESENCE_TTL_SECONDS, 30 by default). */
export function presenceTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PRESENCE_TTL_SECONDS);
  return Number.isInteger(value) && value > 0 ? value : 30;
}

/**
 * Presence is shared among the members of a plan's organisations: only they see who is there, so
 * only they announce themselves. A partner that sees the plan through its assignment is refused;
 * to anyone else the plan does not exist. EDITING is for those who may edit it.
 */
async function requireMember(ctx: Context, planId: string, editing: boolean): Promise<void> {
  requireSignedIn(ctx);
  const q = new Sql();
  const id = q.p(planId);
  const [row] = await ctx.db.query<{ member: boolean }>(
    `SELECT ${planReadableAsMember(q, ctx.viewer, 'p')} AS member FROM response_plan p WHERE p.id = ${id}::uuid`,
    q.params,
  );
  if (!row?.member) {
    if (!(await planAccess(ctx, planId)).readable) {
      throw new AppError('NOT_FOUND', 'planId: no response plan has this id', { field: 'planId' });
    }
    throw new AppError('FORBIDDEN', 'presence is shared among the members of the plan’s organisations');
  }
  if (editing && !(await planAccess(ctx, planId)).editor) {
    throw new AppError('FORBIDDEN', 'only editors of the plan can be EDITING it', { field: 'mode' });
  }
}

const presenceEvent = (id: string, planId: string, kind: ChangeEntry['kind']): ChangeEntry => ({
  topic: 'PRESENCE_CHANGED',
  entityType: 'Presence',
  entityId: id,
  planId,
  kind,
});

/**
 * Removes the plan's lapsed entries, as events for those who follow presence. Rows another
 * heartbeat holds are left to it (SKIP LOCKED): two heartbeats never wait for each other here.
 */
async function sweep(tx: Queryable, planId: string): Promise<ChangeEntry[]> {
  const gone = await tx.query<{ id: string }>(
    `DELETE FROM presence WHERE id IN (
       SELECT id FROM presence WHERE plan_id = $1 AND expires_at <= now() FOR UPDATE SKIP LOCKED
     ) RETURNING id`,
    [planId],
  );
  return gone.map((g) => presenceEvent(g.id, planId, 'DELETED'));
}

export const presenceService = {
  /** Who has the plan open now; empty for a viewer who is not a member. */
  async ofPlan(ctx: Context, plan: ResponsePlan): Promise<PresenceRow[]> {
    return presenceByPlanId(ctx).load(plan.id);
  },

  /**
   * Renews your entry for `ttl` seconds. Others are told (PRESENCE_CHANGED) only when something
   * they see changed: you arrived (or came back after lapsing), or changed mode or focus. Lapsed
   * entries of the plan are removed and announced on the way, since nobody else is there to notice.
   */
  async heartbeat(ctx: Context, input: HeartbeatPresenceInput): Promise<Presence> {
    const planId = fromGlobalId('ResponsePlan', input.planId, 'planId');
    await requireMember(ctx, planId, input.mode === 'EDITING');
    const userId = ctx.viewer.userId;
    if (!userId) throw new AppError('FORBIDDEN', 'only a person can be present in a plan');
    const cols = ctx.db.columns(Presence);
    const focus = input.focus ?? null;
    const presence = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<Presence & { change: ChangeEntry['kind'] | null }>(
        `WITH prev AS (
           SELECT mode, focus, expires_at FROM presence WHERE plan_id = $1 AND user_id = $2 AND client_id = $3
         )
         INSERT INTO presence AS p (plan_id, user_id, client_id, mode, focus, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(secs => $6::int))
         ON CONFLICT (plan_id, user_id, client_id) DO UPDATE SET
           mode = EXCLUDED.mode,
           focus = EXCLUDED.focus,
           expires_at = EXCLUDED.expires_at,
           updated_at = CASE WHEN p.expires_at <= now() OR p.mode <> EXCLUDED.mode OR p.focus IS DISTINCT FROM EXCLUDED.focus
             THEN now() ELSE p.updated_at END
         RETURNING ${cols.select('p')},
           CASE WHEN NOT EXISTS (SELECT 1 FROM prev) OR (SELECT expires_at FROM prev) <= now() THEN 'CREATED'
             WHEN (SELECT mode FROM prev) <> p.mode OR (SELECT focus FROM prev) IS DISTINCT FROM p.focus THEN 'UPDATED'
           END AS change`,
        [planId, userId, input.clientId, input.mode, focus, presenceTtlSeconds()],
      );
      // Your own entry is renewed first, so the sweep never touches it.
      const events = row.change ? [presenceEvent(row.id, planId, row.change)] : [];
      events.push(...(await sweep(tx, planId)));
      await appendChanges(tx, events);
      const { change: _change, ...entry } = row;
      return entry as Presence;
    });
    ctx.loaders.clear();
    // As the plan's list shows it: with the name and organisation.
    const listed = await presenceByPlanId(ctx).load(planId);
    return listed.find((p) => p.id === presence.id) ?? presence;
  },

  /** Removes your entry at once (closing a tab), rather than waiting for it to lapse. */
  async leave(ctx: Context, input: LeavePlanInput): Promise<boolean> {
    const planId = fromGlobalId('ResponsePlan', input.planId, 'planId');
    const viewer = requireSignedIn(ctx);
    if (!viewer.userId) return false;
    const left = await ctx.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; live: boolean }>(
        `DELETE FROM presence WHERE plan_id = $1 AND user_id = $2 AND client_id = $3
         RETURNING id, expires_at > now() AS live`,
        [planId, viewer.userId, input.clientId],
      );
      await appendChanges(
        tx,
        rows.map((r) => presenceEvent(r.id, planId, 'DELETED')),
      );
      return rows.some((r) => r.live);
    });
    ctx.loaders.clear();
    return left;
  },
};
