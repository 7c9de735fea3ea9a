import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DateTimeScalar } from '../../common/scalars';
import { Actor } from '../actors/actor.entity';
import { Alert } from './alert.entity';

/** An organisation an alert is addressed to, and whether and when it acknowledged it. */
@ObjectType('AlertRecipient', {
  simpleResolvers: true,
  description: 'An organisation an alert is addressed to, and whether and when it acknowledged it.',
})
@Entity('alert_recipient')
@Index('alert_recipient_actor_idx', ['actorId'])
export class AlertRecipient {
  @PrimaryColumn('uuid')
  alertId: string;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id' })
  alert?: Relation<Alert>;

  @PrimaryColumn('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Null until a member of the organisation acknowledges.',
  })
  @Column('timestamptz', { nullable: true })
  acknowledgedAt: Date | null;

  @Column('uuid', { nullable: true })
  acknowledgedByUserId: string | null;
}
