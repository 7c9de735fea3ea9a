import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CapabilityKind } from '../../common/enums';
import { Task } from './task.entity';

@ObjectType('CapabilityRequirement', { simpleResolvers: true, description: 'A capability a task needs.' })
@Entity('task_capability_requirement')
@Check('task_capability_requirement_quantity', '"quantity" > 0')
export class CapabilityRequirement {
  @PrimaryColumn('uuid')
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Field(() => CapabilityKind)
  @PrimaryColumn({ type: 'enum', enum: CapabilityKind, enumName: 'capability_kind' })
  capability: CapabilityKind;

  @Field(() => Int)
  @Column('int', { default: 1 })
  quantity: number;
}
