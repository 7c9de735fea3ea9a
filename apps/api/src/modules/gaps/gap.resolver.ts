import { Arg, Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../../common/parent';
import type { Context } from '../../context';
import { Actor } from '../actors/actor.entity';
import { Alert } from '../alerts/alert.entity';
import { alertById } from '../alerts/alert.loaders';
import { taskAssignmentById } from '../assignments/assignment.loaders';
import { TaskAssignment } from '../assignments/task-assignment.entity';
import { CapabilityPledge } from '../capabilities/capability-pledge.entity';
import { capabilityPledgeById } from '../capabilities/capability-pledge.loaders';
import { Mandate } from '../mandates/mandate.entity';
import { mandateById, mandatedTaskById } from '../mandates/mandate.loaders';
import { MandatedTask } from '../mandates/mandated-task.entity';
import { Objective } from '../plans/objective.entity';
import { objectiveById } from '../plans/plan.loaders';
import { ResponsePlan } from '../plans/response-plan.entity';
import { RiskAssessment } from '../risk/risk-assessment.entity';
import { riskAssessmentById, riskFactorScoreById } from '../risk/risk-assessment.loaders';
import { RiskFactor } from '../risk/risk-factor.entity';
import { riskFactorById } from '../risk/risk-factor.loaders';
import { RiskFactorScore } from '../risk/risk-factor-score.entity';
import { Situation } from '../situations/situation.entity';
import { Task } from '../tasks/task.entity';
import { taskById } from '../tasks/task.loaders';
import { gapService, readable } from './gap.service';
import {
  AlertLatency,
  CapabilityGap,
  MandatedTaskCoverage,
  MitigationGap,
  WarningToActionLatency,
} from './gap.types';

@Resolver(() => Situation)
export class SituationGapsResolver {
  @FieldResolver(() => [MitigationGap], {
    description:
      'Factors at HIGH or VERY_HIGH in the latest PUBLISHED assessment that no objective mitigates: none of an open plan (not CLOSED or CANCELLED) of the situation names the factor AND has a task that is not CANCELLED. Highest level first, then by factor number. Computed over what the caller may read.',
  })
  mitigationGaps(@Parent() situation: Situation, @Ctx() ctx: Context) {
    return gapService.mitigationGaps(ctx, situation.id);
  }

  @FieldResolver(() => WarningToActionLatency, {
    description: 'How long issued alerts of the situation waited for action; see WarningToActionLatency.',
  })
  warningToActionLatency(@Parent() situation: Situation, @Ctx() ctx: Context) {
    return gapService.warningToActionLatency(ctx, situation.id);
  }
}

@Resolver(() => ResponsePlan)
export class PlanCapabilityGapsResolver {
  @FieldResolver(() => [CapabilityGap], {
    description:
      'Capabilities the plan’s open tasks require beyond what the actors that ACCEPTED them have pledged (valid pledges). Largest shortfall first. Computed over what the caller may read.',
  })
  capabilityGaps(@Parent() plan: ResponsePlan, @Ctx() ctx: Context) {
    return gapService.capabilityGaps(ctx, plan.id);
  }
}

@Resolver(() => Mandate)
export class MandateCoverageResolver {
  @FieldResolver(() => [MandatedTaskCoverage], {
    description:
      'Mandated tasks nobody has accepted to lead: no ACCEPTED LEAD assignment on a task (not CANCELLED) of an objective of an open plan that traces to the mandated task. Needs a session or token; computed over what the caller may read.',
  })
  coverageGaps(@Parent() mandate: Mandate, @Ctx() ctx: Context) {
    return gapService.coverageGaps(ctx, mandate.id);
  }
}

@Resolver(() => Actor)
export class ActorMandateCoverageResolver {
  @FieldResolver(() => [MandatedTaskCoverage], {
    description:
      'For a mission: every mandated task of its mandates in force today, covered or not (see Mandate.coverageGaps). Needs a session or token.',
  })
  mandateCoverage(
    @Parent() actor: Actor,
    @Arg('onlyGaps', () => Boolean, { defaultValue: false }) onlyGaps: boolean,
    @Ctx() ctx: Context,
  ) {
    return gapService.mandateCoverage(ctx, actor.id, onlyGaps);
  }
}

@Resolver(() => MitigationGap)
export class MitigationGapResolver {
  @FieldResolver(() => RiskFactor)
  riskFactor(@Parent() gap: MitigationGap, @Ctx() ctx: Context) {
    return riskFactorById(ctx).load(gap.riskFactorId);
  }

  @FieldResolver(() => RiskFactorScore)
  score(@Parent() gap: MitigationGap, @Ctx() ctx: Context) {
    return riskFactorScoreById(ctx).load(gap.scoreId);
  }

  @FieldResolver(() => RiskAssessment, { description: 'The latest published assessment.' })
  assessment(@Parent() gap: MitigationGap, @Ctx() ctx: Context) {
    return riskAssessmentById(ctx).load(gap.assessmentId);
  }

  @FieldResolver(() => [Objective], {
    description: 'Objectives of open plans that name the factor but have no task that is not cancelled.',
  })
  objectives(@Parent() gap: MitigationGap, @Ctx() ctx: Context) {
    return readable(objectiveById(ctx), gap.objectiveIds);
  }
}

@Resolver(() => MandatedTaskCoverage)
export class MandatedTaskCoverageResolver {
  @FieldResolver(() => MandatedTask)
  mandatedTask(@Parent() coverage: MandatedTaskCoverage, @Ctx() ctx: Context) {
    return mandatedTaskById(ctx).load(coverage.mandatedTaskId);
  }

  @FieldResolver(() => Mandate)
  mandate(@Parent() coverage: MandatedTaskCoverage, @Ctx() ctx: Context) {
    return mandateById(ctx).load(coverage.mandateId);
  }

  @FieldResolver(() => [Objective], {
    description: 'Objectives of open plans that trace to the mandated task.',
  })
  objectives(@Parent() coverage: MandatedTaskCoverage, @Ctx() ctx: Context) {
    return readable(objectiveById(ctx), coverage.objectiveIds);
  }

  @FieldResolver(() => [TaskAssignment], { description: 'The accepted LEAD assignments that cover it.' })
  leadAssignments(@Parent() coverage: MandatedTaskCoverage, @Ctx() ctx: Context) {
    return readable(taskAssignmentById(ctx), coverage.leadAssignmentIds);
  }
}

@Resolver(() => CapabilityGap)
export class CapabilityGapResolver {
  @FieldResolver(() => Task)
  task(@Parent() gap: CapabilityGap, @Ctx() ctx: Context) {
    return taskById(ctx).load(gap.taskId);
  }

  @FieldResolver(() => [CapabilityPledge], {
    description:
      'The pledges of this capability by the actors assigned (accepted, then proposed), fastest first.',
  })
  pledges(@Parent() gap: CapabilityGap, @Ctx() ctx: Context) {
    return readable(capabilityPledgeById(ctx), gap.pledgeIds);
  }
}

@Resolver(() => AlertLatency)
export class AlertLatencyResolver {
  @FieldResolver(() => Alert)
  alert(@Parent() latency: AlertLatency, @Ctx() ctx: Context) {
    return alertById(ctx).load(latency.alertId);
  }

  @FieldResolver(() => TaskAssignment, {
    nullable: true,
    description: 'The first accepted assignment; null when none yet.',
  })
  firstAcceptance(@Parent() latency: AlertLatency, @Ctx() ctx: Context) {
    return latency.assignmentId ? taskAssignmentById(ctx).load(latency.assignmentId) : null;
  }
}
