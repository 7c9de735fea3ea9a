import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { PhaseKind } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { ResponsePlan } from './response-plan.entity';

@ObjectType('Phase', { implements: Node, simpleResolvers: true, description: 'A phase of a response plan.' })
@Entity('phase')
@Index('phase_plan_idx', ['planId', 'position', 'id'])
@Check('phase_dates', '"ends_on" IS NULL OR "starts_on" IS NULL OR "starts_on" <= "ends_on"')
export class Phase extends Versioned {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => ResponsePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ResponsePlan>;

  @Field(() => PhaseKind)
  @Column({ type: 'enum', enum: PhaseKind, enumName: 'phase_kind' })
  kind: PhaseKind;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => Int, { description: 'Order of the phase within its plan.' })
  @Column('int', { default: 0 })
  position: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  startsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  endsOn: string | null;
}
