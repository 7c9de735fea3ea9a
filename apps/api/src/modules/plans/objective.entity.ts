import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Node } from '../../common/node';
import { MandatedTask } from '../mandates/mandated-task.entity';
import { RiskFactor } from '../risk/risk-factor.entity';
import { Phase } from './phase.entity';
import { ResponsePlan } from './response-plan.entity';

@ObjectType('Objective', {
  implements: Node,
  simpleResolvers: true,
  description: 'What a plan aims at; names the risk factors it mitigates and may trace to a mandated task.',
})
@Entity('objective')
@Index('objective_plan_idx', ['planId', 'createdAt', 'id'])
@Index('objective_phase_idx', ['phaseId'])
@Index('objective_mandated_task_idx', ['mandatedTaskId'])
export class Objective extends Versioned {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => ResponsePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ResponsePlan>;

  @Column('uuid', { nullable: true })
  phaseId: string | null;

  @ManyToOne(() => Phase, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'phase_id' })
  phase?: Relation<Phase>;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { nullable: true })
  mandatedTaskId: string | null;

  @ManyToOne(() => MandatedTask, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandated_task_id' })
  mandatedTask?: Relation<MandatedTask>;

  @ManyToMany(() => RiskFactor)
  @JoinTable({
    name: 'objective_risk_factor',
    joinColumn: { name: 'objective_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'risk_factor_id', referencedColumnName: 'id' },
  })
  riskFactors?: Relation<RiskFactor[]>;
}
