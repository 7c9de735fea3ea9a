import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { userById } from '../accounts/account.loaders';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Task } from '../tasks/task.entity';
import { taskById } from '../tasks/task.loaders';
import { TaskLease } from './lease.entity';
import {
  BreakTaskLeaseInput,
  BreakTaskLeasePayload,
  ExtendTaskLeaseInput,
  ExtendTaskLeasePayload,
  ReleaseTaskLeaseInput,
  ReleaseTaskLeasePayload,
  TakeTaskLeaseInput,
  TakeTaskLeasePayload,
} from './lease.inputs';
import { leaseService } from './lease.service';

@Resolver(() => TaskLease)
export class TaskLeaseResolver {
  @FieldResolver(() => User, { description: 'The person working on the task.' })
  holder(@Parent() lease: TaskLease, @Ctx() ctx: Context) {
    return userById(ctx).load(lease.holderUserId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The organisation they work for in this plan.' })
  holderActor(@Parent() lease: TaskLease, @Ctx() ctx: Context) {
    return lease.holderActorId ? actorById(ctx).load(lease.holderActorId) : null;
  }

  @FieldResolver(() => Task)
  task(@Parent() lease: TaskLease, @Ctx() ctx: Context) {
    return taskById(ctx).load(lease.taskId);
  }

  @Mutation(() => TakeTaskLeasePayload, {
    description:
      'Takes a task for a while, for editors of its plan. If someone else holds it, CONFLICT names them and the expiry; taking your own lease again renews it.',
  })
  takeTaskLease(@Arg('input', () => TakeTaskLeaseInput) input: TakeTaskLeaseInput, @Ctx() ctx: Context) {
    return leaseService.take(ctx, input);
  }

  @Mutation(() => ExtendTaskLeasePayload, {
    description:
      'Moves the expiry of a lease you hold; CONFLICT once it has lapsed or passed to someone else.',
  })
  extendTaskLease(
    @Arg('input', () => ExtendTaskLeaseInput) input: ExtendTaskLeaseInput,
    @Ctx() ctx: Context,
  ) {
    return leaseService.extend(ctx, input);
  }

  @Mutation(() => ReleaseTaskLeasePayload, {
    description: 'Ends your lease on a task. A lease also ends when the task is COMPLETED or CANCELLED.',
  })
  releaseTaskLease(
    @Arg('input', () => ReleaseTaskLeaseInput) input: ReleaseTaskLeaseInput,
    @Ctx() ctx: Context,
  ) {
    return leaseService.release(ctx, input);
  }

  @Mutation(() => BreakTaskLeasePayload, {
    description:
      "Ends someone else's lease. Administrators only ('lease.break'); the reason is kept in the audit log.",
  })
  breakTaskLease(@Arg('input', () => BreakTaskLeaseInput) input: BreakTaskLeaseInput, @Ctx() ctx: Context) {
    return leaseService.breakLease(ctx, input);
  }
}

/** The lease hangs off tasks here, so the tasks module need not know about leases. */
@Resolver(() => Task)
export class TaskLeaseFieldResolver {
  @FieldResolver(() => TaskLease, {
    nullable: true,
    description: 'Who is working on the task now; null when nobody holds it or the lease has lapsed.',
  })
  lease(@Parent() task: Task, @Ctx() ctx: Context) {
    return leaseService.lease(ctx, task);
  }
}
