import { randomUUID } from 'node:crypto';
import { actorIdsWith, authorize, can, isAdmin, requireSignedIn } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, listPage, type Order } from '../../common/listing';
import { conflict, insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Queryable } from '../../db/database';
import { userById } from '../accounts/account.loaders';
import type { User } from '../accounts/user.entity';
import { actorService } from '../actors/actor.service';
import { moveState, recordReason, refusedStep, type Step } from '../risk/workflow';
import { situationService } from '../situations/situation.service';
import { Alert } from './alert.entity';
import type {
  AcknowledgeAlertInput,
  AlertFilter,
  AlertOrder,
  CloseAlertInput,
  CreateAlertInput,
  EscalateAlertInput,
  IssueAlertInput,
  SituationAlertFilter,
  UpdateAlertInput,
} from './alert.inputs';
import {
  type AlertRecipientRow,
  alertById,
  alertList,
  alertVisible,
  recipientsByAlertId,
} from './alert.loaders';
import { setRecipients } from './recipients';
import { areaOf } from './threshold';

const newestFirst: Order = { field: 'CREATED_AT', direction: 'DESC' };

const step = (verb: string, from: readonly string[], to: string, also?: string[]): Step => ({
  what: 'alert',
  verb,
  column: 'state',
  enumType: 'alert_state',
  from,
  to,
  also,
});

/** The workflow DRAFT → ISSUED → ACKNOWLEDGED → ESCALATED → CLOSED, step by step. */
export const ALERT_STEPS = {
  issue: step('issued', ['DRAFT'], 'ISSUED', ['issued_at = now()']),
  escalate: step('escalated', ['ISSUED', 'ACKNOWLEDGED'], 'ESCALATED'),
  close: step('closed', ['DRAFT', 'ISSUED', 'ACKNOWLEDGED', 'ESCALATED'], 'CLOSED', ['closed_at = now()']),
  edit: step('edited', ['DRAFT'], 'DRAFT'),
  acknowledge: step('acknowledged', ['ISSUED', 'ESCALATED'], 'ACKNOWLEDGED'),
} as const;

/** The action the reason of an escalation is recorded under in the audit log. */
export const ESCALATION_REASON = 'alert.escalate';

function alertFilter(ctx: Context, filter: AlertFilter | SituationAlertFilter | null | undefined): Filter {
  const situationGid = filter && 'situationId' in filter ? filter.situationId : null;
  const situationId = situationGid ? fromGlobalId('Situation', situationGid, 'filter.situationId') : null;
  const visible = alertVisible(ctx.viewer);
  return (q) => {
    visible(q);
    if (situationId) q.and(`al.situation_id = ${q.p(situationId)}::uuid`);
    if (filter?.states?.length) q.and(q.in('al.state', filter.states, 'alert_state'));
  };
}

/** The sending organisation of a new alert: one the caller is a liaison of (any, for an administrator). */
async function senderOf(ctx: Context, globalId: string | null | undefined): Promise<string> {
  if (globalId) {
    await authorize(ctx, 'alert.manage', fromGlobalId('Actor', globalId, 'senderActorId'));
    return (await actorService.requireActor(ctx, globalId, 'senderActorId')).id;
  }
  await authorize(ctx, 'alert.manage');
  const own = actorIdsWith(ctx.viewer, ['LIAISON'])[0] ?? actorIdsWith(ctx.viewer, ['ADMIN'])[0];
  if (!own) throw badInput('senderActorId', 'name the sending organisation');
  return own;
}

async function recipientIdsOf(ctx: Context, globalIds: readonly string[]): Promise<string[]> {
  const ids = globalIds.map((id) => fromGlobalId('Actor', id, 'recipientIds'));
  const [{ found }] = await ctx.db.query<{ found: number }>(
    'SELECT count(*)::int AS found FROM actor WHERE id = ANY($1::uuid[])',
    [ids],
  );
  if (found !== new Set(ids).size) {
    throw new AppError('NOT_FOUND', 'recipientIds: no actor has one of these ids', { field: 'recipientIds' });
  }
  return ids;
}

/**
 * An alert the viewer may manage: unreadable reads as missing (NOT_FOUND); readable but sent by
 * another organisation is FORBIDDEN, audited.
 */
async function requireManaged(ctx: Context, globalId: string): Promise<Alert> {
  requireSignedIn(ctx);
  const alert = await alertById(ctx).load(fromGlobalId('Alert', globalId));
  if (!alert) throw new AppError('NOT_FOUND', 'alert was not found');
  if (can(ctx.viewer, 'alert.manage', alert.senderActorId)) return alert;
  await ctx.db
    .auditEvent({ action: 'alert.manage', outcome: 'DENIED', entityType: 'Alert', entityId: alert.id })
    .catch(() => undefined);
  throw new AppError('FORBIDDEN', 'only the sending organisation may do this');
}

