import { can } from '../../common/authz';
import { defineList, type Filter, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import type { Context } from '../../context';
import { CapabilityPledge } from './capability-pledge.entity';

export type CapabilityPledgeRow = CapabilityPledge & { id: string };

export const capabilityPledgeList = defineList('capabilityPledges', CapabilityPledge, 'c', {});

/**
 * Pledges are for signed-in readers of the graph (people, tokens with READ_GRAPH): the actor
 * registry they belong to is public, the pledges are not.
 */
const pledgeVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(can(viewer, 'graph.read') ? 'TRUE' : 'FALSE');
  };

export const capabilityPledgeById = (ctx: Context) =>
  ctx.loaders.get('capabilityPledgeById', () =>
    rowsById<CapabilityPledgeRow>(ctx.db, capabilityPledgeList(ctx.db), pledgeVisible(ctx.viewer)),
  );

/** An actor's pledges, grouped by capability (the actor index's order), oldest pledge first within one. */
export const capabilityPledgesByActorId = (ctx: Context) =>
  ctx.loaders.get('capabilityPledgesByActorId', () =>
    rowsByParent<CapabilityPledgeRow>(
      ctx.db,
      capabilityPledgeList(ctx.db),
      'c.actor_id',
      'c.capability, c.created_at, c.id',
      pledgeVisible(ctx.viewer),
    ),
  );

registerNodeType('CapabilityPledge', capabilityPledgeById);
