import { requestScope } from '../../common/viewer';
import type { Change, Database, Queryable } from '../../db/database';
import { TaskAssignment } from '../assignments/task-assignment.entity';
import { Objective } from '../plans/objective.entity';
import { Phase } from '../plans/phase.entity';
import { PlanParticipant } from '../plans/plan-participant.entity';
import { ResponsePlan } from '../plans/response-plan.entity';
import { Task } from '../tasks/task.entity';
import { type RevisionEntry, revisionEntries } from './revision-entries';

const recordTypes = [ResponsePlan, Phase, Objective, Task, TaskAssignment, PlanParticipant];

/** The record as it is now (inside the transaction), as JSON with property names, by type. */
function currentRecord(db: Database, type: string, id: string): string {
  const cases = recordTypes.map((entity) => {
    const cols = db.columns(entity);
    return `WHEN '${cols.name}' THEN (SELECT to_jsonb(s) FROM (SELECT ${cols.select('x')} FROM ${cols.table} x WHERE x.id = ${id}) s)`;
  });
  return `CASE ${type} ${cases.join(' ')} END`;
}

/**
 * Writes the revisions of a transaction's changes in one statement. Each revision finds its plan
 * from the record (ResponsePlan → itself; Phase, Objective, Task, PlanParticipant → plan_id;
 * TaskAssignment → its task's plan) and carries over from the record's previous revision what this
 * change did not touch, so every snapshot is the whole record, set fields included.
 */
export async function writeRevisions(
  db: Database,
  tx: Queryable,
  entries: readonly RevisionEntry[],
): Promise<void> {
  if (!entries.length) return;
  const viewer = requestScope.getStore()?.viewer;
  const actorIds = viewer?.memberships.map((m) => m.actorId) ?? [];
  await tx.query(
    `WITH incoming AS (
       SELECT r.n, r.entity_type, r.entity_id, r.kind, r.fields, r.snapshot,
         COALESCE(r.plan_id, CASE r.entity_type
           WHEN 'Phase' THEN (SELECT x.plan_id FROM phase x WHERE x.id = r.entity_id)
           WHEN 'Objective' THEN (SELECT x.plan_id FROM objective x WHERE x.id = r.entity_id)
           WHEN 'Task' THEN (SELECT x.plan_id FROM task x WHERE x.id = r.entity_id)
           WHEN 'PlanParticipant' THEN (SELECT x.plan_id FROM plan_participant x WHERE x.id = r.entity_id)
           WHEN 'TaskAssignment' THEN (SELECT t.plan_id FROM task t WHERE t.id = COALESCE(r.task_id,
             (SELECT x.task_id FROM task_assignment x WHERE x.id = r.entity_id)))
         END) AS plan_id
       FROM jsonb_to_recordset($1::jsonb)
         AS r(n int, entity_type text, entity_id uuid, kind text, fields jsonb, snapshot jsonb, plan_id uuid, task_id uuid)
     )
     INSERT INTO revision (plan_id, entity_type, entity_id, kind, fields, snapshot, user_id, actor_id)
     SELECT i.plan_id, i.entity_type, i.entity_id, i.kind, i.fields,
       COALESCE(prev.snapshot, '{}'::jsonb)
         -- A change to a set alone (risk factors, prerequisites) does not carry the record's columns.
         || CASE WHEN i.snapshot ? 'version' THEN '{}'::jsonb
              ELSE COALESCE(${currentRecord(db, 'i.entity_type', 'i.entity_id')}, '{}'::jsonb) END
         || i.snapshot,
       $2::uuid,
       -- The organisation the author acts for in this plan, when they belong to several.
       COALESCE(
         (SELECT pp.actor_id FROM plan_participant pp
          WHERE pp.plan_id = i.plan_id AND pp.actor_id = ANY($3::uuid[]) ORDER BY pp.role LIMIT 1),
         ($3::uuid[])[1])
     FROM incoming i
     LEFT JOIN LATERAL (
       SELECT pr.snapshot FROM revision pr
       WHERE pr.entity_type = i.entity_type AND pr.entity_id = i.entity_id ORDER BY pr.seq DESC LIMIT 1
     ) prev ON TRUE
     WHERE i.plan_id IS NOT NULL
     ORDER BY i.n`,
    [
      JSON.stringify(
        entries.map((e, n) => ({
          n,
          entity_type: e.entityType,
          entity_id: e.entityId,
          kind: e.kind,
          fields: e.fields,
          snapshot: e.snapshot,
          plan_id: e.planId,
          task_id: e.taskId,
        })),
      ),
      viewer?.userId ?? null,
      actorIds,
    ],
  );
}

const installed = new WeakSet<Database>();

/**
 * Every transaction that changes a plan or one of its parts writes their revisions before COMMIT:
 * no change is committed without its history, and none is recorded that was rolled back.
 */
export function installHistory(db: Database): void {
  if (installed.has(db)) return;
  installed.add(db);
  db.beforeCommit.push(async (tx: Queryable, changes: readonly Change[]) => {
    await writeRevisions(db, tx, revisionEntries(changes));
  });
}
