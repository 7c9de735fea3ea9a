import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Task } from './task.entity';

/** `taskId` cannot start before `dependsOnTaskId` is done. */
@Entity('task_dependency')
@Index('task_dependency_depends_on_idx', ['dependsOnTaskId'])
@Check('task_dependency_not_self', '"task_id" <> "depends_on_task_id"')
export class TaskDependency {
  @PrimaryColumn('uuid')
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @PrimaryColumn('uuid')
  dependsOnTaskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'depends_on_task_id' })
  dependsOnTask?: Relation<Task>;
}
