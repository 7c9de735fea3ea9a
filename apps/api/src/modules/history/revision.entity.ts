import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateTimeScalar } from '../../common/scalars';

/**
 * One change to a plan or one of its parts (phase, objective, task, assignment, participant),
 * written in the same transaction as the change. `seq` orders a plan's history.
 */
@ObjectType('Revision', { simpleResolvers: true, description: 'A change to a plan or one of its parts.' })
@Entity('revision')
@Index('revision_plan_seq_idx', ['planId', 'seq'])
@Index('revision_entity_idx', ['entityType', 'entityId', 'seq'])
export class Revision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Global order of revisions; also the position a plan can be read "as of". */
  @Column('bigint', { generated: 'increment' })
  seq: number;

  @Column('uuid')
  planId: string;

  @Field(() => String, { description: 'ResponsePlan, Phase, Objective, Task, TaskAssignment or PlanParticipant.' })
  @Column('text')
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Field(() => String, { description: 'CREATE, UPDATE or DELETE.' })
  @Column('text')
  kind: string;

  @Field(() => GraphQLJSONObject, { description: 'Changed fields: { field: { before, after } }.' })
  @Column('jsonb')
  fields: Record<string, unknown>;

  /** The record after the change (before it, for a deletion): reading a plan as of a revision replays these. */
  @Column('jsonb', { nullable: true })
  snapshot: Record<string, unknown> | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;
}
