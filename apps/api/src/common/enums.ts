import * as shared from '@concord/shared';
import { registerEnumType } from 'type-graphql';

/** Registers the shared vocabularies as GraphQL enums, once. */
const enums = {
  ActorKind: shared.ActorKind,
  PartnershipKind: shared.PartnershipKind,
  PartnershipStatus: shared.PartnershipStatus,
  MandatedTaskKind: shared.MandatedTaskKind,
  SituationStatus: shared.SituationStatus,
  RiskFactorCategory: shared.RiskFactorCategory,
  RiskLevel: shared.RiskLevel,
  RiskTrend: shared.RiskTrend,
  Confidence: shared.Confidence,
  AssessmentStatus: shared.AssessmentStatus,
  PlanStatus: shared.PlanStatus,
  ParticipantRole: shared.ParticipantRole,
  PhaseKind: shared.PhaseKind,
  TaskPriority: shared.TaskPriority,
  TaskStatus: shared.TaskStatus,
  AssignmentRole: shared.AssignmentRole,
  AssignmentStatus: shared.AssignmentStatus,
  AssignmentResponse: shared.AssignmentResponse,
  CapabilityKind: shared.CapabilityKind,
  ObservationSourceKind: shared.ObservationSourceKind,
  MembershipRole: shared.MembershipRole,
  TokenScope: shared.TokenScope,
  Classification: shared.Classification,
  CapStatus: shared.CapStatus,
  CapMsgType: shared.CapMsgType,
  CapScope: shared.CapScope,
  CapUrgency: shared.CapUrgency,
  CapSeverity: shared.CapSeverity,
  CapCertainty: shared.CapCertainty,
  AlertState: shared.AlertState,
  SourceReliability: shared.SourceReliability,
  ImportStatus: shared.ImportStatus,
  WebhookEvent: shared.WebhookEvent,
  DeliveryStatus: shared.DeliveryStatus,
};
for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });

export * from '@concord/shared';
