import { requestScope } from '../../common/viewer';
import type { Change, Database, Queryable } from '../../db/database';

/** The channel every API process listens on; a notification carries only a change_log position. */
export const CHANGES_CHANNEL = 'concord_changes';

/** What a change is about, for the subscriptions that follow it. */
export type ChangeTopic =
  | 'PLAN_CHANGED'
  | 'TASK_CHANGED'
  | 'ASSIGNMENT_CHANGED'
  | 'PRESENCE_CHANGED'
  | 'ESCALATION';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED' | 'ESCALATED';

/** One row of change_log as the live module reads it. */
export type ChangeRow = {
  position: number;
  topic: ChangeTopic;
  entityType: string;
  entityId: string;
  planId: string | null;
  actorIds: string[];
  kind: ChangeKind;
  userId: string | null;
  occurredAt: Date;
};

export type ChangeEntry = Omit<ChangeRow, 'position' | 'occurredAt' | 'planId' | 'actorIds' | 'userId'> & {
  /** Resolved in SQL from the entity when absent. */
  planId?: string | null;
  actorIds?: string[] | null;
  userId?: string | null;
};

export const changeColumns = `c.position, c.topic, c.entity_type AS "entityType", c.entity_id AS "entityId",
  c.plan_id AS "planId", c.actor_ids AS "actorIds", c.kind, c.user_id AS "userId", c.occurred_at AS "occurredAt"`;

/**
 * Record types whose recorded changes (tx.record, the write helpers) are logged, with their topic.
 * Other modules add theirs with `followChanges`, or append their own entries (presence does).
 */
const topics = new Map<string, ChangeTopic>([
  ['ResponsePlan', 'PLAN_CHANGED'],
  ['Phase', 'PLAN_CHANGED'],
  ['Objective', 'PLAN_CHANGED'],
  ['PlanParticipant', 'PLAN_CHANGED'],
  ['Task', 'TASK_CHANGED'],
  ['TaskAssignment', 'ASSIGNMENT_CHANGED'],
]);

export function followChanges(entityType: string, topic: ChangeTopic): void {
  topics.set(entityType, topic);
}

const kinds: Record<Change['kind'], ChangeKind> = { create: 'CREATED', update: 'UPDATED', delete: 'DELETED' };

/** Several changes to one record in one transaction are one event: created wins over updated, deleted over both. */
function entriesOf(changes: readonly Change[]): ChangeEntry[] {
  const byRecord = new Map<string, ChangeEntry>();
  for (const change of changes) {
    const topic = topics.get(change.entityType);
    if (!topic) continue;
    const key = `${change.entityType}:${change.entityId}`;
    const values = change.after ?? change.before ?? {};
    const kind = kinds[change.kind];
    const existing = byRecord.get(key);
    if (existing) {
      if (kind === 'DELETED') existing.kind = kind;
      existing.planId ??= stringOrNull(values.planId);
      continue;
    }
    const planId = change.entityType === 'ResponsePlan' ? change.entityId : stringOrNull(values.planId);
    const actorId = change.entityType === 'TaskAssignment' ? stringOrNull(values.actorId) : null;
    byRecord.set(key, {
      topic,
      entityType: change.entityType,
      entityId: change.entityId,
      planId,
      actorIds: actorId ? [actorId] : null,
      kind,
    });
  }
  return [...byRecord.values()];
}

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

// One key for every writer of change_log: positions are handed out in commit order (see appendChanges).
const LOG_LOCK = 'concord.change_log';

/**
 * Appends entries to change_log inside the caller's transaction and announces the newest position.
 * Writers take one transaction-scoped lock before drawing positions and keep it until COMMIT, so
 * positions become visible in order: a reader that sees position N has seen everything below N,
 * and a listener that resumes after N misses nothing. NOTIFY is delivered on commit only.
 */
