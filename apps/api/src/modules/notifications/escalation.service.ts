import type { Database, Transaction } from '../../db/database';
import { appendChanges } from '../live/change-log';

export type EscalationReason = 'ASSIGNMENT_OVERDUE' | 'LEAD_DECLINED';

type Candidate = {
  assignmentId: string;
  holderId: string;
  holderName: string;
  taskTitle: string;
  planId: string;
  leadActorId: string;
  respondBy: Date | null;
  reason: string | null;
};

const candidates = `SELECT ta.id AS "assignmentId", ta.actor_id AS "holderId", a.name AS "holderName", t.title AS "taskTitle",
    t.plan_id AS "planId", p.lead_actor_id AS "leadActorId", ta.respond_by AS "respondBy", ta.reason
  FROM task_assignment ta
  JOIN task t ON t.id = ta.task_id
  JOIN response_plan p ON p.id = t.plan_id
  JOIN actor a ON a.id = ta.actor_id`;

/** The key that makes an escalation a database fact: the same assignment cannot escalate twice for one reason. */
export const dedupeKey = (reason: EscalationReason, assignmentId: string) =>
  `${reason === 'ASSIGNMENT_OVERDUE' ? 'overdue' : 'lead-declined'}:${assignmentId}`;

function message(reason: EscalationReason, c: Candidate): { title: string; body: string } {
  if (reason === 'ASSIGNMENT_OVERDUE') {
    return {
      title: `Assignment not answered in time: ${c.taskTitle}`,
      body: `${c.holderName} did not answer the assignment of “${c.taskTitle}” by ${c.respondBy?.toISOString() ?? 'its deadline'}.`,
    };
  }
  return {
    title: `Lead declined: ${c.taskTitle}`,
    body: `${c.holderName} declined to lead “${c.taskTitle}”${c.reason ? `: ${c.reason}` : '.'}`,
  };
}

/**
 * Notifies each plan's lead organisation and announces the escalation live, in one transaction.
 * The notification's unique dedupe key decides: of any number of processes escalating the same
 * assignment at once, one inserts it and writes the event; the others insert nothing, so write nothing.
 */
async function escalate(
  tx: Transaction,
  reason: EscalationReason,
  found: readonly Candidate[],
): Promise<number> {
  if (!found.length) return 0;
  const rows = found.map((c) => ({
    actor_id: c.leadActorId,
    kind: reason,
    ...message(reason, c),
    entity_id: c.assignmentId,
    dedupe_key: dedupeKey(reason, c.assignmentId),
  }));
  const inserted = await tx.query<{ entityId: string }>(
    `INSERT INTO notification (actor_id, kind, title, body, entity_type, entity_id, dedupe_key)
     SELECT r.actor_id, r.kind, r.title, r.body, 'TaskAssignment', r.entity_id, r.dedupe_key
     FROM jsonb_to_recordset($1::jsonb) AS r(actor_id uuid, kind text, title text, body text, entity_id uuid, dedupe_key text)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING entity_id AS "entityId"`,
    [JSON.stringify(rows)],
  );
  const byId = new Map(found.map((c) => [c.assignmentId, c]));
  for (const { entityId } of inserted) {
    tx.audit({ action: 'escalateAssignment', entityType: 'TaskAssignment', entityId, details: { reason } });
  }
  await appendChanges(
    tx,
    inserted.map(({ entityId }) => {
      const c = byId.get(entityId) as Candidate;
      return {
        topic: 'ESCALATION',
        entityType: 'TaskAssignment',
        entityId,
        planId: c.planId,
        actorIds: [...new Set([c.holderId, c.leadActorId])],
        kind: 'ESCALATED',
      };
    }),
  );
  return inserted.length;
}

export const escalationService = {
  /**
   * Escalates PROPOSED assignments whose respond-by time has passed, in batches. An answer being
   * given at this moment is waited for (or skipped, to the next sweep), so an assignment answered
   * in time is never reported as unanswered.
   */
  async escalateOverdue(db: Database, batch = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const { seen, escalated } = await db.transaction(async (tx) => {
        const found = await tx.query<Candidate>(
          `${candidates}
           WHERE ta.status = 'PROPOSED' AND ta.respond_by < now()
             AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedupe_key = 'overdue:' || ta.id::text)
           ORDER BY ta.respond_by
           LIMIT $1
           FOR SHARE OF ta SKIP LOCKED`,
          [batch],
        );
        return { seen: found.length, escalated: await escalate(tx, 'ASSIGNMENT_OVERDUE', found) };
      });
      total += escalated;
      if (seen < batch) return total;
    }
  },

  /** Escalates LEAD assignments that were declined. */
  async escalateLeadDeclined(db: Database, assignmentIds: readonly string[]): Promise<number> {
    if (!assignmentIds.length) return 0;
    return db.transaction(async (tx) => {
      const found = await tx.query<Candidate>(
        `${candidates} WHERE ta.id = ANY($1::uuid[]) AND ta.role = 'LEAD' AND ta.status = 'DECLINED'`,
        [assignmentIds],
      );
      return escalate(tx, 'LEAD_DECLINED', found);
    });
  },
};
