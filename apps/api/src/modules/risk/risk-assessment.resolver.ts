import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { Situation } from '../situations/situation.entity';
import { situationById } from '../situations/situation.loaders';
import { RiskAssessment } from './risk-assessment.entity';
import {
  CreateRiskAssessmentInput,
  CreateRiskAssessmentPayload,
  ScoreRiskFactorInput,
  ScoreRiskFactorPayload,
  UpdateRiskAssessmentInput,
  UpdateRiskAssessmentPayload,
} from './risk-assessment.inputs';
import { riskAssessmentService } from './risk-assessment.service';
import { RiskFactor } from './risk-factor.entity';
import { riskFactorById } from './risk-factor.loaders';
import { RiskFactorScore } from './risk-factor-score.entity';

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  @FieldResolver(() => Situation)
  situation(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return situationById(ctx).load(assessment.situationId);
  }

  @FieldResolver(() => String, { nullable: true })
  summary(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return riskAssessmentService.text(ctx, assessment.summary);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The actor that authored the assessment.' })
  authorActor(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return assessment.authorActorId ? actorById(ctx).load(assessment.authorActorId) : null;
  }

  @FieldResolver(() => [RiskFactorScore], { description: 'One score per assessed factor, by factor number.' })
  scores(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return riskAssessmentService.scores(ctx, assessment.id);
  }

  @Mutation(() => CreateRiskAssessmentPayload)
  async createRiskAssessment(
    @Arg('input', () => CreateRiskAssessmentInput) input: CreateRiskAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return { riskAssessment: await riskAssessmentService.create(ctx, input) };
  }

  @Mutation(() => UpdateRiskAssessmentPayload)
  async updateRiskAssessment(
    @Arg('input', () => UpdateRiskAssessmentInput) input: UpdateRiskAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return { riskAssessment: await riskAssessmentService.update(ctx, input) };
  }

  @Mutation(() => ScoreRiskFactorPayload)
  scoreRiskFactor(
    @Arg('input', () => ScoreRiskFactorInput) input: ScoreRiskFactorInput,
    @Ctx() ctx: Context,
  ) {
    return riskAssessmentService.score(ctx, input);
  }
}

@Resolver(() => RiskFactorScore)
export class RiskFactorScoreResolver {
  @FieldResolver(() => RiskFactor)
  riskFactor(@Parent() score: RiskFactorScore, @Ctx() ctx: Context) {
    return riskFactorById(ctx).load(score.riskFactorId);
  }

  @FieldResolver(() => String, { nullable: true })
  rationale(@Parent() score: RiskFactorScore, @Ctx() ctx: Context) {
    return riskAssessmentService.text(ctx, score.rationale);
  }
}
