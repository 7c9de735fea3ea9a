import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { AssignmentRole, AssignmentStatus } from '../../common/enums';
import { Node } from '../../common/node';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';
import { Task } from '../tasks/task.entity';

@ObjectType('TaskAssignment', {
  implements: Node,
  simpleResolvers: true,
  description: 'A task given to an actor, with the handshake of its answer.',
})
@Entity('task_assignment')
@Index('task_assignment_task_idx', ['taskId', 'createdAt', 'id'])
@Index('task_assignment_actor_idx', ['actorId', 'status', 'createdAt', 'id'])
@Index('task_assignment_actor_created_idx', ['actorId', 'createdAt', 'id'])
@Index('task_assignment_one_lead', ['taskId'], {
  unique: true,
  where: `"role" = 'LEAD' AND "status" NOT IN ('DECLINED', 'WITHDRAWN')`,
})
@Index('task_assignment_one_open_per_actor', ['taskId', 'actorId'], {
  unique: true,
  where: `"status" NOT IN ('DECLINED', 'WITHDRAWN')`,
})
@Index('task_assignment_respond_by_idx', ['respondBy'], { where: `"status" = 'PROPOSED'` })
@Check(
  'task_assignment_reason_required',
  `"status" NOT IN ('DECLINED', 'COUNTER_PROPOSED') OR ("reason" IS NOT NULL AND length(btrim("reason")) > 0)`,
)
export class TaskAssignment extends Versioned {
  @Column('uuid')
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  /**
   * The task's plan, kept by the database (migration AssignmentPlan: set from the task on insert,
   * followed if a task ever moved; removed with the task): read rules check an assignment's plan
   * in one probe instead of two.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  planId: string;

  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => AssignmentRole)
  @Column({ type: 'enum', enum: AssignmentRole, enumName: 'assignment_role' })
  role: AssignmentRole;

  @Field(() => AssignmentStatus)
  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', default: 'PROPOSED' })
  status: AssignmentStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined or counter-proposed.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an answer is due.' })
  @Column('timestamptz', { nullable: true })
  respondBy: Date | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The due date a counter-proposal offers.' })
  @Column('date', { nullable: true })
  proposedDueOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;
}
