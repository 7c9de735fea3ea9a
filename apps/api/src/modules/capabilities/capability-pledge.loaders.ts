import { defineList, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { CapabilityPledge } from './capability-pledge.entity';

export type CapabilityPledgeRow = CapabilityPledge & { id: string };

export const capabilityPledgeList = defineList('capabilityPledges', CapabilityPledge, 'c', {});

export const capabilityPledgeById = (ctx: Context) =>
  ctx.loaders.get('capabilityPledgeById', () =>
    rowsById<CapabilityPledgeRow>(ctx.db, capabilityPledgeList(ctx.db)),
  );

/** An actor's pledges, grouped by capability (the actor index's order), oldest pledge first within one. */
export const capabilityPledgesByActorId = (ctx: Context) =>
  ctx.loaders.get('capabilityPledgesByActorId', () =>
    rowsByParent<CapabilityPledgeRow>(
      ctx.db,
      capabilityPledgeList(ctx.db),
      'c.actor_id',
      'c.capability, c.created_at, c.id',
    ),
  );

registerNodeType('CapabilityPledge', capabilityPledgeById);
