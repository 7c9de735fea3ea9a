import { authorize, isAdmin, requireSignedIn } from '../../common/authz';
import { AppError } from '../../common/errors';
import { insertRow } from '../../common/writes';
import type { Context } from '../../context';
import { situationService } from '../situations/situation.service';
import type { SetAlertRuleInput } from './alert.inputs';
import { type AlertRuleRow, alertRuleBySituationId } from './alert.loaders';
import { AlertRule } from './alert-rule.entity';

export const alertRuleService = {
  /** The rule in force for a situation: its own, else the global one; null when there is none. */
  forSituation(ctx: Context, situationId: string): Promise<AlertRuleRow | null> {
    return alertRuleBySituationId(ctx).load(situationId);
  },

  /**
   * Sets a situation's rule (liaisons and administrators) or the global one (administrators: it
   * speaks for every situation). One rule per situation and one global rule: the change is
   * serialised per rule by an advisory lock, since the unique index does not cover the global
   * rule's NULL situation.
   */
  async set(ctx: Context, input: SetAlertRuleInput): Promise<AlertRule> {
    let situationId: string | null = null;
    if (input.situationId) {
      await authorize(ctx, 'alert.manage');
      situationId = (await situationService.requireSituation(ctx, input.situationId, 'situationId')).id;
    } else {
      requireSignedIn(ctx);
      if (!isAdmin(ctx.viewer)) {
        await ctx.db.auditEvent({ action: 'alert.rule.global', outcome: 'DENIED' }).catch(() => undefined);
        throw new AppError('FORBIDDEN', 'only administrators set the global alert rule');
      }
    }
    const cols = ctx.db.columns(AlertRule);
    const values = { minLevel: input.minLevel, active: input.active ?? true };
    const rule = await ctx.db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('alert_rule:' || COALESCE($1::text, 'global'), 0))`,
        [situationId],
      );
      const [existing] = await tx.query<{ id: string }>(
        'SELECT id FROM alert_rule WHERE situation_id IS NOT DISTINCT FROM $1::uuid',
        [situationId],
      );
      if (!existing) return insertRow<AlertRule>(tx, cols, { situationId, ...values });
      const [row] = await tx.query<AlertRule & { __before: Record<string, unknown> }>(
        `WITH old AS (SELECT ${cols.select('o')} FROM alert_rule o WHERE o.id = $1 FOR UPDATE)
         UPDATE alert_rule AS t SET min_level = $2, active = $3 FROM old WHERE t.id = old.id
         RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
        [existing.id, values.minLevel, values.active],
      );
      const { __before: before, ...after } = row;
      tx.record({ entityType: cols.name, entityId: existing.id, kind: 'update', before, after });
      return after as AlertRule;
    });
    ctx.loaders.clear();
    return rule;
  },
};
