import { TaskProgressStatus } from '@concord/shared';
import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Task } from './task.entity';

registerEnumType(TaskProgressStatus, {
  name: 'TaskProgressStatus',
  description: 'What the organisation doing a task may report about it.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Work has started (or resumed).' },
    BLOCKED: { description: 'Work cannot go on; say why in the note.' },
    SUBMITTED: { description: 'The work is done and handed in for the lead to verify.' },
  },
});

@InputType('ReportTaskProgressInput')
export class ReportTaskProgressInput {
  @Field(() => ID) taskId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => TaskProgressStatus) status: TaskProgressStatus;

  @Field(() => String, {
    nullable: true,
    description: 'What happened, for the plan’s editors; kept in the audit log.',
  })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType('ReportTaskProgressPayload', { simpleResolvers: true })
export class ReportTaskProgressPayload {
  @Field(() => Task) task: Task;
}
