import DataLoader from 'dataloader';
import { Sql } from '../../common/sql';
import { assignmentReadable, planReadableAsMember, taskReadable } from '../../common/visibility';
import type { Context } from '../../context';
import type { MandatedTaskCoverage } from './gap.types';
import { count, quoted } from './words';

type Row = {
  key: string;
  mandatedTaskId: string;
  mandateId: string;
  symbol: string;
  paragraphRef: string;
  kind: string;
  objectiveIds: string[];
  objectiveTitles: string[];
  leadAssignmentIds: string[];
};

function explain(row: Row): string {
  const what = `${row.paragraphRef} (${row.kind}) of ${row.symbol}`;
  const leads = row.leadAssignmentIds.length;
  if (leads) {
    return `${what} is covered: ${count(leads, 'accepted LEAD assignment')} on tasks of objectives that trace to it (${quoted(row.objectiveTitles)}).`;
  }
  if (!row.objectiveIds.length)
    return `${what} is not covered: no objective of an open response plan traces to it.`;
  const n = row.objectiveIds.length;
  return `${what} is not covered: ${count(n, 'objective')} trace${n === 1 ? 's' : ''} to it (${quoted(row.objectiveTitles)}), but no task of ${n === 1 ? 'it' : 'theirs'} has an accepted LEAD assignment.`;
}

/**
 * Coverage of mandated tasks, one statement per batch of keys (`keyExpr` names the key: a mandate,
 * or a mission actor). A mandated task is covered when an objective of a plan that is not CLOSED
 * or CANCELLED traces to it and a task of that objective that is not CANCELLED has an ACCEPTED
 * LEAD assignment, by any actor. Only objectives, tasks and assignments the viewer reads count.
 */
function coverageLoader(ctx: Context, keyExpr: string, extra: string) {
  return new DataLoader<string, MandatedTaskCoverage[]>(async (keys) => {
    const q = new Sql();
    const keyParam = q.p(keys);
    const viewer = ctx.viewer;
    const rows = await ctx.db.query<Row>(
      `WITH mts AS (
         SELECT mt.*, m.symbol, m.adopted_on, ${keyExpr} AS key
         FROM mandated_task mt JOIN mandate m ON m.id = mt.mandate_id
         WHERE ${keyExpr} = ANY(${keyParam}::uuid[]) ${extra}
       ), obj AS (
         SELECT o.id, o.title, o.created_at, o.mandated_task_id,
           COALESCE(array_agg(ta.id ORDER BY ta.created_at, ta.id) FILTER (WHERE ta.id IS NOT NULL), '{}') AS leads
         FROM objective o
         JOIN response_plan p ON p.id = o.plan_id
         LEFT JOIN task t ON t.objective_id = o.id AND t.status <> 'CANCELLED' AND ${taskReadable(q, viewer, 't')}
         LEFT JOIN task_assignment ta ON ta.task_id = t.id AND ta.role = 'LEAD' AND ta.status = 'ACCEPTED'
           AND ${assignmentReadable(q, viewer, 'ta')}
         WHERE o.mandated_task_id IN (SELECT id FROM mts) AND p.status NOT IN ('CLOSED', 'CANCELLED')
           AND ${planReadableAsMember(q, viewer, 'p')}
         GROUP BY o.id
       )
       SELECT mts.key, mts.id AS "mandatedTaskId", mts.mandate_id AS "mandateId", mts.symbol,
         mts.paragraph_ref AS "paragraphRef", mts.kind,
         COALESCE((SELECT array_agg(obj.id ORDER BY obj.created_at, obj.id) FROM obj WHERE obj.mandated_task_id = mts.id), '{}') AS "objectiveIds",
         COALESCE((SELECT array_agg(obj.title ORDER BY obj.created_at, obj.id) FROM obj WHERE obj.mandated_task_id = mts.id), '{}') AS "objectiveTitles",
         COALESCE((SELECT array_agg(l.id ORDER BY obj.created_at, l.n) FROM obj, unnest(obj.leads) WITH ORDINALITY AS l(id, n)
           WHERE obj.mandated_task_id = mts.id), '{}') AS "leadAssignmentIds"
       FROM mts
       ORDER BY mts.key, mts.adopted_on DESC, mts.mandate_id, mts.priority, mts.paragraph_ref, mts.id`,
      q.params,
    );
    return keys.map((key) =>
      rows
        .filter((row) => row.key === key)
        .map((row) => ({
          mandatedTaskId: row.mandatedTaskId,
          mandateId: row.mandateId,
          objectiveIds: row.objectiveIds,
          leadAssignmentIds: row.leadAssignmentIds,
          covered: row.leadAssignmentIds.length > 0,
          explanation: explain(row),
        })),
    );
  });
}

/** Every mandated task of each mandate, with its coverage. */
export const coverageByMandateId = (ctx: Context) =>
  ctx.loaders.get('coverageByMandateId', () => coverageLoader(ctx, 'mt.mandate_id', ''));

/** Every mandated task of the mandates in force today of which each actor is the mission. */
export const coverageByMissionActorId = (ctx: Context) =>
  ctx.loaders.get('coverageByMissionActorId', () =>
    coverageLoader(
      ctx,
      'm.mission_actor_id',
      'AND m.adopted_on <= current_date AND (m.expires_on IS NULL OR m.expires_on >= current_date)',
    ),
  );
