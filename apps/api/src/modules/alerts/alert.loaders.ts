import DataLoader from 'dataloader';
import { isAdmin } from '../../common/authz';
import { defineList, type Filter, type ListSpec, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { situationReadable } from '../../common/visibility';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { Alert } from './alert.entity';
import { AlertRecipient } from './alert-recipient.entity';
import { AlertRule } from './alert-rule.entity';

/** Ordered through alert_created_idx, alert_situation_idx and alert_state_idx (…, created_at, id). */
export const alertList = defineList('alerts', Alert, 'al', {
  CREATED_AT: { expr: 'al.created_at', cast: 'timestamptz' },
});

const recipientBase = defineList('alertRecipients', AlertRecipient, 'ar', {});
const ruleList = defineList('alertRules', AlertRule, 'rl', {});

/** Recipients with their organisation's name (to list them alphabetically) and their alert's sender. */
function recipientList(db: Database): ListSpec {
  const base = recipientBase(db);
  return {
    ...base,
    from: `${base.from} JOIN actor ar_a ON ar_a.id = ar.actor_id JOIN alert ar_al ON ar_al.id = ar.alert_id`,
    select: `${base.select}, ar_al.sender_actor_id AS "senderActorId"`,
  };
}

export type AlertRecipientRow = AlertRecipient & { id: string; senderActorId: string };
export type AlertRuleRow = AlertRule;

/**
 * Who reads an alert (alias `al`): members of its sender organisation (drafts included), members
 * of a recipient organisation once it is issued, every signed-in reader of the graph once a PUBLIC
 * one is issued, and administrators. A draft has not been sent: only its authors see it.
 */
export function alertReadable(q: Sql, viewer: Viewer, al: string): string {
  if (isAdmin(viewer)) return 'TRUE';
  const graph = situationReadable(viewer);
  if (graph !== 'TRUE') return graph;
  const clauses = [`(${al}.scope = 'PUBLIC' AND ${al}.state <> 'DRAFT')`];
  const actorIds = viewer.memberships.map((m) => m.actorId);
  if (actorIds.length) {
    const ids = q.p(actorIds);
    clauses.push(
      `${al}.sender_actor_id = ANY(${ids}::uuid[])`,
      `(${al}.state <> 'DRAFT' AND EXISTS (SELECT 1 FROM alert_recipient var WHERE var.alert_id = ${al}.id AND var.actor_id = ANY(${ids}::uuid[])))`,
    );
  }
  return `(${clauses.join(' OR ')})`;
}

export const alertVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(alertReadable(q, viewer, 'al'));
  };

export const alertById = (ctx: Context) =>
  ctx.loaders.get('alertById', () => rowsById<Alert>(ctx.db, alertList(ctx.db), alertVisible(ctx.viewer)));

/** For writes: the alert whatever the viewer reads, to tell "not yours" from "not there". */
export const anyAlertById = (ctx: Context) =>
  ctx.loaders.get('alerts.anyAlertById', () => rowsById<Alert>(ctx.db, alertList(ctx.db)));

/** Recipients of alerts the viewer was already shown (every path to an alert applies the rule). */
export const recipientsByAlertId = (ctx: Context) =>
  ctx.loaders.get('recipientsByAlertId', () =>
    rowsByParent<AlertRecipientRow>(ctx.db, recipientList(ctx.db), 'ar.alert_id', 'ar_a.name, ar.actor_id'),
  );

/** Alert rules are read by every signed-in reader of the graph; they hold no content. */
const ruleVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(situationReadable(viewer));
  };

export const alertRuleById = (ctx: Context) =>
  ctx.loaders.get('alertRuleById', () =>
    rowsById<AlertRuleRow>(ctx.db, ruleList(ctx.db), ruleVisible(ctx.viewer)),
  );

/**
 * The rule in force for each situation, one statement per batch: its own rule (even an inactive
 * one, which switches alerts off), else the global rule.
 */
export const alertRuleBySituationId = (ctx: Context) =>
  ctx.loaders.get(
    'alertRuleBySituationId',
    () =>
      new DataLoader<string, AlertRuleRow | null>(async (situationIds) => {
        const spec = ruleList(ctx.db);
        const rows = await ctx.db.query<AlertRuleRow & { __situation: string }>(
          `SELECT DISTINCT ON (s.id) ${spec.select}, s.id AS "__situation"
           FROM unnest($1::uuid[]) AS s(id) JOIN ${spec.from} ON rl.situation_id = s.id OR rl.situation_id IS NULL
           WHERE ${situationReadable(ctx.viewer)}
           ORDER BY s.id, rl.situation_id NULLS LAST, rl.id`,
          [situationIds],
        );
        const bySituation = new Map(
          rows.map(({ __situation, ...rule }) => [__situation, rule as AlertRuleRow]),
        );
        return situationIds.map((id) => bySituation.get(id) ?? null);
      }),
  );

registerNodeType('Alert', alertById);
registerNodeType('AlertRule', alertRuleById);
