import type { NonEmptyArray } from 'type-graphql';
import { AccountResolver, MembershipResolver } from './accounts/account.resolver';
import { ActorResolver } from './actors/actor.resolver';
import {
  AlertRecipientResolver,
  AlertResolver,
  AlertRuleResolver,
  SituationAlertsResolver,
} from './alerts/alert.resolver';
import {
  ActorAssignmentsResolver,
  TaskAssignmentResolver,
  TaskAssignmentsResolver,
} from './assignments/assignment.resolver';
import { AuditResolver } from './audit/audit.resolver';
import {
  ActorCapabilitiesResolver,
  CapabilityPledgeResolver,
} from './capabilities/capability-pledge.resolver';
import {
  ActorMandateCoverageResolver,
  AlertLatencyResolver,
  CapabilityGapResolver,
  MandateCoverageResolver,
  MandatedTaskCoverageResolver,
  MitigationGapResolver,
  PlanCapabilityGapsResolver,
  SituationGapsResolver,
} from './gaps/gap.resolver';
import { PlanHistoryResolver, RevisionResolver } from './history/history.resolver';
import { ImportJobResolver, SituationImportsResolver } from './imports/import.resolver';
import { LiveResolver } from './live/live.resolver';
import { ActorMandatesResolver } from './mandates/actor-mandates.resolver';
import { MandateResolver } from './mandates/mandate.resolver';
import { MandatedTaskResolver } from './mandates/mandated-task.resolver';
import { NodeResolver } from './node.resolver';
import { NotificationResolver } from './notifications/notification.resolver';
import { ActorPartnersResolver } from './partnerships/partner.resolver';
import { PartnershipResolver } from './partnerships/partnership.resolver';
import { ObjectiveResolver, PhaseResolver } from './plans/objective.resolver';
import { PlanParticipantResolver, ResponsePlanResolver } from './plans/plan.resolver';
import { TaskLeaseFieldResolver, TaskLeaseResolver } from './presence/lease.resolver';
import { PlanPresenceResolver, PresenceResolver } from './presence/presence.resolver';
import {
  AssessmentReviewResolver,
  IndicatorEvidenceResolver,
  ScoreEvidenceResolver,
} from './risk/assessment-review.resolver';
import { RiskAssessmentResolver, RiskFactorScoreResolver } from './risk/risk-assessment.resolver';
import { RiskFactorResolver, RiskIndicatorResolver } from './risk/risk-factor.resolver';
import { ObservationResolver } from './situations/observation.resolver';
import { SituationResolver } from './situations/situation.resolver';
import { ObjectiveTasksResolver, PlanTasksResolver, TaskResolver } from './tasks/task.resolver';
import { ApiTokenResolver } from './tokens/token.resolver';
import { WebhookSubscriptionResolver } from './webhooks/webhook.resolver';

/** Every resolver of the schema. A module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AccountResolver,
  MembershipResolver,
  ApiTokenResolver,
  AuditResolver,
  ActorResolver,
  PartnershipResolver,
  ActorPartnersResolver,
  MandateResolver,
  MandatedTaskResolver,
  ActorMandatesResolver,
  CapabilityPledgeResolver,
  ActorCapabilitiesResolver,
  SituationResolver,
  ObservationResolver,
  RiskFactorResolver,
  RiskIndicatorResolver,
  RiskAssessmentResolver,
  RiskFactorScoreResolver,
  AssessmentReviewResolver,
  ScoreEvidenceResolver,
  IndicatorEvidenceResolver,
  AlertResolver,
  AlertRecipientResolver,
  AlertRuleResolver,
  SituationAlertsResolver,
  ImportJobResolver,
  SituationImportsResolver,
  SituationGapsResolver,
  PlanCapabilityGapsResolver,
  MandateCoverageResolver,
  ActorMandateCoverageResolver,
  MitigationGapResolver,
  MandatedTaskCoverageResolver,
  CapabilityGapResolver,
  AlertLatencyResolver,
  ResponsePlanResolver,
  PlanParticipantResolver,
  PhaseResolver,
  ObjectiveResolver,
  TaskResolver,
  PlanTasksResolver,
  ObjectiveTasksResolver,
  RevisionResolver,
  PlanHistoryResolver,
  PresenceResolver,
  PlanPresenceResolver,
  TaskLeaseResolver,
  TaskLeaseFieldResolver,
  TaskAssignmentResolver,
  TaskAssignmentsResolver,
  ActorAssignmentsResolver,
  LiveResolver,
  NotificationResolver,
  WebhookSubscriptionResolver,
];