async function denied(ctx: Context, alert: Alert, message: string): Promise<never> {
  await ctx.db
    .auditEvent({ action: 'alert.acknowledge', outcome: 'DENIED', entityType: 'Alert', entityId: alert.id })
    .catch(() => undefined);
  throw new AppError('FORBIDDEN', message);
}

/** Locks the alert and refuses a change the state it is in does not allow. */
async function lockIn(
  ctx: Context,
  tx: Queryable,
  id: string,
  allowed: Step,
  expectedVersion: number | null,
): Promise<Alert> {
  const cols = ctx.db.columns(Alert);
  const [row] = await tx.query<Alert>(`SELECT ${cols.select('t')} FROM alert t WHERE t.id = $1 FOR UPDATE`, [
    id,
  ]);
  if (!row) throw new AppError('NOT_FOUND', 'alert was not found');
  if (expectedVersion !== null && row.version !== expectedVersion) throw conflict('alert', row);
  if (!allowed.from.includes(row.state)) throw refusedStep(allowed, row.state, row.version);
  return row;
}

async function move(
  ctx: Context,
  input: { id: string; expectedVersion: number },
  which: Step,
  reason?: string,
) {
  const existing = await requireManaged(ctx, input.id);
  const alert = await ctx.db.transaction(async (tx) => {
    await lockIn(ctx, tx, existing.id, which, input.expectedVersion);
    if (which === ALERT_STEPS.issue) {
      const [{ n }] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM alert_recipient WHERE alert_id = $1',
        [existing.id],
      );
      if (!n) throw badInput('recipientIds', 'an alert needs at least one recipient to be issued');
    }
    const moved = await moveState<Alert>(
      tx,
      ctx.db.columns(Alert),
      which,
      existing.id,
      input.expectedVersion,
    );
    if (reason !== undefined) recordReason(tx, ESCALATION_REASON, 'Alert', existing.id, reason);
    return moved;
  });
  ctx.loaders.clear();
  return alert;
}

