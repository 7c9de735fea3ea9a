import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { PartnershipKind, PartnershipStatus } from '../../common/enums';
import { Parent } from '../../common/parent';
import { EDGE_NODE, pageRequest, projectionOf, selectedProjectionOf } from '../../common/projection';
import { LocalDateScalar } from '../../common/scalars';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { partnerService } from './partner.service';
import { PartnerConnection } from './partner.types';

/** The integrator question "who is this actor bound to", added to Actor from this module. */
@Resolver(() => Actor)
export class ActorPartnersResolver {
  @FieldResolver(() => PartnerConnection, {
    description:
      "Actors bound to this one by a partnership in either direction (a mission's partners include the state that HOSTS it), ordered by partner name.",
  })
  partners(
    @Parent() actor: Actor,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kind', () => PartnershipKind, { nullable: true }) kind: PartnershipKind | null,
    @Arg('kinds', () => [PartnershipKind], {
      nullable: true,
      description: 'Any of these kinds (together with kind).',
    })
    kinds: PartnershipKind[] | null,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: 'Only partnerships valid on this date; without it, any date.',
    })
    asOf: string | null,
    @Arg('status', () => PartnershipStatus, { nullable: true }) status: PartnershipStatus | null,
    @Ctx() ctx: Context,
    // Also the key under which the arguments are reused for every actor of the page (common/field-arguments.ts).
    @Info() info: GraphQLResolveInfo,
  ) {
    return partnerService.partners(
      ctx,
      actor,
      pageRequest(page, info),
      { kind, kinds, asOf, status },
      {
        actor: projectionOf(info, EDGE_NODE),
        partnership: selectedProjectionOf(info, ['edges', 'partnership']),
      },
    );
  }
}
