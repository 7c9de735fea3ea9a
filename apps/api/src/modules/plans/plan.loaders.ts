import { byId, defineList, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import type { RiskFactor } from '../risk/risk-factor.entity';
import { Objective } from './objective.entity';
import { Phase } from './phase.entity';
import { inMemberPlan, readablePlans, underReadable } from './plan.visibility';
import { PlanParticipant } from './plan-participant.entity';
import { objectiveRiskFactorList } from './reference.loaders';
import { ResponsePlan } from './response-plan.entity';

export const responsePlanList = defineList(
  'responsePlans',
  ResponsePlan,
  'p',
  {
    CREATED_AT: { expr: 'p.created_at', cast: 'timestamptz' },
    TITLE: { expr: 'p.title', cast: 'text' },
  },
  { keyReaders: ['tasks', 'leadActor', 'situation', 'participants', 'phases'] },
);

export const participantList = defineList('planParticipants', PlanParticipant, 'pp', {});
export const phaseList = defineList('phases', Phase, 'ph', {});
export const objectiveList = defineList('objectives', Objective, 'o', {
  CREATED_AT: { expr: 'o.created_at', cast: 'timestamptz' },
});

// Loaders are made per request, so each bakes the viewer's read rule into its statement: a record
// out of reach loads as null, exactly like a missing one, by node(id) and by every relation field.

const plansById = byId<ResponsePlan>('responsePlanById', responsePlanList, readablePlans);
export const responsePlanById = plansById.load;
/** The plan that `key` points to, read with the rows that hold it when the query asks for it. */
export const planJoin = plansById.join;

export const planParticipantById = (ctx: Context) =>
  ctx.loaders.get('planParticipantById', () =>
    rowsById<PlanParticipant>(ctx.db, participantList(ctx.db), inMemberPlan(ctx.viewer, 'pp.plan_id')),
  );

export const phaseById = (ctx: Context) =>
  ctx.loaders.get('phaseById', () =>
    rowsById<Phase>(ctx.db, phaseList(ctx.db), inMemberPlan(ctx.viewer, 'ph.plan_id')),
  );

export const objectiveById = (ctx: Context) =>
  ctx.loaders.get('objectiveById', () =>
    rowsById<Objective>(ctx.db, objectiveList(ctx.db), inMemberPlan(ctx.viewer, 'o.plan_id')),
  );

/** The lead first, then contributors and observers (enum order), each in joining order. */
export const participantsByPlanId = (ctx: Context) =>
  ctx.loaders.get('participantsByPlanId', () =>
    rowsByParent<PlanParticipant>(
      ctx.db,
      participantList(ctx.db),
      'pp.plan_id',
      'pp.role, pp.created_at, pp.id',
      underReadable(ctx.viewer, inMemberPlan(ctx.viewer, 'pp.plan_id')),
    ),
  );

export const phasesByPlanId = (ctx: Context) =>
  ctx.loaders.get('phasesByPlanId', () =>
    rowsByParent<Phase>(
      ctx.db,
      phaseList(ctx.db),
      'ph.plan_id',
      'ph.position, ph.id',
      underReadable(ctx.viewer, inMemberPlan(ctx.viewer, 'ph.plan_id')),
    ),
  );

/** Risk factors are the Framework's public reference data: no rule of their own. */
export const riskFactorsByObjectiveId = (ctx: Context) =>
  ctx.loaders.get('riskFactorsByObjectiveId', () =>
    rowsByParent<RiskFactor>(ctx.db, objectiveRiskFactorList(ctx.db), 'orf.objective_id', 'rf.number'),
  );

registerNodeType('ResponsePlan', responsePlanById);
registerNodeType('PlanParticipant', planParticipantById);
registerNodeType('Phase', phaseById);
registerNodeType('Objective', objectiveById);
