import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { RiskAssessment } from '../risk/risk-assessment.entity';
import { RiskAssessmentConnection, RiskAssessmentOrder } from '../risk/risk-assessment.inputs';
import { riskAssessmentService } from '../risk/risk-assessment.service';
import { ObservationConnection, ObservationFilter, ObservationOrder } from './observation.inputs';
import { observationService } from './observation.service';
import { Situation } from './situation.entity';
import {
  CreateSituationInput,
  CreateSituationPayload,
  SituationConnection,
  SituationFilter,
  SituationOrder,
  UpdateSituationInput,
  UpdateSituationPayload,
} from './situation.inputs';
import { situationService } from './situation.service';

@Resolver(() => Situation)
export class SituationResolver {
  @Query(() => SituationConnection, { description: 'Countries and areas of concern.' })
  situations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SituationFilter, { nullable: true }) filter: SituationFilter | null,
    @Arg('orderBy', () => SituationOrder, { nullable: true }) orderBy: SituationOrder | null,
    @Ctx() ctx: Context,
  ) {
    return situationService.list(ctx, page, filter, orderBy);
  }

  @Query(() => Situation, { nullable: true })
  situation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return situationService.get(ctx, id);
  }

  @FieldResolver(() => RiskAssessment, {
    nullable: true,
    description:
      'The assessment that currently speaks for the situation: the most recent PUBLISHED one if any ' +
      'assessment is published, otherwise the most recent of any status. "Most recent" means the latest ' +
      'assessedOn, and among those the latest created. Null when the situation has never been assessed.',
  })
  latestAssessment(@Parent() situation: Situation, @Ctx() ctx: Context) {
    return riskAssessmentService.latestFor(ctx, situation.id);
  }

  @FieldResolver(() => RiskAssessmentConnection, {
    description: 'Every assessment of the situation, newest assessedOn first unless ordered otherwise.',
  })
  assessments(
    @Parent() situation: Situation,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => RiskAssessmentOrder, { nullable: true }) orderBy: RiskAssessmentOrder | null,
    @Ctx() ctx: Context,
  ) {
    return riskAssessmentService.forSituation(ctx, situation.id, page, orderBy);
  }

  @FieldResolver(() => ObservationConnection, {
    description:
      'Evidence recorded for the situation, most recent occurredOn first unless ordered otherwise.',
  })
  observations(
    @Parent() situation: Situation,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ObservationFilter, { nullable: true }) filter: ObservationFilter | null,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Ctx() ctx: Context,
  ) {
    return observationService.forSituation(ctx, situation.id, page, filter, orderBy);
  }

  @Mutation(() => CreateSituationPayload)
  async createSituation(
    @Arg('input', () => CreateSituationInput) input: CreateSituationInput,
    @Ctx() ctx: Context,
  ) {
    return { situation: await situationService.create(ctx, input) };
  }

  @Mutation(() => UpdateSituationPayload)
  async updateSituation(
    @Arg('input', () => UpdateSituationInput) input: UpdateSituationInput,
    @Ctx() ctx: Context,
  ) {
    return { situation: await situationService.update(ctx, input) };
  }
}
