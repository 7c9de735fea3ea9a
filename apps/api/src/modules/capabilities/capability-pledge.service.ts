import { authorize } from '../../common/authz';
import { badInput, explainConstraint, notFound } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { actorService } from '../actors/actor.service';
import { CapabilityPledge } from './capability-pledge.entity';
import type { PledgeCapabilityInput, UpdateCapabilityPledgeInput } from './capability-pledge.inputs';
import {
  type CapabilityPledgeRow,
  capabilityPledgeById,
  capabilityPledgesByActorId,
} from './capability-pledge.loaders';

explainConstraint('capability_pledge_quantity', 'quantity', 'must be at least 1');
explainConstraint('capability_pledge_readiness', 'readinessDays', 'must not be negative');

export const capabilityPledgeService = {
  ofActor(ctx: Context, actor: Actor): Promise<CapabilityPledgeRow[]> {
    return capabilityPledgesByActorId(ctx).load(actor.id);
  },

  actor(ctx: Context, pledge: CapabilityPledge) {
    return actorById(ctx).load(pledge.actorId);
  },

  async pledge(ctx: Context, input: PledgeCapabilityInput): Promise<CapabilityPledgeRow> {
    await authorize(ctx, 'capability.pledge');
    // A liaison pledges for their own organisation only.
    await authorize(ctx, 'capability.pledge', fromGlobalId('Actor', input.actorId, 'actorId'));
    const actor = await actorService.requireActor(ctx, input.actorId, 'actorId');
    const pledge = await ctx.db.transaction((tx) =>
      insertRow<CapabilityPledgeRow>(tx, ctx.db.columns(CapabilityPledge), { ...input, actorId: actor.id }),
    );
    ctx.loaders.clear();
    return pledge;
  },

  async update(ctx: Context, input: UpdateCapabilityPledgeInput): Promise<CapabilityPledgeRow> {
    await authorize(ctx, 'capability.pledge');
    const id = fromGlobalId('CapabilityPledge', input.id);
    const { id: _id, expectedVersion, ...patch } = input;
    for (const field of ['capability', 'quantity', 'readinessDays'] as const) {
      if (patch[field] === null) throw badInput(field, 'cannot be empty');
    }
    const current = await capabilityPledgeById(ctx).load(id);
    if (!current) throw notFound('capability pledge');
    await authorize(ctx, 'capability.pledge', current.actorId);
    const pledge = await ctx.db.transaction((tx) =>
      updateRow<CapabilityPledgeRow>(
        tx,
        ctx.db.columns(CapabilityPledge),
        'capability pledge',
        id,
        expectedVersion,
        patch,
      ),
    );
    ctx.loaders.clear();
    return pledge;
  },
};