export const alertService = {
  /**
   * Who acknowledged for a recipient organisation: shown to members of that organisation and of
   * the sender, and to administrators; others (e.g. readers of a PUBLIC alert) see only that and
   * when it was acknowledged, not by whom.
   */
  acknowledgedBy(ctx: Context, recipient: AlertRecipientRow): Promise<User | null> | null {
    if (!recipient.acknowledgedByUserId) return null;
    const member = ctx.viewer.memberships.some(
      (m) => m.actorId === recipient.actorId || m.actorId === recipient.senderActorId,
    );
    if (!member && !isAdmin(ctx.viewer)) return null;
    return userById(ctx).load(recipient.acknowledgedByUserId);
  },

  list(
    ctx: Context,
    args: PageArgs,
    filter?: AlertFilter | null,
    orderBy?: AlertOrder | null,
  ): Promise<Connection<Alert>> {
    requireSignedIn(ctx);
    return listPage(
      ctx.db,
      alertList(ctx.db),
      alertFilter(ctx, filter),
      orderBy ?? newestFirst,
      toPage(args),
    );
  },

  forSituation(
    ctx: Context,
    situationId: string,
    args: PageArgs,
    filter?: SituationAlertFilter | null,
    orderBy?: AlertOrder | null,
  ): Promise<Connection<Alert>> {
    return childPage(ctx, alertList(ctx.db), 'al.situation_id', situationId, {
      filterKey: filter ?? null,
      filter: alertFilter(ctx, filter),
      order: orderBy ?? newestFirst,
      args,
    });
  },

  async get(ctx: Context, globalId: string): Promise<Alert> {
    const alert = await alertById(ctx).load(fromGlobalId('Alert', globalId));
    if (!alert) throw new AppError('NOT_FOUND', 'alert was not found');
    return alert;
  },

  async create(ctx: Context, input: CreateAlertInput): Promise<Alert> {
    const senderActorId = await senderOf(ctx, input.senderActorId);
    const situation = await situationService.requireSituation(ctx, input.situationId, 'situationId');
    const recipients = await recipientIdsOf(ctx, input.recipientIds ?? []);
    const alert = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<Alert>(tx, ctx.db.columns(Alert), {
        identifier: `urn:concord:alert:${randomUUID()}`,
        situationId: situation.id,
        senderActorId,
        status: input.status ?? (situation.isExercise ? 'EXERCISE' : 'ACTUAL'),
        msgType: input.msgType ?? undefined,
        scope: input.scope ?? undefined,
        urgency: input.urgency,
        severity: input.severity,
        certainty: input.certainty,
        headline: input.headline,
        description: input.description ?? null,
        instruction: input.instruction ?? null,
        areaDesc: input.areaDesc ?? areaOf(situation),
      });
      await setRecipients(tx, created.id, recipients);
      return created;
    });
    ctx.loaders.clear();
    return alert;
  },

  async update(ctx: Context, input: UpdateAlertInput): Promise<Alert> {
    const existing = await requireManaged(ctx, input.id);
    const { id: _id, expectedVersion, recipientIds, ...fields } = input;
    for (const field of [
      'headline',
      'areaDesc',
      'urgency',
      'severity',
      'certainty',
      'status',
      'msgType',
      'scope',
    ] as const) {
      if (fields[field] === null) throw badInput(field, 'cannot be empty');
    }
    const recipients = recipientIds == null ? null : await recipientIdsOf(ctx, recipientIds);
    const alert = await ctx.db.transaction(async (tx) => {
      await lockIn(ctx, tx, existing.id, ALERT_STEPS.edit, expectedVersion);
      const updated = await updateRow<Alert>(
        tx,
        ctx.db.columns(Alert),
        'alert',
        existing.id,
        expectedVersion,
        fields,
      );
      if (recipients) await setRecipients(tx, existing.id, recipients);
      return updated;
    });
    ctx.loaders.clear();
    return alert;
  },

  issue(ctx: Context, input: IssueAlertInput): Promise<Alert> {
    return move(ctx, input, ALERT_STEPS.issue);
  },

  escalate(ctx: Context, input: EscalateAlertInput): Promise<Alert> {
    return move(ctx, input, ALERT_STEPS.escalate, input.reason.trim());
  },

  close(ctx: Context, input: CloseAlertInput): Promise<Alert> {
    return move(ctx, input, ALERT_STEPS.close);
  },

  /**
   * A recipient organisation acknowledges: the caller must hold 'alert.acknowledge' in it. An alert
   * the caller cannot read is NOT_FOUND; one it reads but is not addressed to its organisation is
   * FORBIDDEN. When every recipient has acknowledged, an ISSUED alert becomes ACKNOWLEDGED (an
   * ESCALATED one stays escalated).
   */
  async acknowledge(ctx: Context, input: AcknowledgeAlertInput): Promise<Alert> {
    const viewer = requireSignedIn(ctx);
    const alert = await alertById(ctx).load(fromGlobalId('Alert', input.id));
    if (!alert) throw new AppError('NOT_FOUND', 'alert was not found');
    const recipients = (await recipientsByAlertId(ctx).load(alert.id)).map((r) => r.actorId);
    let actorIds: string[];
    if (input.actorId) {
      const actorId = fromGlobalId('Actor', input.actorId, 'actorId');
      if (!can(viewer, 'alert.acknowledge', actorId))
        return denied(ctx, alert, 'you may not acknowledge for this organisation');
      if (!recipients.includes(actorId)) throw badInput('actorId', 'is not a recipient of this alert');
      actorIds = [actorId];
    } else {
      const own = new Set(viewer.memberships.map((m) => m.actorId));
      actorIds = recipients.filter((id) => own.has(id) && can(viewer, 'alert.acknowledge', id));
      if (!actorIds.length) return denied(ctx, alert, 'your organisation is not a recipient of this alert');
    }
    const cols = ctx.db.columns(Alert);
    const acknowledged = await ctx.db.transaction(async (tx) => {
      const locked = await lockIn(ctx, tx, alert.id, ALERT_STEPS.acknowledge, null);
      const done = await tx.query<{ actorId: string }>(
        `UPDATE alert_recipient SET acknowledged_at = now(), acknowledged_by_user_id = $3
         WHERE alert_id = $1 AND actor_id = ANY($2::uuid[]) AND acknowledged_at IS NULL RETURNING actor_id AS "actorId"`,
        [alert.id, actorIds, viewer.userId],
      );
      if (!done.length) {
        throw new AppError('CONFLICT', 'your organisation has already acknowledged this alert', {
          currentState: locked.state,
          currentVersion: locked.version,
        });
      }
      const [row] = await tx.query<Alert & { __before: Record<string, unknown> }>(
        `WITH old AS (SELECT ${cols.select('o')} FROM alert o WHERE o.id = $1)
         UPDATE alert AS t SET version = t.version + 1, updated_at = now(),
           state = CASE WHEN t.state = 'ISSUED' AND NOT EXISTS (
             SELECT 1 FROM alert_recipient r WHERE r.alert_id = t.id AND r.acknowledged_at IS NULL)
             THEN 'ACKNOWLEDGED'::alert_state ELSE t.state END
         FROM old WHERE t.id = old.id RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
        [alert.id],
      );
      const { __before: before, ...after } = row;
      tx.record({
        entityType: cols.name,
        entityId: alert.id,
        kind: 'update',
        before: { ...before, acknowledgedBy: null },
        after: { ...after, acknowledgedBy: done.map((d) => d.actorId) },
      });
      return after as Alert;
    });
    ctx.loaders.clear();
    return acknowledged;
  },
};
