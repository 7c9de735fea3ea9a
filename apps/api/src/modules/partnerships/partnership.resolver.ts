import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Partnership } from './partnership.entity';
import {
  CreatePartnershipInput,
  CreatePartnershipPayload,
  PartnershipConnection,
  PartnershipFilter,
  PartnershipOrder,
  UpdatePartnershipInput,
  UpdatePartnershipPayload,
} from './partnership.inputs';
import { partnershipService } from './partnership.service';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => PartnershipConnection, {
    description: 'The edges of the graph: who is bound to whom, and how.',
  })
  partnerships(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartnershipFilter, { nullable: true }) filter: PartnershipFilter | null,
    @Arg('orderBy', () => PartnershipOrder, { nullable: true }) orderBy: PartnershipOrder | null,
    @Ctx() ctx: Context,
  ) {
    return partnershipService.list(ctx, page, filter, orderBy);
  }

  @FieldResolver(() => Actor, { description: 'The actor the relationship goes from.' })
  source(@Parent() partnership: Partnership, @Ctx() ctx: Context) {
    return actorById(ctx).load(partnership.sourceId);
  }

  @FieldResolver(() => Actor, { description: 'The actor the relationship goes to.' })
  target(@Parent() partnership: Partnership, @Ctx() ctx: Context) {
    return actorById(ctx).load(partnership.targetId);
  }

  @Mutation(() => CreatePartnershipPayload)
  async createPartnership(
    @Arg('input', () => CreatePartnershipInput) input: CreatePartnershipInput,
    @Ctx() ctx: Context,
  ) {
    return { partnership: await partnershipService.create(ctx, input) };
  }

  @Mutation(() => UpdatePartnershipPayload)
  async updatePartnership(
    @Arg('input', () => UpdatePartnershipInput) input: UpdatePartnershipInput,
    @Ctx() ctx: Context,
  ) {
    return { partnership: await partnershipService.update(ctx, input) };
  }
}
