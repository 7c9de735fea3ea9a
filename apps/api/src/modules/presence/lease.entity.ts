import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { Task } from '../tasks/task.entity';

/** A task taken by one person for a while: one row per task, so taking it is one atomic upsert. */
@Entity('task_lease')
@Index('task_lease_holder_idx', ['holderUserId'])
export class TaskLease {
  @PrimaryColumn('uuid')
  taskId: string;

  @OneToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column('uuid')
  holderUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'holder_user_id' })
  holder?: Relation<User>;

  @Column('uuid', { nullable: true })
  holderActorId: string | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'holder_actor_id' })
  holderActor?: Relation<Actor>;

  @Column('timestamptz', { default: () => 'now()' })
  acquiredAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
