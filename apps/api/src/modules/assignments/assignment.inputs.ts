import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { AssignmentResponse, AssignmentRole, AssignmentStatus } from '../../common/enums';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars';
import { TaskAssignment } from './task-assignment.entity';

export const TaskAssignmentOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type TaskAssignmentOrderField = keyof typeof TaskAssignmentOrderField;
registerEnumType(TaskAssignmentOrderField, { name: 'TaskAssignmentOrderField' });

@InputType('TaskAssignmentFilter')
export class TaskAssignmentFilter {
  @Field(() => [AssignmentStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: AssignmentStatus[] | null;

  @Field(() => [AssignmentRole], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  roles?: AssignmentRole[] | null;
}

@InputType('TaskAssignmentOrder')
export class TaskAssignmentOrder {
  @Field(() => TaskAssignmentOrderField) field: TaskAssignmentOrderField;
  @Field(() => OrderDirection, { defaultValue: 'ASC' }) direction: OrderDirection;
}

@InputType('AssignTaskInput')
export class AssignTaskInput {
  @Field(() => ID) taskId: string;
  @Field(() => ID) actorId: string;

  @Field(() => AssignmentRole, { description: 'A task has at most one open LEAD.' })
  role: AssignmentRole;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the actor should answer by; in the future.',
  })
  @IsOptional()
  respondBy?: Date | null;
}

@InputType('RespondToAssignmentInput')
export class RespondToAssignmentInput {
  @Field(() => ID) assignmentId: string;

  @Field(() => Int, { nullable: true, description: 'When sent, the answer applies only to this version.' })
  @IsOptional()
  expectedVersion?: number | null;

  @Field(() => AssignmentResponse) response: AssignmentResponse;

  @Field(() => String, { nullable: true, description: 'Required to decline or counter-propose.' })
  @IsOptional()
  @MaxLength(5000)
  reason?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The due date a counter-proposal offers; required for it.',
  })
  @IsOptional()
  proposedDueOn?: string | null;
}

@InputType('WithdrawAssignmentInput')
export class WithdrawAssignmentInput {
  @Field(() => ID) assignmentId: string;
  @Field(() => Int) expectedVersion: number;
}

@ObjectType('AssignTaskPayload', { simpleResolvers: true })
export class AssignTaskPayload {
  @Field(() => TaskAssignment) assignment: TaskAssignment;
}

@ObjectType('RespondToAssignmentPayload', { simpleResolvers: true })
export class RespondToAssignmentPayload {
  @Field(() => TaskAssignment) assignment: TaskAssignment;
}

@ObjectType('WithdrawAssignmentPayload', { simpleResolvers: true })
export class WithdrawAssignmentPayload {
  @Field(() => TaskAssignment) assignment: TaskAssignment;
}

export const TaskAssignmentConnection = connectionType(TaskAssignment, 'TaskAssignment');
