import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { ParticipantRole } from '../../common/enums';
import { Node } from '../../common/node';
import { Actor } from '../actors/actor.entity';
import { ResponsePlan } from './response-plan.entity';

@ObjectType('PlanParticipant', {
  implements: Node,
  simpleResolvers: true,
  description: 'An actor taking part in a plan.',
})
@Entity('plan_participant')
@Index('plan_participant_plan_actor_key', ['planId', 'actorId'], { unique: true })
@Index('plan_participant_one_lead', ['planId'], { unique: true, where: `"role" = 'LEAD'` })
@Index('plan_participant_actor_idx', ['actorId'])
export class PlanParticipant extends Versioned {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => ResponsePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ResponsePlan>;

  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => ParticipantRole)
  @Column({ type: 'enum', enum: ParticipantRole, enumName: 'participant_role' })
  role: ParticipantRole;
}
