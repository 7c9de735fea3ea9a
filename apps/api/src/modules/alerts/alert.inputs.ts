import { ArrayMaxSize, ArrayUnique, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, OrderDirection } from '../../common/connection';
import {
  AlertState,
  CapCertainty,
  CapMsgType,
  CapScope,
  CapSeverity,
  CapStatus,
  CapUrgency,
  RiskLevel,
} from '../../common/enums';
import { Alert } from './alert.entity';
import { AlertRule } from './alert-rule.entity';

export const AlertOrderField = { CREATED_AT: 'CREATED_AT' } as const;
export type AlertOrderField = keyof typeof AlertOrderField;
registerEnumType(AlertOrderField, { name: 'AlertOrderField' });

const RECIPIENTS_MAX = 100;
const NOT_BLANK = /\S/;

@InputType('AlertFilter')
export class AlertFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  situationId?: string | null;

  @Field(() => [AlertState], { nullable: true, description: 'Any of these states.' })
  @IsOptional()
  @ArrayMaxSize(10)
  states?: AlertState[] | null;
}

@InputType('SituationAlertFilter')
export class SituationAlertFilter {
  @Field(() => [AlertState], { nullable: true, description: 'Any of these states.' })
  @IsOptional()
  @ArrayMaxSize(10)
  states?: AlertState[] | null;
}

@InputType('AlertOrder')
export class AlertOrder {
  @Field(() => AlertOrderField) field: AlertOrderField;
  @Field(() => OrderDirection, { defaultValue: 'DESC' }) direction: OrderDirection;
}

@InputType('CreateAlertInput', {
  description: 'A DRAFT alert; nobody but its sender organisation sees it until it is issued.',
})
export class CreateAlertInput {
  @Field(() => ID) situationId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The sending organisation: one the caller is a liaison of; the caller's own organisation when not given.",
  })
  @IsOptional()
  senderActorId?: string | null;

  @Field(() => String, { description: 'CAP <headline>, at most 160 characters.' })
  @Length(1, 160)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  headline: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'CAP <instruction>: what recipients should do.' })
  @IsOptional()
  @MaxLength(20_000)
  instruction?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "CAP <areaDesc>; the situation's areas when not given.",
  })
  @IsOptional()
  @Length(1, 1000)
  areaDesc?: string | null;

  @Field(() => CapUrgency) urgency: CapUrgency;
  @Field(() => CapSeverity) severity: CapSeverity;
  @Field(() => CapCertainty) certainty: CapCertainty;

  @Field(() => CapStatus, {
    nullable: true,
    description: 'EXERCISE for an exercise situation, ACTUAL otherwise, when not given.',
  })
  @IsOptional()
  status?: CapStatus | null;

  @Field(() => CapMsgType, { nullable: true, description: 'ALERT when not given.' })
  @IsOptional()
  msgType?: CapMsgType | null;

  @Field(() => CapScope, {
    nullable: true,
    description: 'RESTRICTED when not given. A PUBLIC alert, once issued, is read by every signed-in reader.',
  })
  @IsOptional()
  scope?: CapScope | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Recipient organisations (actors), at most ${RECIPIENTS_MAX}.`,
  })
  @IsOptional()
  @ArrayMaxSize(RECIPIENTS_MAX)
  @ArrayUnique()
  recipientIds?: string[] | null;
}

@InputType('UpdateAlertInput', { description: 'A patch of a DRAFT alert: only the fields sent change.' })
export class UpdateAlertInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 160)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  instruction?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  areaDesc?: string | null;

  @Field(() => CapUrgency, { nullable: true })
  @IsOptional()
  urgency?: CapUrgency | null;

  @Field(() => CapSeverity, { nullable: true })
  @IsOptional()
  severity?: CapSeverity | null;

  @Field(() => CapCertainty, { nullable: true })
  @IsOptional()
  certainty?: CapCertainty | null;

  @Field(() => CapStatus, { nullable: true })
  @IsOptional()
  status?: CapStatus | null;

  @Field(() => CapMsgType, { nullable: true })
  @IsOptional()
  msgType?: CapMsgType | null;

  @Field(() => CapScope, { nullable: true })
  @IsOptional()
  scope?: CapScope | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the recipients.' })
  @IsOptional()
  @ArrayMaxSize(RECIPIENTS_MAX)
  @ArrayUnique()
  recipientIds?: string[] | null;
}

@InputType('IssueAlertInput', { description: 'DRAFT → ISSUED; the alert needs at least one recipient.' })
export class IssueAlertInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType('AcknowledgeAlertInput', {
  description:
    'A recipient organisation confirms it received an ISSUED (or ESCALATED) alert. When every recipient has, an ISSUED alert becomes ACKNOWLEDGED.',
})
export class AcknowledgeAlertInput {
  @Field(() => ID) id: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The recipient organisation acknowledging; when not given, every recipient organisation the caller is a member of that has not yet.',
  })
  @IsOptional()
  actorId?: string | null;
}

@InputType('EscalateAlertInput', { description: 'ISSUED or ACKNOWLEDGED → ESCALATED, with the reason.' })
export class EscalateAlertInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;

  @Field(() => String)
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason: string;
}

@InputType('CloseAlertInput', {
  description: 'Any state but CLOSED → CLOSED (a DRAFT is discarded this way).',
})
export class CloseAlertInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType('SetAlertRuleInput', {
  description:
    "Sets a situation's threshold, or the global one (administrators only) when situationId is not given.",
})
export class SetAlertRuleInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  situationId?: string | null;

  @Field(() => RiskLevel, { description: 'A published overall level at or above it raises an alert.' })
  minLevel: RiskLevel;

  @Field(() => Boolean, { nullable: true, description: 'True when not given; false switches alerts off.' })
  @IsOptional()
  active?: boolean | null;
}

@ObjectType('CreateAlertPayload', { simpleResolvers: true })
export class CreateAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('UpdateAlertPayload', { simpleResolvers: true })
export class UpdateAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('IssueAlertPayload', { simpleResolvers: true })
export class IssueAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('AcknowledgeAlertPayload', { simpleResolvers: true })
export class AcknowledgeAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('EscalateAlertPayload', { simpleResolvers: true })
export class EscalateAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('CloseAlertPayload', { simpleResolvers: true })
export class CloseAlertPayload {
  @Field(() => Alert) alert: Alert;
}

@ObjectType('SetAlertRulePayload', { simpleResolvers: true })
export class SetAlertRulePayload {
  @Field(() => AlertRule) alertRule: AlertRule;
}

export const AlertConnection = connectionType(Alert, 'Alert');
