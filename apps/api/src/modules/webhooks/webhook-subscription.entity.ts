import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Versioned } from '../../common/entity-base';
import { WebhookEvent } from '../../common/enums';
import { Node } from '../../common/node';
import { Actor } from '../actors/actor.entity';

/** An integrator's URL that receives signed events for its organisation. */
@ObjectType('WebhookSubscription', { implements: Node, simpleResolvers: true })
@Entity('webhook_subscription')
@Index('webhook_subscription_actor_idx', ['actorId', 'createdAt', 'id'])
@Check(
  'webhook_subscription_events_known',
  `"events" <@ ARRAY['ALERT_ISSUED', 'ASSIGNMENT_ANSWERED', 'PLAN_STATUS_CHANGED']::text[] AND cardinality("events") > 0`,
)
export class WebhookSubscription extends Versioned {
  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<Actor>;

  @Field(() => String, {
    description:
      'Where events are POSTed: an http(s) URL without credentials. In production a host that is or resolves to a private, loopback or link-local address is refused (the server must not be made to call into its own network); development and tests allow them unless WEBHOOKS_ALLOW_PRIVATE=false.',
  })
  @Column('text')
  url: string;

  @Field(() => [WebhookEvent])
  @Column('text', { array: true })
  events: WebhookEvent[];

  /** HMAC-SHA256 key; shown once at creation. */
  @Column('text')
  secret: string;

  @Field(() => Boolean, {
    description: 'An inactive subscription receives nothing; deliveries pending for it fail.',
  })
  @Column('boolean', { default: true })
  active: boolean;
}
