import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Task } from '../tasks/task.entity';
import { TaskLease } from './lease.entity';

export const LEASE_SECONDS = { default: 300, min: 10, max: 3600 };

const ttlDescription = `How long the lease lasts from now, in seconds (${LEASE_SECONDS.min}–${LEASE_SECONDS.max}, ${LEASE_SECONDS.default} unless given).`;

@InputType('TakeTaskLeaseInput')
export class TakeTaskLeaseInput {
  @Field(() => ID) taskId: string;

  @Field(() => Int, { nullable: true, description: ttlDescription })
  @IsOptional()
  @Min(LEASE_SECONDS.min)
  @Max(LEASE_SECONDS.max)
  ttlSeconds?: number | null;
}

@InputType('ExtendTaskLeaseInput')
export class ExtendTaskLeaseInput {
  @Field(() => ID) taskId: string;

  @Field(() => Int, { nullable: true, description: ttlDescription })
  @IsOptional()
  @Min(LEASE_SECONDS.min)
  @Max(LEASE_SECONDS.max)
  ttlSeconds?: number | null;
}

@InputType('ReleaseTaskLeaseInput')
export class ReleaseTaskLeaseInput {
  @Field(() => ID) taskId: string;
}

@InputType('BreakTaskLeaseInput')
export class BreakTaskLeaseInput {
  @Field(() => ID) taskId: string;

  @Field(() => String, { description: 'Why the lease is broken; kept in the audit log.' })
  @Length(1, 1000)
  reason: string;
}

@ObjectType('TakeTaskLeasePayload', { simpleResolvers: true })
export class TakeTaskLeasePayload {
  @Field(() => TaskLease) lease: TaskLease;
  @Field(() => Task) task: Task;
}

@ObjectType('ExtendTaskLeasePayload', { simpleResolvers: true })
export class ExtendTaskLeasePayload {
  @Field(() => TaskLease) lease: TaskLease;
  @Field(() => Task) task: Task;
}

@ObjectType('ReleaseTaskLeasePayload', { simpleResolvers: true })
export class ReleaseTaskLeasePayload {
  @Field(() => Boolean, { description: 'Whether you held a lease on the task that has now ended.' })
  released: boolean;

  @Field(() => Task) task: Task;
}

@ObjectType('BreakTaskLeasePayload', { simpleResolvers: true })
export class BreakTaskLeasePayload {
  @Field(() => TaskLease, {
    nullable: true,
    description: 'The lease that was broken; null when none was in force.',
  })
  brokenLease: TaskLease | null;

  @Field(() => Task) task: Task;
}
