import type { ListSpec } from '../../common/listing';
import { listSpec, rowsByParent } from '../../common/listing';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { inMemberPlan, underReadable } from '../plans/plan.visibility';
import { Presence } from './presence.entity';

/** A presence row with what a list of who is here shows beside it. */
export type PresenceRow = Presence & { displayName: string; organisationId: string | null };

const specs = new WeakMap<Database, ListSpec>();

/**
 * Presence rows with the person's name and the organisation they are there for: the one of their
 * memberships that takes part in the plan, else their first.
 */
function presenceList(db: Database): ListSpec {
  let spec = specs.get(db);
  if (!spec) {
    const cols = db.columns(Presence);
    spec = listSpec({
      name: 'presence',
      from: `${cols.table} pr JOIN user_account pu ON pu.id = pr.user_id`,
      alias: 'pr',
      select: `${cols.select('pr')}, pu.display_name AS "displayName",
        (SELECT m.actor_id FROM membership m
         LEFT JOIN plan_participant pp ON pp.plan_id = pr.plan_id AND pp.actor_id = m.actor_id
         WHERE m.user_id = pr.user_id ORDER BY (pp.id IS NULL), m.created_at, m.id LIMIT 1) AS "organisationId"`,
      orders: {},
      // Not projected: the joined columns are not in `columns`.
      columns: cols.column,
      keyReaders: new Set(),
    });
    specs.set(db, spec);
  }
  return spec;
}

/** Who has each plan open now (lapsed entries are gone), for its members; longest there first. */
export const presenceByPlanId = (ctx: Context) =>
  ctx.loaders.get('presenceByPlanId', () =>
    rowsByParent<PresenceRow>(ctx.db, presenceList(ctx.db), 'pr.plan_id', 'pr.updated_at, pr.id', (q) => {
      q.and('pr.expires_at > now()');
      underReadable(ctx.viewer, inMemberPlan(ctx.viewer, 'pr.plan_id'))(q);
    }),
  );
