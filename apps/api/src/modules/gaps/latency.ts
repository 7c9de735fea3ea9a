import DataLoader from 'dataloader';
import { Sql } from '../../common/sql';
import { assignmentReadable } from '../../common/visibility';
import type { Context } from '../../context';
import { alertReadable } from '../alerts/alert.loaders';
import type { AlertLatency, WarningToActionLatency } from './gap.types';
import { count, duration, utc } from './words';

type Row = {
  situationId: string;
  alertId: string;
  issuedAt: Date;
  assignmentId: string | null;
  actedAt: Date | null;
  latencySeconds: number | null;
  taskTitle: string | null;
  actorName: string | null;
};

function explainAlert(row: Row): string {
  const issued = `Issued ${utc(row.issuedAt)}`;
  if (row.latencySeconds === null)
    return `${issued}; no assignment on a task created since has been accepted yet.`;
  return `${issued}; first acted on ${duration(row.latencySeconds)} later, when ${row.actorName} accepted "${row.taskTitle}".`;
}

/** The middle value (the mean of the two middle ones for an even count), rounded to the second. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

function summarise(alerts: AlertLatency[]): WarningToActionLatency {
  const latencies = alerts.flatMap((a) => (a.latencySeconds === null ? [] : [a.latencySeconds]));
  const mid = median(latencies);
  let explanation: string;
  if (!alerts.length) explanation = 'No alert about this situation has been issued.';
  else if (mid === null)
    explanation = `None of the ${count(alerts.length, 'issued alert')} has been followed by action yet.`;
  else {
    explanation = `${latencies.length} of ${count(alerts.length, 'issued alert')} ${latencies.length === 1 ? 'was' : 'were'} followed by action; the median time to the first action is ${duration(mid)}.`;
  }
  return { alerts, medianLatencySeconds: mid, explanation };
}

/**
 * Warning-to-action latency of a batch of situations, one statement. For each alert of the
 * situation that was issued (issuedAt set, whatever its state now), the first action is the
 * earliest respondedAt of an assignment now ACCEPTED, on a task of a plan of the situation, where
 * both the task's creation and the acceptance come after the alert was issued: work started in
 * answer to the warning, not work already under way. Only alerts and assignments the viewer
 * reads count.
 */
export const latencyBySituationId = (ctx: Context) =>
  ctx.loaders.get(
    'latencyBySituationId',
    () =>
      new DataLoader<string, WarningToActionLatency>(async (situationIds) => {
        const q = new Sql();
        const ids = q.p(situationIds);
        const rows = await ctx.db.query<Row>(
          `SELECT al.situation_id AS "situationId", al.id AS "alertId", al.issued_at AS "issuedAt",
             f.id AS "assignmentId", f.responded_at AS "actedAt", f.task_title AS "taskTitle", f.actor_name AS "actorName",
             extract(epoch FROM f.responded_at - al.issued_at)::int AS "latencySeconds"
           FROM alert al
           LEFT JOIN LATERAL (
             SELECT ta.id, ta.responded_at, t.title AS task_title, a.name AS actor_name
             FROM task_assignment ta
             JOIN task t ON t.id = ta.task_id
             JOIN response_plan p ON p.id = t.plan_id
             JOIN actor a ON a.id = ta.actor_id
             WHERE p.situation_id = al.situation_id AND t.created_at >= al.issued_at
               AND ta.status = 'ACCEPTED' AND ta.responded_at >= al.issued_at
               AND ${assignmentReadable(q, ctx.viewer, 'ta')}
             ORDER BY ta.responded_at, ta.id
             LIMIT 1
           ) f ON TRUE
           WHERE al.situation_id = ANY(${ids}::uuid[]) AND al.issued_at IS NOT NULL
             AND ${alertReadable(q, ctx.viewer, 'al')}
           ORDER BY al.situation_id, al.issued_at, al.id`,
          q.params,
        );
        return situationIds.map((id) =>
          summarise(
            rows
              .filter((row) => row.situationId === id)
              .map((row) => ({
                alertId: row.alertId,
                assignmentId: row.assignmentId,
                issuedAt: row.issuedAt,
                actedAt: row.actedAt,
                latencySeconds: row.latencySeconds,
                explanation: explainAlert(row),
              })),
          ),
        );
      }),
  );
