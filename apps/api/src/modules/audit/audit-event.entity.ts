import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../common/scalars';

/**
 * Append-only record of every change and security event, written in the same transaction as the
 * change. Never holds secrets or assessment content. A trigger refuses UPDATE and DELETE.
 */
@ObjectType('AuditEvent', { simpleResolvers: true })
@Entity('audit_event')
@Index('audit_event_at_idx', ['occurredAt', 'id'])
@Index('audit_event_entity_idx', ['entityType', 'entityId', 'occurredAt'])
@Index('audit_event_user_idx', ['userId', 'occurredAt'])
@Index('audit_event_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_event_action_idx', ['action', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => String, {
    description: 'What happened, e.g. "updateResponsePlan", "signIn.failure", "token.revoke".',
  })
  @Column('text')
  action: string;

  @Field(() => String, { description: 'SUCCESS, FAILURE or DENIED.' })
  @Column('text', { default: 'SUCCESS' })
  outcome: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  entityType: string | null;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('uuid', { nullable: true })
  tokenId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  ipAddress: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Changed fields: { field: { before, after } }.',
  })
  @Column('jsonb', { nullable: true })
  changes: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;
}
