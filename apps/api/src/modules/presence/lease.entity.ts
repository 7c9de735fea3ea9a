import { Field, ObjectType } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { DateTimeScalar } from '../../common/scalars';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { Task } from '../tasks/task.entity';

/** A task taken by one person for a while: one row per task, so taking it is one atomic upsert. */
@ObjectType('TaskLease', {
  simpleResolvers: true,
  description:
    'Who is working on a task, until when. Advisory: it tells others to keep off, while every edit stays protected by expectedVersion.',
})
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

  @Field(() => DateTimeScalar, { description: 'When the holder took it (extending keeps this).' })
  @Column('timestamptz', { default: () => 'now()' })
  acquiredAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it lapses unless extended.' })
  @Column('timestamptz')
  expiresAt: Date;
}
