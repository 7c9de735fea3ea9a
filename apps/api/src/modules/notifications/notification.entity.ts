import { Field, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';

/** Something an organisation must know: an escalation, an alert to acknowledge, an answer received. */
@ObjectType('Notification', {
  implements: Node,
  simpleResolvers: true,
  description: 'Something an organisation must know, such as an escalated assignment.',
})
@Entity('notification')
@Index('notification_actor_idx', ['actorId', 'createdAt', 'id'])
@Index('notification_dedupe_key', ['dedupeKey'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  /** e.g. ASSIGNMENT_OVERDUE, LEAD_DECLINED, ALERT_ISSUED. */
  @Field(() => String, { description: 'What happened, e.g. ASSIGNMENT_OVERDUE or LEAD_DECLINED.' })
  @Column('text')
  kind: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  body: string | null;

  @Column('text', { nullable: true })
  entityType: string | null;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  /** Makes "exactly once" a database fact: the same event cannot notify twice. */
  @Column('text', { nullable: true })
  dedupeKey: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When someone of the organisation marked it read.',
  })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
