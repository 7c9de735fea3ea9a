import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { inMemberPlan } from '../plans/plan.visibility';
import { Revision } from './revision.entity';

/** Newest first is the only order: revision_plan_seq_idx serves it. */
export const revisionList = defineList('revisions', Revision, 'r', {
  POSITION: { expr: 'r.seq', cast: 'bigint' },
});

/**
 * A plan's history is for its members (and administrators): it tells what happened to every part
 * of the plan, so a partner that sees the plan only through its assignment reads none of it.
 */
export const revisionById = (ctx: Context) =>
  ctx.loaders.get('revisionById', () =>
    rowsById<Revision>(ctx.db, revisionList(ctx.db), inMemberPlan(ctx.viewer, 'r.plan_id')),
  );

registerNodeType('Revision', revisionById);
