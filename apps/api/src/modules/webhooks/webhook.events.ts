import type { WebhookEvent } from '../../common/enums';
import { toGlobalId } from '../../common/ids';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { assignmentReadable, planReadable } from '../../common/visibility';
import type { Change, Queryable } from '../../db/database';
import { alertReadable } from '../alerts/alert.loaders';

/** An assignment is answered when it becomes one of these. */
const ANSWERS = new Set(['ACCEPTED', 'DECLINED', 'COUNTER_PROPOSED']);

type Event = {
  event: WebhookEvent;
  /** Unique per change: the record and the version the change gave it. */
  eventId: string;
  occurredAt: string;
  /** Organisations concerned, as SQL returning actor_id, with `$1` the record's id. */
  concerned: string;
  /** Whether the record is visible to a viewer (alias `x` is the record). */
  table: string;
  readable: (q: Sql, viewer: Viewer) => string;
  recordId: string;
  data: (tx: Queryable) => Promise<Record<string, unknown>>;
};

const gid = (type: string, id: unknown) => (typeof id === 'string' ? toGlobalId(type, id) : null);
const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : ((value as string | null) ?? null);

/**
 * The reach of a subscription: what an integrator token of its organisation with read:graph
 * reads (as a member up to PARTICIPANTS, and as a partner through its own assignments). Events
 * leave the system for a URL, so they carry no more than such a token could fetch.
 */
export function subscriberViewer(actorId: string): Viewer {
  return {
    kind: 'token',
    userId: null,
    sessionId: null,
    tokenId: null,
    memberships: [
      { actorId, role: 'VIEWER' },
      { actorId, role: 'PARTNER' },
    ],
    scopes: ['READ_GRAPH'],
  };
}

/** The webhook events in one transaction's changes. */
export function eventsOf(changes: readonly Change[]): Event[] {
  const events: Event[] = [];
  for (const c of changes) {
    const { before, after } = c;
    if (!after) continue;
    const eventId = (event: WebhookEvent) => `${event}:${c.entityId}:${after.version ?? 'new'}`;
    const occurredAt = iso(after.updatedAt) ?? new Date().toISOString();
    if (
      c.entityType === 'TaskAssignment' &&
      before?.status !== undefined &&
      before.status !== after.status &&
      ANSWERS.has(after.status as string)
    ) {
      events.push({
        event: 'ASSIGNMENT_ANSWERED',
        eventId: eventId('ASSIGNMENT_ANSWERED'),
        occurredAt,
        recordId: c.entityId,
        table: 'task_assignment',
        readable: (q, v) => assignmentReadable(q, v, 'x'),
        concerned: `SELECT ta.actor_id FROM task_assignment ta WHERE ta.id = $1
          UNION SELECT pp.actor_id FROM task_assignment ta JOIN task t ON t.id = ta.task_id
            JOIN plan_participant pp ON pp.plan_id = t.plan_id WHERE ta.id = $1`,
        data: async (tx) => {
          const [task] = await tx.query<{ planId: string }>(
            'SELECT plan_id AS "planId" FROM task WHERE id = $1',
            [after.taskId],
          );
          return {
            assignmentId: gid('TaskAssignment', c.entityId),
            taskId: gid('Task', after.taskId),
            planId: gid('ResponsePlan', task?.planId),
            actorId: gid('Actor', after.actorId),
            role: after.role,
            status: after.status,
            previousStatus: before.status,
            reason: after.reason ?? null,
            proposedDueOn: after.proposedDueOn ?? null,
            respondedAt: iso(after.respondedAt),
          };
        },
      });
    }
    if (
      c.entityType === 'ResponsePlan' &&
      before?.status !== undefined &&
      after.status &&
      before.status !== after.status
    ) {
      events.push({
        event: 'PLAN_STATUS_CHANGED',
        eventId: eventId('PLAN_STATUS_CHANGED'),
        occurredAt,
        recordId: c.entityId,
        table: 'response_plan',
        readable: (q, v) => planReadable(q, v, 'x'),
        concerned: 'SELECT pp.actor_id FROM plan_participant pp WHERE pp.plan_id = $1',
        data: async () => ({
          planId: gid('ResponsePlan', c.entityId),
          title: after.title,
          status: after.status,
          previousStatus: before.status,
          leadActorId: gid('Actor', after.leadActorId),
          situationId: gid('Situation', after.situationId),
        }),
      });
    }
    if (c.entityType === 'Alert' && after.state === 'ISSUED' && before?.state !== 'ISSUED') {
      events.push({
        event: 'ALERT_ISSUED',
        eventId: eventId('ALERT_ISSUED'),
        occurredAt: iso(after.issuedAt) ?? occurredAt,
        recordId: c.entityId,
        table: 'alert',
        readable: (q, v) => alertReadable(q, v, 'x'),
        concerned: `SELECT al.sender_actor_id FROM alert al WHERE al.id = $1
          UNION SELECT r.actor_id FROM alert_recipient r WHERE r.alert_id = $1`,
        data: async () => {
          const alertId = gid('Alert', c.entityId) as string;
          return {
            alertId,
            identifier: after.identifier,
            situationId: gid('Situation', after.situationId),
            senderActorId: gid('Actor', after.senderActorId),
            headline: after.headline,
            status: after.status,
            msgType: after.msgType,
            scope: after.scope,
            urgency: after.urgency,
            severity: after.severity,
            certainty: after.certainty,
            issuedAt: iso(after.issuedAt),
            cap: `/exports/alerts/${alertId}.xml`,
          };
        },
      });
    }
  }
  return events;
}

/**
 * For each event, a delivery per active subscription to it of an organisation concerned that may
 * see the record — written in the transaction of the change, so an event exists exactly when the
 * change committed, and once (unique per subscription and event). Returns the new deliveries.
 */
export async function recordDeliveries(tx: Queryable, changes: readonly Change[]): Promise<string[]> {
  const events = eventsOf(changes);
  const created: string[] = [];
  for (const e of events) {
    const subscriptions = await tx.query<{ id: string; actorId: string }>(
      `SELECT s.id, s.actor_id AS "actorId" FROM webhook_subscription s
       WHERE s.active AND $2 = ANY(s.events) AND s.actor_id IN (${e.concerned})`,
      [e.recordId, e.event],
    );
    if (!subscriptions.length) continue;
    const seeing = new Set<string>();
    for (const actorId of new Set(subscriptions.map((s) => s.actorId))) {
      const q = new Sql();
      q.and(`x.id = ${q.p(e.recordId)}::uuid`);
      q.and(e.readable(q, subscriberViewer(actorId)));
      if ((await tx.query(`SELECT 1 FROM ${e.table} x ${q.whereClause()}`, q.params)).length)
        seeing.add(actorId);
    }
    const targets = subscriptions.filter((s) => seeing.has(s.actorId));
    if (!targets.length) continue;
    const payload = { id: e.eventId, event: e.event, occurredAt: e.occurredAt, data: await e.data(tx) };
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO webhook_delivery (subscription_id, event_id, event, payload)
       SELECT unnest($1::uuid[]), $2, $3, $4::jsonb
       ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
      [targets.map((s) => s.id), e.eventId, e.event, JSON.stringify(payload)],
    );
    created.push(...rows.map((r) => r.id));
  }
  return created;
}
