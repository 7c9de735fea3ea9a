import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import { EDGE_NODE, pageRequest, projectionOf } from '../../common/projection';
import type { Context } from '../../context';
import { Objective } from '../plans/objective.entity';
import { objectiveById, planJoin, responsePlanById } from '../plans/plan.loaders';
import { ResponsePlan } from '../plans/response-plan.entity';
import { CapabilityRequirement } from './capability-requirement.entity';
import { Task } from './task.entity';
import {
  CreateTaskInput,
  CreateTaskPayload,
  TaskConnection,
  TaskFilter,
  TaskListFilter,
  TaskOrder,
  UpdateTaskInput,
  UpdateTaskPayload,
} from './task.inputs';
import { taskService } from './task.service';
import { ReportTaskProgressInput, ReportTaskProgressPayload } from './task-progress.inputs';
import { taskProgressService } from './task-progress.service';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection, {
    description: 'Tasks across plans; soonest due first unless ordered otherwise.',
  })
  tasks(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskListFilter, { nullable: true }) filter: TaskListFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return taskService.list(ctx, pageRequest(page, info), filter, orderBy, projectionOf(info, EDGE_NODE));
  }

  @Query(() => Task)
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return taskService.get(ctx, id, projectionOf(info), [
      planJoin(ctx, 'planId', projectionOf(info, ['plan']), { implied: true }),
    ]);
  }

  @FieldResolver(() => ResponsePlan)
  plan(@Parent() task: Task, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return responsePlanById(ctx, projectionOf(info)).get(task.planId);
  }

  @FieldResolver(() => Objective, { nullable: true })
  objective(@Parent() task: Task, @Ctx() ctx: Context) {
    return task.objectiveId ? objectiveById(ctx).load(task.objectiveId) : null;
  }

  @FieldResolver(() => [Task], { description: 'Tasks that must be done before this one.' })
  dependsOn(@Parent() task: Task, @Ctx() ctx: Context) {
    return taskService.dependsOn(ctx, task);
  }

  @FieldResolver(() => [Task], { description: 'Tasks waiting for this one.' })
  dependents(@Parent() task: Task, @Ctx() ctx: Context) {
    return taskService.dependents(ctx, task);
  }

  @FieldResolver(() => [CapabilityRequirement])
  requiredCapabilities(@Parent() task: Task, @Ctx() ctx: Context) {
    return taskService.requiredCapabilities(ctx, task);
  }

  @Mutation(() => CreateTaskPayload)
  async createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() ctx: Context) {
    return { task: await taskService.create(ctx, input) };
  }

  @Mutation(() => UpdateTaskPayload)
  async updateTask(@Arg('input', () => UpdateTaskInput) input: UpdateTaskInput, @Ctx() ctx: Context) {
    return { task: await taskService.update(ctx, input) };
  }

  @Mutation(() => ReportTaskProgressPayload, {
    description:
      'The organisation doing a task (a member who answers assignments, or a token with WRITE_ASSIGNMENTS) reports IN_PROGRESS, BLOCKED or SUBMITTED, with an optional note.',
  })
  async reportTaskProgress(
    @Arg('input', () => ReportTaskProgressInput) input: ReportTaskProgressInput,
    @Ctx() ctx: Context,
  ) {
    return { task: await taskProgressService.report(ctx, input) };
  }
}

/** Task lists hang off plans and objectives here, so the plans module need not know about tasks. */
@Resolver(() => ResponsePlan)
export class PlanTasksResolver {
  @FieldResolver(() => TaskConnection, { description: 'Soonest due first unless ordered otherwise.' })
  tasks(
    @Parent() plan: ResponsePlan,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders
      .forField(info, 'ResponsePlan.tasks', () =>
        taskService.ofPlans(ctx, pageRequest(page, info), filter, orderBy, projectionOf(info, EDGE_NODE)),
      )
      .load(plan.id);
  }
}

@Resolver(() => Objective)
export class ObjectiveTasksResolver {
  @FieldResolver(() => TaskConnection, { description: 'In order of creation unless ordered otherwise.' })
  tasks(
    @Parent() objective: Objective,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() ctx: Context,
  ) {
    return taskService.ofObjective(ctx, objective, page, filter, orderBy);
  }
}
