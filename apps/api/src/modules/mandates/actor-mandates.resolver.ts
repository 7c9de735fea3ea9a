import { Arg, Args, Ctx, FieldResolver, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { ActorMandateFilter, MandateConnection, MandateOrder } from './mandate.inputs';
import { mandateService } from './mandate.service';

/** A mission's mandates, added to Actor from this module so that actors need not know mandates. */
@Resolver(() => Actor)
export class ActorMandatesResolver {
  @FieldResolver(() => MandateConnection, {
    description: 'Mandates given to this actor as a mission, newest first.',
  })
  mandates(
    @Parent() actor: Actor,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActorMandateFilter, { nullable: true }) filter: ActorMandateFilter | null,
    @Arg('orderBy', () => MandateOrder, { nullable: true }) orderBy: MandateOrder | null,
    @Ctx() ctx: Context,
  ) {
    return mandateService.ofMission(ctx, actor, page, filter, orderBy);
  }
}
