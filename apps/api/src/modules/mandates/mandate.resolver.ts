import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Mandate } from './mandate.entity';
import {
  CreateMandateInput,
  CreateMandatePayload,
  MandateConnection,
  MandateFilter,
  MandateOrder,
  UpdateMandateInput,
  UpdateMandatePayload,
} from './mandate.inputs';
import { mandateService } from './mandate.service';
import { MandatedTaskConnection, MandatedTaskFilter, MandatedTaskOrder } from './mandated-task.inputs';
import { mandatedTaskService } from './mandated-task.service';

@Resolver(() => Mandate)
export class MandateResolver {
  @Query(() => MandateConnection, {
    description: 'Mandates: what authorising bodies gave missions, newest first.',
  })
  mandates(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MandateFilter, { nullable: true }) filter: MandateFilter | null,
    @Arg('orderBy', () => MandateOrder, { nullable: true }) orderBy: MandateOrder | null,
    @Ctx() ctx: Context,
  ) {
    return mandateService.list(ctx, page, filter, orderBy);
  }

  @Query(() => Mandate, { nullable: true })
  mandate(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return mandateService.get(ctx, id);
  }

  @FieldResolver(() => Actor, { description: 'The mission the mandate is given to.' })
  missionActor(@Parent() mandate: Mandate, @Ctx() ctx: Context) {
    return actorById(ctx).load(mandate.missionActorId);
  }

  @FieldResolver(() => Actor, { description: 'The body that adopted the mandate.' })
  authorizingActor(@Parent() mandate: Mandate, @Ctx() ctx: Context) {
    return actorById(ctx).load(mandate.authorizingActorId);
  }

  @FieldResolver(() => Mandate, { nullable: true, description: 'The earlier mandate this one renews.' })
  renews(@Parent() mandate: Mandate, @Ctx() ctx: Context) {
    return mandateService.renews(ctx, mandate);
  }

  @FieldResolver(() => [Mandate], { description: 'Later mandates that renew this one, oldest first.' })
  renewedBy(@Parent() mandate: Mandate, @Ctx() ctx: Context) {
    return mandateService.renewedBy(ctx, mandate);
  }

  @FieldResolver(() => MandatedTaskConnection, { description: 'What the mandate tasks the mission with.' })
  mandatedTasks(
    @Parent() mandate: Mandate,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MandatedTaskFilter, { nullable: true }) filter: MandatedTaskFilter | null,
    @Arg('orderBy', () => MandatedTaskOrder, { nullable: true }) orderBy: MandatedTaskOrder | null,
    @Ctx() ctx: Context,
  ) {
    return mandatedTaskService.ofMandate(ctx, mandate, page, filter, orderBy);
  }

  @Mutation(() => CreateMandatePayload)
  async createMandate(
    @Arg('input', () => CreateMandateInput) input: CreateMandateInput,
    @Ctx() ctx: Context,
  ) {
    return { mandate: await mandateService.create(ctx, input) };
  }

  @Mutation(() => UpdateMandatePayload)
  async updateMandate(
    @Arg('input', () => UpdateMandateInput) input: UpdateMandateInput,
    @Ctx() ctx: Context,
  ) {
    return { mandate: await mandateService.update(ctx, input) };
  }
}
