import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { TaskPriority, TaskStatus } from '../../common/enums';
import { Node } from '../../common/node';
import { LocalDateScalar } from '../../common/scalars';
import { Objective } from '../plans/objective.entity';
import { ResponsePlan } from '../plans/response-plan.entity';

@ObjectType('Task', {
  implements: Node,
  simpleResolvers: true,
  description: 'A unit of work in a response plan.',
})
@Entity('task')
@Index('task_plan_created_idx', ['planId', 'createdAt', 'id'])
@Index('task_plan_status_created_idx', ['planId', 'status', 'createdAt', 'id'])
// Ordering by due date puts undated tasks last through COALESCE(due_on, 'infinity'), so that keyset
// cursors never compare with NULL. TypeORM cannot describe these expression indexes: the migration
// TaskOrderIndexes creates them, and synchronize: false keeps the generator from dropping them.
@Index('task_plan_due_idx', { synchronize: false })
@Index('task_due_idx', { synchronize: false })
@Index('task_objective_idx', ['objectiveId', 'createdAt', 'id'])
@Index('task_created_idx', ['createdAt', 'id'])
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
