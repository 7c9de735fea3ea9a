import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Classification, PlanStatus } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';
import { Situation } from '../situations/situation.entity';

@ObjectType('ResponsePlan', {
  implements: Node,
  simpleResolvers: true,
  description: 'A plan to prevent or respond to atrocity risk in a situation, led by one actor.',
})
@Entity('response_plan')
@Index('response_plan_situation_idx', ['situationId', 'createdAt', 'id'])
@Index('response_plan_lead_idx', ['leadActorId'])
@Index('response_plan_status_idx', ['status', 'createdAt', 'id'])
@Index('response_plan_created_idx', ['createdAt', 'id'])
@Index('response_plan_title_idx', ['title', 'id'])
@Check('response_plan_dates', '"ends_on" IS NULL OR "starts_on" IS NULL OR "starts_on" <= "ends_on"')
export class ResponsePlan extends Versioned {
  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  summary: string | null;

  @Column('uuid')
  situationId: string;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id' })
  situation?: Relation<Situation>;

  @Column('uuid')
  leadActorId: string;

  @ManyToOne(() => Actor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_actor_id' })
  leadActor?: Relation<Actor>;

  @Field(() => PlanStatus)
  @Column({ type: 'enum', enum: PlanStatus, enumName: 'plan_status', default: 'DRAFT' })
  status: PlanStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  startsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  endsOn: string | null;

  @Field(() => Classification, {
    description:
      'Who may read the plan: PUBLIC, PARTICIPANTS (members of taking-part organisations), RESTRICTED (their liaisons), CONFIDENTIAL (the lead organisation).',
  })
  @Column({ type: 'enum', enum: Classification, enumName: 'classification', default: 'PARTICIPANTS' })
  classification: Classification;
}
