import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { CapabilityKind, TaskPriority, TaskStatus } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { Task } from './task.entity';

export const TaskOrderField = { CREATED_AT: 'CREATED_AT', DUE_ON: 'DUE_ON' } as const;
export type TaskOrderField = keyof typeof TaskOrderField;
registerEnumType(TaskOrderField, {
  name: 'TaskOrderField',
  valuesConfig: { DUE_ON: { description: 'By due date; tasks without one come after all dated tasks.' } },
});

@InputType('TaskFilter')
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  statuses?: TaskStatus[] | null;

  @Field(() => [TaskPriority], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  priorities?: TaskPriority[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Tasks this actor holds an open (not declined or withdrawn) assignment on.',
  })
  @IsOptional()
  assignedActorId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due strictly before this date.' })
  @IsOptional()
  dueBefore?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due strictly after this date.' })
  @IsOptional()
  dueAfter?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Substring of the title, description or location, case-insensitive.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType('TaskListFilter', { description: 'TaskFilter, across plans.' })
export class TaskListFilter extends TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Only tasks of this response plan.' })
  @IsOptional()
  planId?: string | null;
}

@InputType('TaskOrder')
export class TaskOrder {
  @Field(() => TaskOrderField) field: TaskOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('CapabilityRequirementInput')
export class CapabilityRequirementInput {
  @Field(() => CapabilityKind) capability: CapabilityKind;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(100000)
  quantity: number;
}

@InputType('CreateTaskInput')
export class CreateTaskInput {
  @Field(() => ID) planId: string;

  @Field(() => ID, { nullable: true, description: 'An objective of the same plan.' })
  @IsOptional()
  objectiveId?: string | null;

  @Field(() => String)
  @Length(1, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => TaskPriority, { nullable: true, description: 'MEDIUM unless given.' })
  @IsOptional()
  priority?: TaskPriority | null;

  @Field(() => TaskStatus, { nullable: true, description: 'DRAFT unless given.' })
  @IsOptional()
  status?: TaskStatus | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  locationName?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Tasks of the same plan that must be done first.' })
  @IsOptional()
  @ArrayMaxSize(100)
  dependsOnIds?: string[] | null;

  @Field(() => [CapabilityRequirementInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  requiredCapabilities?: CapabilityRequirementInput[] | null;
}

@InputType('UpdateTaskInput', {
  description: 'A patch: only the fields sent change; lists sent replace the old ones.',
})
export class UpdateTaskInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => ID, { nullable: true, description: 'An objective of the same plan; null detaches.' })
  @IsOptional()
  objectiveId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => TaskPriority, { nullable: true })
  @IsOptional()
  priority?: TaskPriority | null;

  @Field(() => TaskStatus, { nullable: true })
  @IsOptional()
  status?: TaskStatus | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  locationName?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the prerequisites; [] or null clears them.' })
  @IsOptional()
  @ArrayMaxSize(100)
  dependsOnIds?: string[] | null;

  @Field(() => [CapabilityRequirementInput], {
    nullable: true,
    description: 'Replaces the required capabilities; [] or null clears them.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  requiredCapabilities?: CapabilityRequirementInput[] | null;
}

@ObjectType('CreateTaskPayload', { simpleResolvers: true })
export class CreateTaskPayload {
  @Field(() => Task) task: Task;
}

@ObjectType('UpdateTaskPayload', { simpleResolvers: true })
export class UpdateTaskPayload {
  @Field(() => Task) task: Task;
}

export const TaskConnection = connectionType(Task, 'Task');
