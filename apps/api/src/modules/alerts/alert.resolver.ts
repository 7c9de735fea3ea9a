import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { User } from '../accounts/user.entity';
import { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { RiskAssessment } from '../risk/risk-assessment.entity';
import { riskAssessmentById } from '../risk/risk-assessment.loaders';
import { latestReasonByEntityId } from '../risk/workflow';
import { Situation } from '../situations/situation.entity';
import { situationById } from '../situations/situation.loaders';
import { Alert } from './alert.entity';
import {
  AcknowledgeAlertInput,
  AcknowledgeAlertPayload,
  AlertConnection,
  AlertFilter,
  AlertOrder,
  CloseAlertInput,
  CloseAlertPayload,
  CreateAlertInput,
  CreateAlertPayload,
  EscalateAlertInput,
  EscalateAlertPayload,
  IssueAlertInput,
  IssueAlertPayload,
  SetAlertRuleInput,
  SetAlertRulePayload,
  SituationAlertFilter,
  UpdateAlertInput,
  UpdateAlertPayload,
} from './alert.inputs';
import { type AlertRecipientRow, recipientsByAlertId } from './alert.loaders';
import { alertService, ESCALATION_REASON } from './alert.service';
import { AlertRecipient } from './alert-recipient.entity';
import { AlertRule } from './alert-rule.entity';
import { alertRuleService } from './alert-rule.service';

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => AlertConnection, {
    description:
      'Alerts the caller may read: those its organisations sent or received, issued PUBLIC ones, all for administrators. Newest first unless ordered otherwise.',
  })
  alerts(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AlertFilter, { nullable: true }) filter: AlertFilter | null,
    @Arg('orderBy', () => AlertOrder, { nullable: true }) orderBy: AlertOrder | null,
    @Ctx() ctx: Context,
  ) {
    return alertService.list(ctx, page, filter, orderBy);
  }

  @Query(() => Alert, { nullable: true })
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return alertService.get(ctx, id);
  }

  @FieldResolver(() => Situation)
  situation(@Parent() alert: Alert, @Ctx() ctx: Context) {
    return situationById(ctx).load(alert.situationId);
  }

  @FieldResolver(() => Actor, { description: 'The organisation that sends the alert (CAP <sender>).' })
  senderActor(@Parent() alert: Alert, @Ctx() ctx: Context) {
    return actorById(ctx).load(alert.senderActorId);
  }

  @FieldResolver(() => RiskAssessment, {
    nullable: true,
    description:
      'The published assessment whose threshold crossing raised the alert, if the reader may read it.',
  })
  assessment(@Parent() alert: Alert, @Ctx() ctx: Context) {
    return alert.assessmentId ? riskAssessmentById(ctx).load(alert.assessmentId) : null;
  }

  @FieldResolver(() => [AlertRecipient], { description: 'The organisations addressed, by name.' })
  recipients(@Parent() alert: Alert, @Ctx() ctx: Context) {
    return recipientsByAlertId(ctx).load(alert.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the alert was escalated; null if it never was.',
  })
  async escalationReason(@Parent() alert: Alert, @Ctx() ctx: Context) {
    return (await latestReasonByEntityId(ctx, 'Alert', ESCALATION_REASON).load(alert.id))?.reason ?? null;
  }

  @Mutation(() => CreateAlertPayload)
  async createAlert(@Arg('input', () => CreateAlertInput) input: CreateAlertInput, @Ctx() ctx: Context) {
    return { alert: await alertService.create(ctx, input) };
  }

  @Mutation(() => UpdateAlertPayload)
  async updateAlert(@Arg('input', () => UpdateAlertInput) input: UpdateAlertInput, @Ctx() ctx: Context) {
    return { alert: await alertService.update(ctx, input) };
  }

  @Mutation(() => IssueAlertPayload)
  async issueAlert(@Arg('input', () => IssueAlertInput) input: IssueAlertInput, @Ctx() ctx: Context) {
    return { alert: await alertService.issue(ctx, input) };
  }

  @Mutation(() => AcknowledgeAlertPayload)
  async acknowledgeAlert(
    @Arg('input', () => AcknowledgeAlertInput) input: AcknowledgeAlertInput,
    @Ctx() ctx: Context,
  ) {
    return { alert: await alertService.acknowledge(ctx, input) };
  }

  @Mutation(() => EscalateAlertPayload)
  async escalateAlert(
    @Arg('input', () => EscalateAlertInput) input: EscalateAlertInput,
    @Ctx() ctx: Context,
  ) {
    return { alert: await alertService.escalate(ctx, input) };
  }

  @Mutation(() => CloseAlertPayload)
  async closeAlert(@Arg('input', () => CloseAlertInput) input: CloseAlertInput, @Ctx() ctx: Context) {
    return { alert: await alertService.close(ctx, input) };
  }
}

@Resolver(() => AlertRecipient)
export class AlertRecipientResolver {
  @FieldResolver(() => Actor)
  actor(@Parent() recipient: AlertRecipientRow, @Ctx() ctx: Context) {
    return actorById(ctx).load(recipient.actorId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      'The person who acknowledged for the organisation; shown to members of that organisation and of the sender, and to administrators.',
  })
  acknowledgedBy(@Parent() recipient: AlertRecipientRow, @Ctx() ctx: Context) {
    return alertService.acknowledgedBy(ctx, recipient);
  }
}

@Resolver(() => AlertRule)
export class AlertRuleResolver {
  @FieldResolver(() => Situation, { nullable: true, description: 'Null for the global rule.' })
  situation(@Parent() rule: AlertRule, @Ctx() ctx: Context) {
    return rule.situationId ? situationById(ctx).load(rule.situationId) : null;
  }

  @Mutation(() => SetAlertRulePayload)
  async setAlertRule(@Arg('input', () => SetAlertRuleInput) input: SetAlertRuleInput, @Ctx() ctx: Context) {
    return { alertRule: await alertRuleService.set(ctx, input) };
  }
}

/** A situation's alerts and threshold, added to Situation from this module. */
@Resolver(() => Situation)
export class SituationAlertsResolver {
  @FieldResolver(() => AlertConnection, {
    description: 'Alerts about the situation the caller may read, newest first.',
  })
  alerts(
    @Parent() situation: Situation,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SituationAlertFilter, { nullable: true }) filter: SituationAlertFilter | null,
    @Arg('orderBy', () => AlertOrder, { nullable: true }) orderBy: AlertOrder | null,
    @Ctx() ctx: Context,
  ) {
    return alertService.forSituation(ctx, situation.id, page, filter, orderBy);
  }

  @FieldResolver(() => AlertRule, {
    nullable: true,
    description: 'The alert rule in force: its own, else the global one; null when there is none.',
  })
  alertRule(@Parent() situation: Situation, @Ctx() ctx: Context) {
    return alertRuleService.forSituation(ctx, situation.id);
  }
}
