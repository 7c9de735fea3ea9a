import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
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
import { DeliveryStatus, WebhookEvent } from '../../common/enums';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { WebhookSubscription } from './webhook-subscription.entity';

/** One event sent (or being retried) to one subscription: the delivery log. */
@ObjectType('WebhookDelivery', {
  implements: Node,
  simpleResolvers: true,
  description: 'One event sent to one subscription, with the outcome of its attempts: the delivery log.',
})
@Entity('webhook_delivery')
@Index('webhook_delivery_subscription_idx', ['subscriptionId', 'createdAt', 'id'])
@Index('webhook_delivery_dedupe_key', ['subscriptionId', 'eventId'], { unique: true })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also sent as the Concord-Delivery header.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Relation<WebhookSubscription>;

  /** The change-log position or event key: one delivery per event per subscription. */
  @Field(() => String, {
    description: 'The event, also the `id` of the JSON body: the same for every subscription it went to.',
  })
  @Column('text')
  eventId: string;

  @Field(() => WebhookEvent)
  @Column('text')
  event: WebhookEvent;

  @Field(() => GraphQLJSONObject, { description: 'The JSON body sent: { id, event, occurredAt, data }.' })
  @Column('jsonb')
  payload: Record<string, unknown>;

  @Field(() => DeliveryStatus)
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: 'PENDING' })
  status: DeliveryStatus;

  @Field(() => Int, {
    description: 'Requests made so far; retried with exponential backoff until SUCCEEDED or FAILED.',
  })
  @Column('int', { default: 0 })
  attempts: number;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  lastError: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;
}
