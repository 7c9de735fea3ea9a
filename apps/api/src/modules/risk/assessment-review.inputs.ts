import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Alert } from '../alerts/alert.entity';
import { RiskAssessment } from './risk-assessment.entity';

@InputType('SubmitRiskAssessmentInput', { description: 'DRAFT → IN_REVIEW.' })
export class SubmitRiskAssessmentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType('PublishRiskAssessmentInput', {
  description:
    "IN_REVIEW → PUBLISHED. The situation's previously published assessment becomes SUPERSEDED in the same transaction, and an alert is raised when the level crosses the situation's alert rule.",
})
export class PublishRiskAssessmentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType('ReturnRiskAssessmentInput', { description: 'IN_REVIEW → DRAFT, with the reason for the author.' })
export class ReturnRiskAssessmentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String)
  @Length(1, 2000)
  @Matches(/\S/, { message: 'must not be blank' })
  reason: string;
}

@ObjectType('SubmitRiskAssessmentPayload', { simpleResolvers: true })
export class SubmitRiskAssessmentPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
}

@ObjectType('PublishRiskAssessmentPayload', { simpleResolvers: true })
export class PublishRiskAssessmentPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;

  @Field(() => RiskAssessment, {
    nullable: true,
    description: 'The assessment this one superseded, if there was one (and the caller may read it).',
  })
  superseded: RiskAssessment | null;

  @Field(() => Alert, {
    nullable: true,
    description: 'The DRAFT alert raised because the level crossed the alert rule, if any.',
  })
  alert: Alert | null;
}

@ObjectType('ReturnRiskAssessmentPayload', { simpleResolvers: true })
export class ReturnRiskAssessmentPayload {
  @Field(() => RiskAssessment) riskAssessment: RiskAssessment;
}
