import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';

export const RevisionKind = { CREATE: 'CREATE', UPDATE: 'UPDATE', DELETE: 'DELETE' } as const;
export type RevisionKind = keyof typeof RevisionKind;
registerEnumType(RevisionKind, { name: 'RevisionKind', description: 'What a revision did to its record.' });

/**
 * One change to a plan or one of its parts (phase, objective, task, assignment, participant),
 * written in the same transaction as the change. `seq` orders a plan's history.
 */
@ObjectType('Revision', {
  implements: Node,
  simpleResolvers: true,
  description: 'A change to a plan or one of its parts, with who made it and when.',
})
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

  @Field(() => String, {
    description: 'ResponsePlan, Phase, Objective, Task, TaskAssignment or PlanParticipant.',
  })
  @Column('text')
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Field(() => RevisionKind)
  @Column('text')
  kind: RevisionKind;

  /** Changed fields: { field: { before, after } }, with database ids (the resolver presents global ids). */
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
