import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { MandatedTask } from '../mandates/mandated-task.entity';
import { RiskFactor } from '../risk/risk-factor.entity';
import { Objective } from './objective.entity';
import {
  CreateObjectiveInput,
  CreateObjectivePayload,
  CreatePhaseInput,
  CreatePhasePayload,
  UpdateObjectiveInput,
  UpdateObjectivePayload,
  UpdatePhaseInput,
  UpdatePhasePayload,
} from './objective.inputs';
import { objectiveService } from './objective.service';
import { Phase } from './phase.entity';
import { phaseById, responsePlanById } from './plan.loaders';
import { mandatedTaskById } from './reference.loaders';
import { ResponsePlan } from './response-plan.entity';

@Resolver(() => Phase)
export class PhaseResolver {
  @FieldResolver(() => ResponsePlan)
  plan(@Parent() phase: Phase, @Ctx() ctx: Context) {
    return responsePlanById(ctx).load(phase.planId);
  }

  @Mutation(() => CreatePhasePayload)
  async createPhase(@Arg('input', () => CreatePhaseInput) input: CreatePhaseInput, @Ctx() ctx: Context) {
    return { phase: await objectiveService.createPhase(ctx, input) };
  }

  @Mutation(() => UpdatePhasePayload)
  async updatePhase(@Arg('input', () => UpdatePhaseInput) input: UpdatePhaseInput, @Ctx() ctx: Context) {
    return { phase: await objectiveService.updatePhase(ctx, input) };
  }
}

@Resolver(() => Objective)
export class ObjectiveResolver {
  @FieldResolver(() => ResponsePlan)
  plan(@Parent() objective: Objective, @Ctx() ctx: Context) {
    return responsePlanById(ctx).load(objective.planId);
  }

  @FieldResolver(() => Phase, { nullable: true })
  phase(@Parent() objective: Objective, @Ctx() ctx: Context) {
    return objective.phaseId ? phaseById(ctx).load(objective.phaseId) : null;
  }

  @FieldResolver(() => MandatedTask, {
    nullable: true,
    description: 'The mandated task this objective serves.',
  })
  mandatedTask(@Parent() objective: Objective, @Ctx() ctx: Context) {
    return objective.mandatedTaskId ? mandatedTaskById(ctx).load(objective.mandatedTaskId) : null;
  }

  @FieldResolver(() => [RiskFactor], { description: 'Risk factors this objective mitigates, by number.' })
  riskFactors(@Parent() objective: Objective, @Ctx() ctx: Context) {
    return objectiveService.riskFactors(ctx, objective);
  }

  @Mutation(() => CreateObjectivePayload)
  async createObjective(
    @Arg('input', () => CreateObjectiveInput) input: CreateObjectiveInput,
    @Ctx() ctx: Context,
  ) {
    return { objective: await objectiveService.createObjective(ctx, input) };
  }

  @Mutation(() => UpdateObjectivePayload)
  async updateObjective(
    @Arg('input', () => UpdateObjectiveInput) input: UpdateObjectiveInput,
    @Ctx() ctx: Context,
  ) {
    return { objective: await objectiveService.updateObjective(ctx, input) };
  }
}
