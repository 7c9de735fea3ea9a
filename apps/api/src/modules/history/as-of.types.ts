import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Classification, PlanStatus, TaskPriority, TaskStatus } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { Revision } from './revision.entity';

/** A task as it was at a revision: a value rebuilt from the history, not the live record. */
@ObjectType('TaskSnapshot', {
  simpleResolvers: true,
  description: 'A task as it was at a past revision of its plan.',
})
export class TaskSnapshot {
  @Field(() => ID, { description: 'Global id of the task (it may have changed since, or be gone).' })
  taskId: string;

  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => TaskStatus) status: TaskStatus;
  @Field(() => TaskPriority) priority: TaskPriority;
  @Field(() => LocalDateScalar, { nullable: true }) dueOn: string | null;
  @Field(() => String, { nullable: true }) locationName: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the objective it served then.' })
  objectiveId: string | null;

  @Field(() => Int, { description: 'Its version then.' })
  version: number;
}

/**
 * A plan as it was right after one revision. The identifiers are named planId/taskId rather than
 * id, so that a client cache never mistakes a past state for the live record.
 */
@ObjectType('PlanSnapshot', {
  simpleResolvers: true,
  description:
    'A response plan as it was right after one revision of its history (that revision included), rebuilt from the snapshots the history keeps. A value, not the live plan: to change the plan, read it with responsePlan and restore fields with restoreRevisionField.',
})
export class PlanSnapshot {
  @Field(() => ID, { description: 'Global id of the plan.' })
  planId: string;

  @Field(() => Revision, { description: 'The revision this is the state after.' })
  asOf: Revision;

  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field(() => PlanStatus) status: PlanStatus;
  @Field(() => Classification) classification: Classification;
  @Field(() => LocalDateScalar, { nullable: true }) startsOn: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) endsOn: string | null;

  @Field(() => Int, { description: 'The plan’s version then.' })
  version: number;

  @Field(() => [TaskSnapshot], {
    description: 'Every task the plan had then, in order of creation (a complete list, not paged).',
  })
  tasks: TaskSnapshot[];
}
