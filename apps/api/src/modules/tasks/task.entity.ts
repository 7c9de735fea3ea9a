import { TaskPriority, TaskStatus } from '../../common/enums';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Objective } from '../plans/objective.entity';
import { ResponsePlan } from '../plans/response-plan.entity';

@ObjectType('Task', { implements: Node, simpleResolvers: true, description: 'A unit of work in a response plan.' })
@Entity('task')
@Index('task_plan_created_idx', ['planId', 'createdAt', 'id'])
@Index('task_plan_status_created_idx', ['planId', 'status', 'createdAt', 'id'])
@Index('task_plan_due_idx', ['planId', 'dueOn', 'id'])
@Index('task_objective_idx', ['objectiveId'])
@Index('task_created_idx', ['createdAt', 'id'])
@Index('task_due_idx', ['dueOn', 'id'])
export class Task extends Versioned {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => ResponsePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<ResponsePlan>;

  @Column('uuid', { nullable: true })
  objectiveId: string | null;

  @ManyToOne(() => Objective, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'objective_id' })
  objective?: Relation<Objective>;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => TaskPriority)
  @Column({ type: 'enum', enum: TaskPriority, enumName: 'task_priority', default: 'MEDIUM' })
  priority: TaskPriority;

  @Field(() => TaskStatus)
  @Column({ type: 'enum', enum: TaskStatus, enumName: 'task_status', default: 'DRAFT' })
  status: TaskStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column('date', { nullable: true })
  dueOn: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  locationName: string | null;
}
