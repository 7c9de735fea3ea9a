import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { CapabilityPledge } from './capability-pledge.entity';
import {
  PledgeCapabilityInput,
  PledgeCapabilityPayload,
  UpdateCapabilityPledgeInput,
  UpdateCapabilityPledgePayload,
} from './capability-pledge.inputs';
import { capabilityPledgeService } from './capability-pledge.service';

@Resolver(() => CapabilityPledge)
export class CapabilityPledgeResolver {
  @FieldResolver(() => Actor, { description: 'The actor that pledged.' })
  actor(@Parent() pledge: CapabilityPledge, @Ctx() ctx: Context) {
    return capabilityPledgeService.actor(ctx, pledge);
  }

  @Mutation(() => PledgeCapabilityPayload)
  async pledgeCapability(
    @Arg('input', () => PledgeCapabilityInput) input: PledgeCapabilityInput,
    @Ctx() ctx: Context,
  ) {
    return { capabilityPledge: await capabilityPledgeService.pledge(ctx, input) };
  }

  @Mutation(() => UpdateCapabilityPledgePayload)
  async updateCapabilityPledge(
    @Arg('input', () => UpdateCapabilityPledgeInput) input: UpdateCapabilityPledgeInput,
    @Ctx() ctx: Context,
  ) {
    return { capabilityPledge: await capabilityPledgeService.update(ctx, input) };
  }
}

/** What an actor can deploy, added to Actor from this module. */
@Resolver(() => Actor)
export class ActorCapabilitiesResolver {
  @FieldResolver(() => [CapabilityPledge], { description: 'What this actor has pledged it can deploy.' })
  capabilityPledges(@Parent() actor: Actor, @Ctx() ctx: Context) {
    return capabilityPledgeService.ofActor(ctx, actor);
  }
}
