import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import { DateTimeScalar } from '../../common/scalars';
import type { Context } from '../../context';
import { userById } from '../accounts/account.loaders';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { ResponsePlan } from '../plans/response-plan.entity';
import { Presence } from './presence.entity';
import {
  HeartbeatPresenceInput,
  HeartbeatPresencePayload,
  LeavePlanInput,
  LeavePlanPayload,
} from './presence.inputs';
import type { PresenceRow } from './presence.loaders';
import { presenceService } from './presence.service';

@Resolver(() => Presence)
export class PresenceResolver {
  @FieldResolver(() => User)
  user(@Parent() entry: Presence, @Ctx() ctx: Context) {
    return userById(ctx).load(entry.userId);
  }

  @FieldResolver(() => String, { description: 'The person’s name as shown to others.' })
  async displayName(@Parent() entry: Presence | PresenceRow, @Ctx() ctx: Context) {
    if ('displayName' in entry) return entry.displayName;
    return (await userById(ctx).load(entry.userId))?.displayName ?? '';
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'The organisation they are here for: the one of theirs that takes part in the plan.',
  })
  organisation(@Parent() entry: Presence | PresenceRow, @Ctx() ctx: Context) {
    const id = 'organisationId' in entry ? entry.organisationId : null;
    return id ? actorById(ctx).load(id) : null;
  }

  @FieldResolver(() => DateTimeScalar, {
    description: 'When they began what they are doing now: arrived, or last changed mode or focus.',
  })
  since(@Parent() entry: Presence): Date {
    return entry.updatedAt;
  }

  @Mutation(() => HeartbeatPresencePayload, {
    description: `Says you have a plan open (VIEWING or EDITING, and where), for the members of its organisations; the entry lapses after PRESENCE_TTL_SECONDS (30 s by default) without a heartbeat. Changes are announced to presenceChanged subscribers.`,
  })
  async heartbeatPresence(
    @Arg('input', () => HeartbeatPresenceInput) input: HeartbeatPresenceInput,
    @Ctx() ctx: Context,
  ) {
    return { presence: await presenceService.heartbeat(ctx, input) };
  }

  @Mutation(() => LeavePlanPayload, { description: 'Removes your entry at once, e.g. when a tab closes.' })
  async leavePlan(@Arg('input', () => LeavePlanInput) input: LeavePlanInput, @Ctx() ctx: Context) {
    return { left: await presenceService.leave(ctx, input) };
  }
}

/** Presence hangs off plans here, so the plans module need not know about it. */
@Resolver(() => ResponsePlan)
export class PlanPresenceResolver {
  @FieldResolver(() => [Presence], {
    description:
      'Who has the plan open now, longest there first; lapsed entries are left out. For members of the taking-part organisations and administrators; empty for anyone else.',
  })
  presence(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return presenceService.ofPlan(ctx, plan);
  }
}
