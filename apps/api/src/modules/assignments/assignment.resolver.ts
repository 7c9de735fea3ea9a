import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { AssignmentStatus } from '../../common/enums';
import { Parent } from '../../common/parent';
import { EDGE_NODE, pageRequest, projectionOf } from '../../common/projection';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById, actorJoin } from '../actors/actor.loaders';
import { planJoin } from '../plans/plan.loaders';
import { Task } from '../tasks/task.entity';
import { taskById, taskJoin } from '../tasks/task.loaders';
import {
  AssignTaskInput,
  AssignTaskPayload,
  RespondToAssignmentInput,
  RespondToAssignmentPayload,
  TaskAssignmentConnection,
  TaskAssignmentFilter,
  TaskAssignmentOrder,
  WithdrawAssignmentInput,
  WithdrawAssignmentPayload,
} from './assignment.inputs';
import { assignmentService } from './assignment.service';
import { TaskAssignment } from './task-assignment.entity';

@Resolver(() => TaskAssignment)
export class TaskAssignmentResolver {
  @FieldResolver(() => Task)
  task(@Parent() assignment: TaskAssignment, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return taskById(ctx, projectionOf(info)).get(assignment.taskId);
  }

  @FieldResolver(() => Actor)
  actor(@Parent() assignment: TaskAssignment, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return actorById(ctx, projectionOf(info)).get(assignment.actorId);
  }

  @Mutation(() => AssignTaskPayload, {
    description: 'Proposes a task to an actor, who answers with respondToAssignment.',
  })
  async assignTask(@Arg('input', () => AssignTaskInput) input: AssignTaskInput, @Ctx() ctx: Context) {
    return { assignment: await assignmentService.assign(ctx, input) };
  }

  @Mutation(() => RespondToAssignmentPayload, {
    description:
      'Accepts, declines (with a reason) or counter-proposes (with a reason and a date) an assignment.',
  })
  async respondToAssignment(
    @Arg('input', () => RespondToAssignmentInput) input: RespondToAssignmentInput,
    @Ctx() ctx: Context,
  ) {
    return { assignment: await assignmentService.respond(ctx, input) };
  }

  @Mutation(() => WithdrawAssignmentPayload)
  async withdrawAssignment(
    @Arg('input', () => WithdrawAssignmentInput) input: WithdrawAssignmentInput,
    @Ctx() ctx: Context,
  ) {
    return { assignment: await assignmentService.withdraw(ctx, input) };
  }
}

/** Assignments hang off tasks here, so the tasks module need not know about assignments. */
@Resolver(() => Task)
export class TaskAssignmentsResolver {
  @FieldResolver(() => TaskAssignmentConnection, { description: 'In order of assignment.' })
  assignments(
    @Parent() task: Task,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskAssignmentFilter, { nullable: true }) filter: TaskAssignmentFilter | null,
    @Arg('orderBy', () => TaskAssignmentOrder, { nullable: true }) orderBy: TaskAssignmentOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders
      .forField(info, 'Task.assignments', () =>
        assignmentService.ofTasks(
          ctx,
          pageRequest(page, info),
          filter,
          orderBy,
          projectionOf(info, EDGE_NODE),
          [actorJoin(ctx, 'actorId', projectionOf(info, [...EDGE_NODE, 'actor']))],
        ),
      )
      .load(task.id);
  }
}

/** An actor's assignments, declared here so that the actors module does not depend on assignments. */
@Resolver(() => Actor)
export class ActorAssignmentsResolver {
  @FieldResolver(() => TaskAssignmentConnection, {
    description: 'Tasks given to this actor, in order of assignment.',
  })
  assignments(
    @Parent() actor: Actor,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskAssignmentFilter, { nullable: true }) filter: TaskAssignmentFilter | null,
    @Arg('orderBy', () => TaskAssignmentOrder, { nullable: true }) orderBy: TaskAssignmentOrder | null,
    @Arg('status', () => AssignmentStatus, { nullable: true, description: 'Shorthand for one status.' })
    status: AssignmentStatus | null,
    @Arg('statuses', () => [AssignmentStatus], {
      nullable: true,
      description: 'Shorthand for filter.statuses.',
    })
    statuses: AssignmentStatus[] | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders
      .forField(info, 'Actor.assignments', () =>
        assignmentService.ofActors(ctx, pageRequest(page, info), {
          filter,
          orderBy,
          statusSets: [status ? [status] : [], statuses ?? []],
          projection: projectionOf(info, EDGE_NODE),
          // An assignment's task and the task's plan are readable whenever the assignment is.
          joins: [
            taskJoin(ctx, 'taskId', projectionOf(info, [...EDGE_NODE, 'task']), {
              implied: true,
              joins: [
                planJoin(ctx, 'planId', projectionOf(info, [...EDGE_NODE, 'task', 'plan']), {
                  implied: true,
                }),
              ],
            }),
          ],
        }),
      )
      .load(actor.id);
  }
}
