import { Field, Int, ObjectType } from 'type-graphql';
import { CapabilityKind, RiskLevel } from '../../common/enums';
import { DateTimeScalar } from '../../common/scalars';

// Each gap carries the ids of the records involved (resolved by field resolvers through the
// owning modules' loaders, which apply the read rules) and its explanation in plain words.

@ObjectType('MitigationGap', {
  simpleResolvers: true,
  description:
    'A risk factor at HIGH or VERY_HIGH in the latest published assessment that no objective of an open plan mitigates with live work.',
})
export class MitigationGap {
  riskFactorId: string;
  scoreId: string;
  assessmentId: string;
  objectiveIds: string[];

  @Field(() => RiskLevel) level: RiskLevel;

  @Field(() => String) explanation: string;
}

@ObjectType('MandatedTaskCoverage', {
  simpleResolvers: true,
  description: 'Whether anyone has accepted to lead work on a mandated task.',
})
export class MandatedTaskCoverage {
  mandatedTaskId: string;
  mandateId: string;
  objectiveIds: string[];
  leadAssignmentIds: string[];

  @Field(() => Boolean, {
    description:
      'True when an ACCEPTED LEAD assignment exists on a task of an objective that traces to the mandated task.',
  })
  covered: boolean;

  @Field(() => String) explanation: string;
}

@ObjectType('CapabilityGap', {
  simpleResolvers: true,
  description: 'A capability a task needs beyond what the actors that accepted it have pledged.',
})
export class CapabilityGap {
  taskId: string;
  pledgeIds: string[];

  @Field(() => CapabilityKind) capability: CapabilityKind;

  @Field(() => Int, { description: 'How many the task requires.' })
  required: number;

  @Field(() => Int, {
    description: 'Pledged (and still valid) by the actors with an ACCEPTED assignment on the task.',
  })
  pledged: number;

  @Field(() => Int, {
    description:
      'Pledged by the actors whose assignment is still PROPOSED: what accepting would add. Not counted in pledged.',
  })
  proposed: number;

  @Field(() => Int, { description: 'required − pledged.' })
  shortfall: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The fastest readiness (days) among the counted pledges; null when nothing is pledged.',
  })
  fastestReadinessDays: number | null;

  @Field(() => String) explanation: string;
}

@ObjectType('AlertLatency', {
  simpleResolvers: true,
  description: 'How long an issued alert waited for action.',
})
export class AlertLatency {
  alertId: string;
  assignmentId: string | null;

  @Field(() => DateTimeScalar) issuedAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the first action came; null when none yet.',
  })
  actedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds from issuedAt to actedAt; null when no action yet.',
  })
  latencySeconds: number | null;

  @Field(() => String) explanation: string;
}

@ObjectType('WarningToActionLatency', {
  simpleResolvers: true,
  description:
    'For each issued alert of a situation, the time from its issue to the first action: the first assignment ACCEPTED (respondedAt) on a task of a plan of the situation created after the alert was issued.',
})
export class WarningToActionLatency {
  @Field(() => [AlertLatency], { description: 'Every issued alert the caller may read, oldest first.' })
  alerts: AlertLatency[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Median of latencySeconds over the alerts acted on; null when no alert has been acted on yet.',
  })
  medianLatencySeconds: number | null;

  @Field(() => String) explanation: string;
}
