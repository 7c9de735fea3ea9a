import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import {
  PublishRiskAssessmentInput,
  PublishRiskAssessmentPayload,
  ReturnRiskAssessmentInput,
  ReturnRiskAssessmentPayload,
  SubmitRiskAssessmentInput,
  SubmitRiskAssessmentPayload,
} from './assessment-review.inputs';
import { assessmentReviewService } from './assessment-review.service';
import {
  IndicatorEvidence,
  SetIndicatorEvidenceInput,
  SetIndicatorEvidencePayload,
} from './indicator-evidence.inputs';
import { indicatorEvidenceService } from './indicator-evidence.service';
import { RiskAssessment } from './risk-assessment.entity';
import { riskIndicatorById } from './risk-factor.loaders';
import { RiskFactorScore } from './risk-factor-score.entity';
import { RiskIndicator } from './risk-indicator.entity';

/** The review workflow and the explanation of the overall level, added to RiskAssessment. */
@Resolver(() => RiskAssessment)
export class AssessmentReviewResolver {
  @FieldResolver(() => [RiskFactorScore], {
    description:
      'The scores at the overall level, by factor number: what makes the assessment as high as it is. Empty at NONE.',
  })
  drivers(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return assessmentReviewService.drivers(ctx, assessment);
  }

  @FieldResolver(() => String, {
    description:
      'The overall level in plain words, e.g. "HIGH because 2 factors are HIGH: 1 Situations of armed conflict or other forms of instability (indicator 1.1 present), 4 Motives or incentives; no factor is VERY_HIGH".',
  })
  overallExplanation(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return assessmentReviewService.explanation(ctx, assessment);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why a reviewer last returned the assessment to its author; null if never returned, or unless the reader may read assessment texts.',
  })
  returnReason(@Parent() assessment: RiskAssessment, @Ctx() ctx: Context) {
    return assessmentReviewService.returnReason(ctx, assessment);
  }

  @Mutation(() => SubmitRiskAssessmentPayload)
  async submitRiskAssessment(
    @Arg('input', () => SubmitRiskAssessmentInput) input: SubmitRiskAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return { riskAssessment: await assessmentReviewService.submit(ctx, input) };
  }

  @Mutation(() => ReturnRiskAssessmentPayload)
  async returnRiskAssessment(
    @Arg('input', () => ReturnRiskAssessmentInput) input: ReturnRiskAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return { riskAssessment: await assessmentReviewService.returnToAuthor(ctx, input) };
  }

  @Mutation(() => PublishRiskAssessmentPayload)
  publishRiskAssessment(
    @Arg('input', () => PublishRiskAssessmentInput) input: PublishRiskAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return assessmentReviewService.publish(ctx, input);
  }

  @Mutation(() => SetIndicatorEvidencePayload)
  setIndicatorEvidence(
    @Arg('input', () => SetIndicatorEvidenceInput) input: SetIndicatorEvidenceInput,
    @Ctx() ctx: Context,
  ) {
    return indicatorEvidenceService.set(ctx, input);
  }
}

/** Indicator-level evidence, added to RiskFactorScore. */
@Resolver(() => RiskFactorScore)
export class ScoreEvidenceResolver {
  @FieldResolver(() => [IndicatorEvidence], {
    description: 'The indicators of the factor recorded as present or absent, in the Framework’s numbering.',
  })
  indicators(@Parent() score: RiskFactorScore, @Ctx() ctx: Context) {
    return indicatorEvidenceService.forScore(ctx, score.id);
  }
}

@Resolver(() => IndicatorEvidence)
export class IndicatorEvidenceResolver {
  @FieldResolver(() => RiskIndicator)
  indicator(@Parent() evidence: IndicatorEvidence, @Ctx() ctx: Context) {
    return riskIndicatorById(ctx).load(evidence.riskIndicatorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why; null unless the reader may read assessment texts (liaisons and administrators).',
  })
  note(@Parent() evidence: IndicatorEvidence, @Ctx() ctx: Context) {
    return indicatorEvidenceService.note(ctx, evidence);
  }
}
