import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import { Classification, Confidence, RiskLevel, RiskTrend } from '../../common/enums';
import { LocalDateScalar } from '../../common/scalars';
import { RiskAssessment } from './risk-assessment.entity';
import { RiskFactorScore } from './risk-factor-score.entity';

export const RiskAssessmentOrderField = { ASSESSED_ON: 'ASSESSED_ON' } as const;
export type RiskAssessmentOrderField = keyof typeof RiskAssessmentOrderField;
registerEnumType(RiskAssessmentOrderField, { name: 'RiskAssessmentOrderField' });

@InputType('RiskAssessmentOrder')
export class RiskAssessmentOrder {
  @Field(() => RiskAssessmentOrderField) field: RiskAssessmentOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

@InputType('RiskFactorScoreInput', {
  description: 'The score of one factor: name it by riskFactorNumber or riskFactorId.',
})
export class RiskFactorScoreInput {
  @Field(() => Int, { nullable: true, description: 'Number of the factor in the Framework, 1–14.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(14)
  riskFactorNumber?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  riskFactorId?: string | null;

  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field(() => RiskTrend, { nullable: true, description: 'STABLE when not given.' })
  @IsOptional()
  trend?: RiskTrend | null;

  @Field(() => Confidence, { nullable: true, description: 'MEDIUM when not given.' })
  @IsOptional()
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  rationale?: string | null;
}

@InputType('CreateRiskAssessmentInput', {
  description:
    'The overall level is not sent: it is computed from the scores (see RiskAssessment.overallLevel).',
})
export class CreateRiskAssessmentInput {
  @Field(() => ID) situationId: string;

  @Field(() => LocalDateScalar, { description: 'Date the assessment speaks for; not in the future.' })
  assessedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  summary?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The actor that authored the assessment: one the caller is a liaison of; a liaison's own organisation when not given.",
  })
  @IsOptional()
  authorActorId?: string | null;

  @Field(() => Classification, { nullable: true, description: 'Who may read it; RESTRICTED when not given.' })
  @IsOptional()
  classification?: Classification | null;

  @Field(() => [RiskFactorScoreInput], { description: 'At most one score per factor.' })
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  scores: RiskFactorScoreInput[];
}

@InputType('UpdateRiskAssessmentInput', {
  description:
    'A patch of a DRAFT or IN_REVIEW assessment: only the fields sent change. The status moves only through submitRiskAssessment, returnRiskAssessment and publishRiskAssessment.',
})
export class UpdateRiskAssessmentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  summary?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Not in the future.' })
  @IsOptional()
  assessedOn?: string | null;

  @Field(() => Classification, { nullable: true })
  @IsOptional()
  classification?: Classification | null;
}

@InputType('ScoreRiskFactorInput', {
  description:
    "Sets one factor's score (adding it if the assessment had none for that factor). The assessment's " +
    'version is checked and bumped, and its overall level recomputed, in the same transaction.',
})
export class ScoreRiskFactorInput {
  @Field(() => ID) assessmentId: string;
  @Field(() => Int, { description: 'Version of the assessment.' }) expectedVersion: number;
  @Field(() => ID) riskFactorId: string;
  @Field(() => RiskLevel) level: RiskLevel;

  @Field(() => RiskTrend, { nullable: true, description: 'Kept (or STABLE for a new score) when not given.' })
  @IsOptional()
  trend?: RiskTrend | null;

  @Field(() => Confidence, {
    nullable: true,
    description: 'Kept (or MEDIUM for a new score) when not given.',
  })
  @IsOptional()
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true, description: 'Kept when not given; null clears it.' })
  @IsOptional()
  @MaxLength(10_000)
  rationale?: string | null;
}

@ObjectType('CreateRiskAssessmentPayload', { simpleResolvers: true })
export class CreateRiskAssessmentPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
}

@ObjectType('UpdateRiskAssessmentPayload', { simpleResolvers: true })
export class UpdateRiskAssessmentPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
}

@ObjectType('ScoreRiskFactorPayload', { simpleResolvers: true })
export class ScoreRiskFactorPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
  @Field(() => RiskFactorScore) score: RiskFactorScore;
}

export const RiskAssessmentConnection = connectionType(RiskAssessment, 'RiskAssessment');
