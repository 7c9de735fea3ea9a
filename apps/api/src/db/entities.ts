import { RateLimitBucket } from '../common/rate-limit.entity';
import { Membership } from '../modules/accounts/membership.entity';
import { Session } from '../modules/accounts/session.entity';
import { User } from '../modules/accounts/user.entity';
import { Actor } from '../modules/actors/actor.entity';
import { Alert } from '../modules/alerts/alert.entity';
import { AlertRecipient } from '../modules/alerts/alert-recipient.entity';
import { AlertRule } from '../modules/alerts/alert-rule.entity';
import { TaskAssignment } from '../modules/assignments/task-assignment.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { CapabilityPledge } from '../modules/capabilities/capability-pledge.entity';
import { ChangeLogEntry, ChangeLogHorizon } from '../modules/history/change-log.entity';
import { Revision } from '../modules/history/revision.entity';
import { ImportJob } from '../modules/imports/import-job.entity';
import { Mandate } from '../modules/mandates/mandate.entity';
import { MandatedTask } from '../modules/mandates/mandated-task.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { Partnership } from '../modules/partnerships/partnership.entity';
import { Objective } from '../modules/plans/objective.entity';
import { Phase } from '../modules/plans/phase.entity';
import { PlanParticipant } from '../modules/plans/plan-participant.entity';
import { ResponsePlan } from '../modules/plans/response-plan.entity';
import { TaskLease } from '../modules/presence/lease.entity';
import { Presence } from '../modules/presence/presence.entity';
import { RiskAssessment } from '../modules/risk/risk-assessment.entity';
import { RiskFactor } from '../modules/risk/risk-factor.entity';
import { RiskFactorScore } from '../modules/risk/risk-factor-score.entity';
import { RiskIndicator } from '../modules/risk/risk-indicator.entity';
import { ScoreIndicator } from '../modules/risk/score-indicator.entity';
import { Observation } from '../modules/situations/observation.entity';
import { ObservationIndicator } from '../modules/situations/observation-indicator.entity';
import { Situation } from '../modules/situations/situation.entity';
import { CapabilityRequirement } from '../modules/tasks/capability-requirement.entity';
import { Task } from '../modules/tasks/task.entity';
import { TaskDependency } from '../modules/tasks/task-dependency.entity';
import { ApiToken } from '../modules/tokens/api-token.entity';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity';
import { WebhookSubscription } from '../modules/webhooks/webhook-subscription.entity';

export const entities = [
  Actor,
  Partnership,
  Mandate,
  MandatedTask,
  Situation,
  Observation,
  RiskFactor,
  RiskIndicator,
  RiskAssessment,
  RiskFactorScore,
  ResponsePlan,
  PlanParticipant,
  Phase,
  Objective,
  Task,
  TaskDependency,
  CapabilityRequirement,
  TaskAssignment,
  CapabilityPledge,
  User,
  Membership,
  Session,
  ApiToken,
  AuditEvent,
  RateLimitBucket,
  Revision,
  ChangeLogEntry,
  ChangeLogHorizon,
  Presence,
  TaskLease,
  Notification,
  Alert,
  AlertRecipient,
  AlertRule,
  WebhookSubscription,
  WebhookDelivery,
  ImportJob,
  ObservationIndicator,
  ScoreIndicator,
];
