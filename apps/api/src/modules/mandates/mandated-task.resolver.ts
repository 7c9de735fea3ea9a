import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Mandate } from './mandate.entity';
import { MandatedTask } from './mandated-task.entity';
import {
  CreateMandatedTaskInput,
  CreateMandatedTaskPayload,
  UpdateMandatedTaskInput,
  UpdateMandatedTaskPayload,
} from './mandated-task.inputs';
import { mandatedTaskService } from './mandated-task.service';

@Resolver(() => MandatedTask)
export class MandatedTaskResolver {
  @FieldResolver(() => Mandate)
  mandate(@Parent() task: MandatedTask, @Ctx() ctx: Context) {
    return mandatedTaskService.mandate(ctx, task);
  }

  @Mutation(() => CreateMandatedTaskPayload)
  async createMandatedTask(
    @Arg('input', () => CreateMandatedTaskInput) input: CreateMandatedTaskInput,
    @Ctx() ctx: Context,
  ) {
    return { mandatedTask: await mandatedTaskService.create(ctx, input) };
  }

  @Mutation(() => UpdateMandatedTaskPayload)
  async updateMandatedTask(
    @Arg('input', () => UpdateMandatedTaskInput) input: UpdateMandatedTaskInput,
    @Ctx() ctx: Context,
  ) {
    return { mandatedTask: await mandatedTaskService.update(ctx, input) };
  }
}
