import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RiskAssessment } from './risk-assessment.entity';
import { RiskFactorScore } from './risk-factor-score.entity';

@InputType('SetIndicatorEvidenceInput', {
  description:
    'Records whether an indicator of a scored factor is present, and why. Name the score by scoreId, or by assessmentId with riskFactorId. ' +
    "The assessment's version is checked and bumped; only a DRAFT or IN_REVIEW assessment can change.",
})
export class SetIndicatorEvidenceInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  scoreId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  assessmentId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  riskFactorId?: string | null;

  @Field(() => ID, { description: 'An indicator of the score’s factor.' })
  indicatorId: string;

  @Field(() => Int, { description: 'Version of the assessment.' })
  expectedVersion: number;

  @Field(() => Boolean, {
    description: 'Whether the indicator is present; false records that it was considered and is not.',
  })
  present: boolean;

  @Field(() => String, { nullable: true, description: 'Why; null clears it.' })
  @IsOptional()
  @MaxLength(10_000)
  note?: string | null;
}

@ObjectType('IndicatorEvidence', {
  simpleResolvers: true,
  description: 'Whether an indicator of a scored factor is present in an assessment.',
})
export class IndicatorEvidence {
  /** Internal: resolved to the indicator and to the text rules by field resolvers. */
  scoreId: string;
  riskIndicatorId: string;
  note: string | null;

  @Field(() => Boolean)
  present: boolean;
}

@ObjectType('SetIndicatorEvidencePayload', { simpleResolvers: true })
export class SetIndicatorEvidencePayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
  @Field(() => RiskFactorScore) score: RiskFactorScore;
  @Field(() => IndicatorEvidence) evidence: IndicatorEvidence;
}
