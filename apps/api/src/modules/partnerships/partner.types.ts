import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/connection';
import { Actor } from '../actors/actor.entity';
import { Partnership } from './partnership.entity';

export const PartnerDirection = { OUTGOING: 'OUTGOING', INCOMING: 'INCOMING' } as const;
export type PartnerDirection = keyof typeof PartnerDirection;
registerEnumType(PartnerDirection, {
  name: 'PartnerDirection',
  description: 'Which way the partnership points, seen from the actor whose partners are listed.',
  valuesConfig: {
    OUTGOING: { description: 'The actor is the source: UNMISS → (REPORTS_TO) → Security Council.' },
    INCOMING: { description: 'The actor is the target: South Sudan → (HOSTS) → UNMISS.' },
  },
});

@ObjectType('PartnerEdge', {
  simpleResolvers: true,
  description: 'One partnership of an actor, and the actor at its other end.',
})
export class PartnerEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge, for after/before.' }) cursor: string;
  @Field(() => Actor, { description: 'The actor at the other end of the partnership.' }) node: Actor;
  @Field(() => Partnership) partnership: Partnership;
  @Field(() => PartnerDirection) direction: PartnerDirection;
}

@ObjectType('PartnerConnection', { simpleResolvers: true })
export class PartnerConnection {
  @Field(() => [PartnerEdge]) edges: PartnerEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Number of partnerships matching the arguments, over all pages.' })
  totalCount: number;
}
