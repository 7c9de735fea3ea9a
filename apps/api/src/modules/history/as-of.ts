import { toGlobalId } from '../../common/ids';
import type { Database } from '../../db/database';
import { ResponsePlan } from '../plans/response-plan.entity';
import { Task } from '../tasks/task.entity';
import type { PlanSnapshot, TaskSnapshot } from './as-of.types';
import type { Revision } from './revision.entity';

type State = Record<string, unknown>;

/**
 * The plan and its tasks as they were right after `revision`, in one statement. For each record:
 * - its latest revision at or before the point gives its state (none if that revision deleted it);
 * - else its first revision after the point gives the state before that change (none if it was
 *   created then);
 * - else it has not changed since: its current row, if it existed by then.
 */
async function statesAt(
  db: Database,
  planId: string,
  revision: Revision,
): Promise<{ type: string; id: string; state: State | null }[]> {
  const plan = db.columns(ResponsePlan);
  const task = db.columns(Task);
  return db.query<{ type: string; id: string; state: State | null }>(
    `WITH records AS (
       SELECT DISTINCT r.entity_type, r.entity_id FROM revision r
       WHERE r.plan_id = $1 AND r.entity_type IN ('ResponsePlan', 'Task')
       UNION SELECT 'ResponsePlan', $1::uuid
       UNION SELECT 'Task', t.id FROM task t WHERE t.plan_id = $1
     )
     SELECT e.entity_type AS type, e.entity_id AS id,
       CASE
         WHEN prior.kind IS NOT NULL THEN CASE WHEN prior.kind = 'DELETE' THEN NULL ELSE prior.snapshot END
         WHEN later.kind IS NOT NULL THEN CASE WHEN later.kind = 'CREATE' THEN NULL ELSE later.snapshot
           || COALESCE((SELECT jsonb_object_agg(f.key, f.value -> 'before') FROM jsonb_each(later.fields) f), '{}'::jsonb) END
         WHEN e.entity_type = 'ResponsePlan' THEN
           (SELECT to_jsonb(s) FROM (SELECT ${plan.select('p')} FROM response_plan p WHERE p.id = e.entity_id) s)
         ELSE (SELECT to_jsonb(s) FROM (SELECT ${task.select('t')} FROM task t
           WHERE t.id = e.entity_id AND t.created_at <= $3::timestamptz) s)
       END AS state
     FROM records e
     LEFT JOIN LATERAL (
       SELECT r.kind, r.snapshot FROM revision r
       WHERE r.entity_type = e.entity_type AND r.entity_id = e.entity_id AND r.seq <= $2
       ORDER BY r.seq DESC LIMIT 1
     ) prior ON TRUE
     LEFT JOIN LATERAL (
       SELECT r.kind, r.snapshot, r.fields FROM revision r
       WHERE r.entity_type = e.entity_type AND r.entity_id = e.entity_id AND r.seq > $2
       ORDER BY r.seq LIMIT 1
     ) later ON TRUE`,
    [planId, revision.seq, revision.occurredAt],
  );
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function taskSnapshot(id: string, s: State): TaskSnapshot {
  return {
    taskId: toGlobalId('Task', id),
    title: String(s.title ?? ''),
    description: text(s.description),
    status: s.status as TaskSnapshot['status'],
    priority: s.priority as TaskSnapshot['priority'],
    dueOn: text(s.dueOn),
    locationName: text(s.locationName),
    objectiveId: s.objectiveId ? toGlobalId('Objective', String(s.objectiveId)) : null,
    version: Number(s.version ?? 1),
  };
}

/** The plan as of a revision of its own; null if the plan did not exist then. */
export async function planAsOf(
  db: Database,
  planId: string,
  revision: Revision,
): Promise<PlanSnapshot | null> {
  const rows = await statesAt(db, planId, revision);
  const plan = rows.find((r) => r.type === 'ResponsePlan' && r.state)?.state;
  if (!plan) return null;
  const tasks = rows
    .filter((r) => r.type === 'Task' && r.state)
    .map((r) => ({
      createdAt: Date.parse(String(r.state?.createdAt)) || 0,
      snapshot: taskSnapshot(r.id, r.state as State),
    }))
    .sort((a, b) => a.createdAt - b.createdAt || a.snapshot.taskId.localeCompare(b.snapshot.taskId))
    .map((t) => t.snapshot);
  return {
    planId: toGlobalId('ResponsePlan', planId),
    asOf: revision,
    title: String(plan.title ?? ''),
    summary: text(plan.summary),
    status: plan.status as PlanSnapshot['status'],
    classification: plan.classification as PlanSnapshot['classification'],
    startsOn: text(plan.startsOn),
    endsOn: text(plan.endsOn),
    version: Number(plan.version ?? 1),
    tasks,
  };
}
