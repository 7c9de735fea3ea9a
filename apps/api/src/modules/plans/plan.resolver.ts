import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import { EDGE_NODE, pageRequest, projectionOf } from '../../common/projection';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Situation } from '../situations/situation.entity';
import { ObjectiveConnection, ObjectiveFilter, ObjectiveOrder } from './objective.inputs';
import { objectiveService } from './objective.service';
import { Phase } from './phase.entity';
import {
  AddPlanParticipantInput,
  AddPlanParticipantPayload,
  CreateResponsePlanInput,
  CreateResponsePlanPayload,
  RemovePlanParticipantInput,
  RemovePlanParticipantPayload,
  ResponsePlanConnection,
  ResponsePlanFilter,
  ResponsePlanOrder,
  UpdateResponsePlanInput,
  UpdateResponsePlanPayload,
} from './plan.inputs';
import { responsePlanById } from './plan.loaders';
import { planService } from './plan.service';
import { PlanParticipant } from './plan-participant.entity';
import { situationById } from './reference.loaders';
import { ResponsePlan } from './response-plan.entity';

@Resolver(() => ResponsePlan)
export class ResponsePlanResolver {
  @Query(() => ResponsePlanConnection, {
    description: 'Response plans; newest first unless ordered otherwise.',
  })
  responsePlans(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ResponsePlanFilter, { nullable: true }) filter: ResponsePlanFilter | null,
    @Arg('orderBy', () => ResponsePlanOrder, { nullable: true }) orderBy: ResponsePlanOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return planService.list(ctx, pageRequest(page, info), filter, orderBy, projectionOf(info, EDGE_NODE));
  }

  @Query(() => ResponsePlan)
  responsePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return planService.get(ctx, id);
  }

  @FieldResolver(() => Situation)
  situation(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return situationById(ctx).load(plan.situationId);
  }

  @FieldResolver(() => Actor)
  leadActor(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return actorById(ctx).load(plan.leadActorId);
  }

  @FieldResolver(() => [PlanParticipant], { description: 'The lead first, then contributors and observers.' })
  participants(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return planService.participants(ctx, plan);
  }

  @FieldResolver(() => [Phase], { description: 'In order of position.' })
  phases(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return objectiveService.phases(ctx, plan);
  }

  @FieldResolver(() => ObjectiveConnection)
  objectives(
    @Parent() plan: ResponsePlan,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ObjectiveFilter, { nullable: true }) filter: ObjectiveFilter | null,
    @Arg('orderBy', () => ObjectiveOrder, { nullable: true }) orderBy: ObjectiveOrder | null,
    @Ctx() ctx: Context,
  ) {
    return objectiveService.objectives(ctx, plan, page, filter, orderBy);
  }

  @Mutation(() => CreateResponsePlanPayload, { description: 'The lead actor becomes the LEAD participant.' })
  async createResponsePlan(
    @Arg('input', () => CreateResponsePlanInput) input: CreateResponsePlanInput,
    @Ctx() ctx: Context,
  ) {
    return { responsePlan: await planService.create(ctx, input) };
  }

  @Mutation(() => UpdateResponsePlanPayload)
  async updateResponsePlan(
    @Arg('input', () => UpdateResponsePlanInput) input: UpdateResponsePlanInput,
    @Ctx() ctx: Context,
  ) {
    return { responsePlan: await planService.update(ctx, input) };
  }

  @Mutation(() => AddPlanParticipantPayload)
  addPlanParticipant(
    @Arg('input', () => AddPlanParticipantInput) input: AddPlanParticipantInput,
    @Ctx() ctx: Context,
  ) {
    return planService.addParticipant(ctx, input);
  }

  @Mutation(() => RemovePlanParticipantPayload, { description: 'The LEAD cannot be removed.' })
  removePlanParticipant(
    @Arg('input', () => RemovePlanParticipantInput) input: RemovePlanParticipantInput,
    @Ctx() ctx: Context,
  ) {
    return planService.removeParticipant(ctx, input);
  }
}

@Resolver(() => PlanParticipant)
export class PlanParticipantResolver {
  @FieldResolver(() => Actor)
  actor(@Parent() participant: PlanParticipant, @Ctx() ctx: Context) {
    return actorById(ctx).load(participant.actorId);
  }

  @FieldResolver(() => ResponsePlan)
  plan(@Parent() participant: PlanParticipant, @Ctx() ctx: Context) {
    return responsePlanById(ctx).load(participant.planId);
  }
}
