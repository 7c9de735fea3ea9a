import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import { EDGE_NODE, pageRequest, projectionOf } from '../../common/projection';
import type { Context } from '../../context';
import { Actor } from './actor.entity';
import {
  ActorConnection,
  ActorFilter,
  ActorOrder,
  CreateActorInput,
  CreateActorPayload,
  UpdateActorInput,
  UpdateActorPayload,
} from './actor.inputs';
import { actorById } from './actor.loaders';
import { actorService } from './actor.service';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, {
    description: 'The actor registry: organisations, bodies, missions and states.',
  })
  actors(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActorFilter, { nullable: true }) filter: ActorFilter | null,
    @Arg('orderBy', () => ActorOrder, { nullable: true }) orderBy: ActorOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return actorService.list(ctx, pageRequest(page, info), filter, orderBy, projectionOf(info, EDGE_NODE));
  }

  @Query(() => Actor, { nullable: true })
  actor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actorService.get(ctx, id);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'The body this one belongs to in the hierarchy.',
  })
  parent(@Parent() actor: Actor, @Ctx() ctx: Context) {
    return actor.parentId ? actorById(ctx).load(actor.parentId) : null;
  }

  @FieldResolver(() => ActorConnection, { description: 'Bodies directly under this one.' })
  children(
    @Parent() actor: Actor,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => ActorOrder, { nullable: true }) orderBy: ActorOrder | null,
    @Ctx() ctx: Context,
    // The key under which the arguments are reused for every actor of the page (common/field-arguments.ts).
    @Info() _info: GraphQLResolveInfo,
  ) {
    return actorService.children(ctx, actor, page, orderBy);
  }

  @Mutation(() => CreateActorPayload)
  async createActor(@Arg('input', () => CreateActorInput) input: CreateActorInput, @Ctx() ctx: Context) {
    return { actor: await actorService.create(ctx, input) };
  }

  @Mutation(() => UpdateActorPayload)
  async updateActor(@Arg('input', () => UpdateActorInput) input: UpdateActorInput, @Ctx() ctx: Context) {
    return { actor: await actorService.update(ctx, input) };
  }
}
