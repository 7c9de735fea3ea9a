import type { Connection, PageArgs } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, type Order } from '../../common/listing';
import type { Context } from '../../context';
import { responsePlanById } from '../plans/plan.loaders';
import { both, inMemberPlan, underReadable } from '../plans/plan.visibility';
import { requireRecord } from '../plans/reference.loaders';
import type { ResponsePlan } from '../plans/response-plan.entity';
import { planAsOf } from './as-of';
import type { PlanSnapshot } from './as-of.types';
import type { RestoreRevisionFieldInput, RevisionFilter, RevisionOrder } from './history.inputs';
import { revisionById, revisionList } from './history.loaders';
import { restorerOf } from './restore';
import { Revision } from './revision.entity';
import { HISTORY_TYPES } from './revision-entries';

const newestFirst: Order = { field: 'POSITION', direction: 'DESC' };

function askedRevisions(filter: RevisionFilter | null | undefined): Filter {
  if (filter?.entityType && !HISTORY_TYPES.has(filter.entityType)) {
    throw badInput('filter.entityType', `must be one of ${[...HISTORY_TYPES].join(', ')}`);
  }
  const userId = filter?.userId ? fromGlobalId('User', filter.userId, 'filter.userId') : null;
  return (q) => {
    if (filter?.entityType) q.and(`r.entity_type = ${q.p(filter.entityType)}`);
    if (userId) q.and(`r.user_id = ${q.p(userId)}::uuid`);
  };
}

export const historyService = {
  /** A plan's history, newest first; empty for a viewer who reads the plan only through an assignment. */
  ofPlan(
    ctx: Context,
    plan: ResponsePlan,
    args: PageArgs,
    filter?: RevisionFilter | null,
    orderBy?: RevisionOrder | null,
  ): Promise<Connection<Revision>> {
    return childPage(ctx, revisionList(ctx.db), 'r.plan_id', plan.id, {
      filterKey: filter,
      filter: both(askedRevisions(filter), underReadable(ctx.viewer, inMemberPlan(ctx.viewer, 'r.plan_id'))),
      order: orderBy ?? newestFirst,
      args,
    });
  },

  async planAsOf(ctx: Context, planGlobalId: string, revisionGlobalId: string): Promise<PlanSnapshot> {
    const plan = await requireRecord(
      responsePlanById(ctx),
      'ResponsePlan',
      planGlobalId,
      'id',
      'response plan',
    );
    const revision = await requireRecord(
      revisionById(ctx),
      'Revision',
      revisionGlobalId,
      'revisionId',
      'revision',
    );
    if (revision.planId !== plan.id) {
      throw new AppError('NOT_FOUND', 'revisionId: no revision of this plan has this id', {
        field: 'revisionId',
      });
    }
    const snapshot = await planAsOf(ctx.db, plan.id, revision);
    if (!snapshot)
      throw new AppError('NOT_FOUND', 'revisionId: the plan has no recorded state at this revision', {
        field: 'revisionId',
      });
    return snapshot;
  },

  /**
   * Sets one field back to its value before the revision, through the record's own update (same
   * rules, same authorization, compare-and-set on expectedVersion): the restore is a change like any
   * other and makes a revision of its own.
   */
  async restoreField(
    ctx: Context,
    input: RestoreRevisionFieldInput,
  ): Promise<{ record: { id: string }; revision: Revision | null }> {
    const revision = await requireRecord(
      revisionById(ctx),
      'Revision',
      input.revisionId,
      'revisionId',
      'revision',
    );
    if (revision.kind !== 'UPDATE') {
      throw badInput(
        'revisionId',
        `this revision ${revision.kind === 'CREATE' ? 'created' : 'deleted'} the record; only a change to a field can be restored`,
      );
    }
    const changed = revision.fields as Record<string, { before: unknown }>;
    const change = Object.hasOwn(changed, input.field) ? changed[input.field] : undefined;
    if (!change) throw badInput('field', `this revision did not change ${input.field}`);
    const restore = restorerOf(revision.entityType, input.field);
    if (!restore) throw badInput('field', `${input.field} of a ${revision.entityType} cannot be restored`);
    const record = await restore(ctx, revision.entityId, input.expectedVersion, change.before);
    // The revision of exactly this write: the one that left the record at its new version.
    const cols = ctx.db.columns(Revision);
    const [made] = await ctx.db.query<Revision>(
      `SELECT ${cols.select('r')} FROM revision r
       WHERE r.entity_type = $1 AND r.entity_id = $2 AND r.snapshot ->> 'version' = $3::text`,
      [revision.entityType, revision.entityId, record.version],
    );
    return { record: Object.assign(record, { __typename: revision.entityType }), revision: made ?? null };
  },
};
