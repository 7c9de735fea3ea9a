import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { CapabilityKind } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';

@ObjectType('CapabilityPledge', {
  implements: Node,
  simpleResolvers: true,
  description: 'What an actor can deploy, how many, and how fast.',
})
@Entity('capability_pledge')
@Index('capability_pledge_actor_idx', ['actorId', 'capability'])
@Check('capability_pledge_quantity', '"quantity" > 0')
@Check('capability_pledge_readiness', '"readiness_days" >= 0')
export class CapabilityPledge extends Versioned {
  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => CapabilityKind)
  @Column({ type: 'enum', enum: CapabilityKind, enumName: 'capability_kind' })
  capability: CapabilityKind;

  @Field(() => Int)
  @Column('int')
  quantity: number;

  @Field(() => Int, { description: 'Days from request to deployment.' })
  @Column('int')
  readinessDays: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  validUntil: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  notes: string | null;
}