export async function appendChanges(tx: Queryable, entries: readonly ChangeEntry[]): Promise<number | null> {
  if (!entries.length) return null;
  const userId = requestScope.getStore()?.viewer.userId ?? null;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOG_LOCK]);
  const [row] = await tx.query<{ position: string | null }>(
    `WITH added AS (
       INSERT INTO change_log (topic, entity_type, entity_id, plan_id, actor_ids, kind, user_id)
       SELECT r.topic, r.entity_type, r.entity_id,
         COALESCE(r.plan_id, CASE r.entity_type
           WHEN 'Task' THEN (SELECT x.plan_id FROM task x WHERE x.id = r.entity_id)
           WHEN 'Phase' THEN (SELECT x.plan_id FROM phase x WHERE x.id = r.entity_id)
           WHEN 'Objective' THEN (SELECT x.plan_id FROM objective x WHERE x.id = r.entity_id)
           WHEN 'PlanParticipant' THEN (SELECT x.plan_id FROM plan_participant x WHERE x.id = r.entity_id)
           WHEN 'TaskAssignment' THEN (SELECT t.plan_id FROM task_assignment x JOIN task t ON t.id = x.task_id WHERE x.id = r.entity_id)
         END),
         COALESCE(r.actor_ids, CASE r.entity_type
           WHEN 'TaskAssignment' THEN (SELECT ARRAY[x.actor_id] FROM task_assignment x WHERE x.id = r.entity_id)
         END, '{}'),
         r.kind, COALESCE(r.user_id, $2::uuid)
       FROM jsonb_to_recordset($1::jsonb)
         AS r(topic text, entity_type text, entity_id uuid, plan_id uuid, actor_ids uuid[], kind text, user_id uuid, n bigint)
       ORDER BY r.n
       RETURNING position
     )
     SELECT pg_notify($3, max(position)::text), max(position)::text AS position FROM added`,
    [
      JSON.stringify(
        entries.map((e, n) => ({
          n,
          topic: e.topic,
          entity_type: e.entityType,
          entity_id: e.entityId,
          plan_id: e.planId ?? null,
          actor_ids: e.actorIds ?? null,
          kind: e.kind,
          user_id: e.userId ?? null,
        })),
      ),
      userId,
      CHANGES_CHANNEL,
    ],
  );
  return row?.position ? Number(row.position) : null;
}

const installed = new WeakSet<Database>();

/** Every transaction that changes a followed record also writes its change_log rows, before COMMIT. */
export function installChangeLog(db: Database): void {
  if (installed.has(db)) return;
  installed.add(db);
  db.beforeCommit.push(async (tx, changes) => {
    await appendChanges(tx, entriesOf(changes));
  });
}

/** Rows deleted per transaction when pruning: short transactions, short locks. */
const PRUNE_BATCH = 5_000;

/** What one pruning did: rows deleted, and the horizon it left (null when it did not move). */
export type Pruned = { deleted: number; prunedThrough: number | null };

/**
 * Deletes the changes older than `retentionSeconds` by the database's clock, oldest first, in
 * batches of at most `batch` rows, each in one statement that also moves the horizon
 * (change_log_horizon) to the last position it deleted: a subscriber resuming from a position
 * before the horizon is told to reload (streams.ts) instead of missing what was deleted.
 * Stops after `maxBatches`; the next run goes on.
 */
export async function pruneChangeLog(
  db: Queryable,
  retentionSeconds: number,
  { batch = PRUNE_BATCH, maxBatches = 20 }: { batch?: number; maxBatches?: number } = {},
): Promise<Pruned> {
  const pruned: Pruned = { deleted: 0, prunedThrough: null };
  for (let round = 0; round < maxBatches; round++) {
    const [row] = await db.query<{ deleted: number; through: number | null }>(
      `WITH cut AS (
         SELECT max(position) AS through
         FROM (SELECT position FROM change_log
               WHERE occurred_at < clock_timestamp() - make_interval(secs => $1)
               ORDER BY occurred_at, position LIMIT $2) old
       ), gone AS (
         DELETE FROM change_log c USING cut WHERE c.position <= cut.through RETURNING 1
       ), moved AS (
         UPDATE change_log_horizon h SET pruned_through = cut.through FROM cut
         WHERE cut.through > h.pruned_through RETURNING h.pruned_through
       )
       SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT max(pruned_through) FROM moved) AS through`,
      [retentionSeconds, batch],
    );
    pruned.deleted += row.deleted;
    pruned.prunedThrough = row.through ?? pruned.prunedThrough;
    if (row.deleted < batch) break;
  }
  return pruned;
}
