import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Subscription } from 'type-graphql';
import { isAdmin } from '../../common/authz';
import { toGlobalId } from '../../common/ids';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { userById } from '../accounts/account.loaders';
import { User } from '../accounts/user.entity';
import { taskAssignmentById } from '../assignments/assignment.loaders';
import { TaskAssignment } from '../assignments/task-assignment.entity';
import { responsePlanById } from '../plans/plan.loaders';
import { ResponsePlan } from '../plans/response-plan.entity';
import { Task } from '../tasks/task.entity';
import { taskById } from '../tasks/task.loaders';
import type { ChangeRow } from './change-log';
import { liveService } from './live.service';
import { ChangeEvent } from './live.types';

type Args = { planId: string; taskId: string; actorId?: string | null; after?: string | null };
type SubscribeData = { args: Args; context: Context };

const AFTER =
  'Resume after this position (of the last event received): missed events are replayed first, then live ones follow. Changes are kept for CHANGE_LOG_RETENTION (30 days by default): a position from before that is refused with BAD_USER_INPUT (field "after", prunedThrough); load what you show again and subscribe after the changePosition read with it.';

@Resolver(() => ChangeEvent)
export class LiveResolver {
  @FieldResolver(() => String, {
    description: 'Position in the change log; send the last one back as `after` to resume.',
  })
  position(@Parent() event: ChangeRow): string {
    return String(event.position);
  }

  @FieldResolver(() => ID, { description: 'Global id of the changed record.' })
  entityId(@Parent() event: ChangeRow): string {
    return toGlobalId(event.entityType, event.entityId);
  }

  @FieldResolver(() => ResponsePlan, {
    nullable: true,
    description: 'The plan concerned, as you may read it now.',
  })
  plan(@Parent() event: ChangeRow, @Ctx() ctx: Context) {
    return event.planId ? responsePlanById(ctx).load(event.planId) : null;
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description: 'The changed task, or the task of the changed assignment.',
  })
  async task(@Parent() event: ChangeRow, @Ctx() ctx: Context) {
    if (event.entityType === 'Task') return taskById(ctx).load(event.entityId);
    if (event.entityType !== 'TaskAssignment') return null;
    const assignment = await taskAssignmentById(ctx).load(event.entityId);
    return assignment ? taskById(ctx).load(assignment.taskId) : null;
  }

  @FieldResolver(() => TaskAssignment, {
    nullable: true,
    description: 'The changed or escalated assignment.',
  })
  assignment(@Parent() event: ChangeRow, @Ctx() ctx: Context) {
    return event.entityType === 'TaskAssignment' ? taskAssignmentById(ctx).load(event.entityId) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who made the change: shown to administrators and to that person.',
  })
  user(@Parent() event: ChangeRow, @Ctx() ctx: Context) {
    if (!event.userId || !(isAdmin(ctx.viewer) || ctx.viewer.userId === event.userId)) return null;
    return userById(ctx).load(event.userId);
  }

  @Query(() => String, {
    description:
      'The newest change-log position. Read it before loading what you show, then subscribe with after: it, and nothing is missed in between.',
  })
  changePosition(@Ctx() ctx: Context) {
    return liveService.position(ctx);
  }

  @Subscription(() => ChangeEvent, {
    description:
      'Changes in a plan (its phases, objectives, participants, tasks, assignments and escalations) that you may read.',
    subscribe: ({ args, context }: SubscribeData) =>
      liveService.planChanged(context, args.planId, args.after),
  })
  planChanged(
    @Parent() event: ChangeRow,
    @Arg('planId', () => ID) _planId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after: string | null,
  ): ChangeRow {
    return event;
  }

  @Subscription(() => ChangeEvent, {
    description: 'Changes of a task and of its assignments that you may read.',
    subscribe: ({ args, context }: SubscribeData) =>
      liveService.taskChanged(context, args.taskId, args.after),
  })
  taskChanged(
    @Parent() event: ChangeRow,
    @Arg('taskId', () => ID) _taskId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after: string | null,
  ): ChangeRow {
    return event;
  }

  @Subscription(() => ChangeEvent, {
    description:
      "Changes and escalations of an organisation's assignments (by default, your organisations') that you may read.",
    subscribe: ({ args, context }: SubscribeData) =>
      liveService.assignmentChanged(context, args.actorId, args.after),
  })
  assignmentChanged(
    @Parent() event: ChangeRow,
    @Arg('actorId', () => ID, { nullable: true }) _actorId: string | null,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after: string | null,
  ): ChangeRow {
    return event;
  }

  @Subscription(() => ChangeEvent, {
    description: 'Who is looking at or editing a plan, for its members.',
    subscribe: ({ args, context }: SubscribeData) =>
      liveService.presenceChanged(context, args.planId, args.after),
  })
  presenceChanged(
    @Parent() event: ChangeRow,
    @Arg('planId', () => ID) _planId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after: string | null,
  ): ChangeRow {
    return event;
  }
}
