import DataLoader from 'dataloader';
import { can } from '../../common/authz';
import type { CapabilityKind } from '../../common/enums';
import { Sql } from '../../common/sql';
import { assignmentReadable, taskReadable } from '../../common/visibility';
import type { Context } from '../../context';
import type { CapabilityGap } from './gap.types';
import { count } from './words';

type Row = {
  planId: string;
  taskId: string;
  taskTitle: string;
  capability: CapabilityKind;
  required: number;
  pledged: number;
  proposed: number;
  fastestReadinessDays: number | null;
  pledgeIds: string[];
};

function explain(row: Row): string {
  const need = `Task "${row.taskTitle}" needs ${row.required} ${row.capability}`;
  const short = row.required - row.pledged;
  const have = row.pledged
    ? `; the actors that accepted it pledged ${row.pledged}, the fastest ready in ${count(row.fastestReadinessDays ?? 0, 'day')}`
    : '; no actor that accepted it has pledged any';
  const maybe = row.proposed
    ? ` Actors whose assignment is still proposed pledged ${row.proposed} more.`
    : '';
  return `${need}${have}: ${short} short.${maybe}`;
}

/**
 * Capability gaps of a batch of plans, one statement. For each task that is not CANCELLED,
 * COMPLETED or VERIFIED (work still to do) and each capability it requires: what the actors with
 * an ACCEPTED assignment on it have pledged (pledges still valid today) is counted; what actors
 * with a PROPOSED assignment pledged is reported apart, as it is not yet promised to this task.
 * A gap is a requirement above what is counted. An actor's pledge counts for every task it
 * accepted (pledges are not divided between tasks). Only tasks and assignments the viewer reads
 * count.
 */
export const capabilityGapsByPlanId = (ctx: Context) =>
  ctx.loaders.get(
    'capabilityGapsByPlanId',
    () =>
      new DataLoader<string, CapabilityGap[]>(async (planIds) => {
        const q = new Sql();
        const ids = q.p(planIds);
        const viewer = ctx.viewer;
        const pledgesReadable = can(viewer, 'graph.read') ? 'TRUE' : 'FALSE';
        const accepted = `COALESCE(sum(cp.quantity) FILTER (WHERE ta.status = 'ACCEPTED'), 0)::int`;
        const rows = await ctx.db.query<Row>(
          `SELECT t.plan_id AS "planId", t.id AS "taskId", t.title AS "taskTitle", cr.capability, cr.quantity AS required,
             ${accepted} AS pledged,
             COALESCE(sum(cp.quantity) FILTER (WHERE ta.status = 'PROPOSED'), 0)::int AS proposed,
             min(cp.readiness_days) FILTER (WHERE ta.status = 'ACCEPTED') AS "fastestReadinessDays",
             COALESCE(array_agg(cp.id ORDER BY (ta.status = 'ACCEPTED') DESC, cp.readiness_days, cp.id) FILTER (WHERE cp.id IS NOT NULL), '{}') AS "pledgeIds"
           FROM task t
           JOIN task_capability_requirement cr ON cr.task_id = t.id
           LEFT JOIN task_assignment ta ON ta.task_id = t.id AND ta.status IN ('ACCEPTED', 'PROPOSED')
             AND ${assignmentReadable(q, viewer, 'ta')}
           LEFT JOIN capability_pledge cp ON cp.actor_id = ta.actor_id AND cp.capability = cr.capability
             AND (cp.valid_until IS NULL OR cp.valid_until >= current_date) AND ${pledgesReadable}
           WHERE t.plan_id = ANY(${ids}::uuid[]) AND t.status NOT IN ('CANCELLED', 'COMPLETED', 'VERIFIED')
             AND ${taskReadable(q, viewer, 't')}
           GROUP BY t.plan_id, t.id, t.title, t.created_at, cr.capability, cr.quantity
           HAVING cr.quantity > ${accepted}
           ORDER BY t.plan_id, cr.quantity - ${accepted} DESC, t.created_at, t.id, cr.capability`,
          q.params,
        );
        return planIds.map((id) =>
          rows
            .filter((row) => row.planId === id)
            .map((row) => ({
              taskId: row.taskId,
              pledgeIds: row.pledgeIds,
              capability: row.capability,
              required: row.required,
              pledged: row.pledged,
              proposed: row.proposed,
              shortfall: row.required - row.pledged,
              fastestReadinessDays: row.fastestReadinessDays,
              explanation: explain(row),
            })),
        );
      }),
  );
