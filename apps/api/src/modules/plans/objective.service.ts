import { type Connection, type PageArgs } from '../../common/connection';
import { AppError, badInput, explainConstraint } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, type Order } from '../../common/listing';
import { requirePlanEditor } from '../../common/plan-access';
import { likePattern } from '../../common/sql';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Transaction } from '../../db/database';
import { explainingConflicts } from '../history/last-change';
import type { MandatedTask } from '../mandates/mandated-task.entity';
import type { RiskFactor } from '../risk/risk-factor.entity';
import { Objective } from './objective.entity';
import type {
  CreateObjectiveInput,
  CreatePhaseInput,
  ObjectiveFilter,
  ObjectiveOrder,
  UpdateObjectiveInput,
  UpdatePhaseInput,
} from './objective.inputs';
import { Phase } from './phase.entity';
import {
  objectiveById,
  objectiveList,
  phaseById,
  phasesByPlanId,
  riskFactorsByObjectiveId,
} from './plan.loaders';
import { planService } from './plan.service';
import { both, inMemberPlan, underReadable } from './plan.visibility';
import { mandatedTaskById, requireRecord, requireRecords, riskFactorById } from './reference.loaders';
import type { ResponsePlan } from './response-plan.entity';
import { recordSetChange } from './set-change';

explainConstraint('phase_dates', 'endsOn', 'must not be before startsOn');

const defaultOrder: Order = { field: 'CREATED_AT', direction: 'ASC' };

function objectiveFilter(filter: ObjectiveFilter | null | undefined): Filter {
  const phaseId = filter?.phaseId ? fromGlobalId('Phase', filter.phaseId, 'filter.phaseId') : null;
  return (q) => {
    if (phaseId) q.and(`o.phase_id = ${q.p(phaseId)}::uuid`);
    if (filter?.search) q.and(`o.title ILIKE ${q.p(likePattern(filter.search))}`);
  };
}

/** A phase given for an objective must exist and belong to the objective's plan. */
async function requirePhaseOf(ctx: Context, planId: string, globalId: string): Promise<Phase> {
  const phase = await requireRecord(phaseById(ctx), 'Phase', globalId, 'phaseId', 'phase');
  if (phase.planId !== planId) throw badInput('phaseId', 'this phase belongs to another plan');
  return phase;
}

function requireMandatedTask(ctx: Context, globalId: string): Promise<MandatedTask> {
  return requireRecord(mandatedTaskById(ctx), 'MandatedTask', globalId, 'mandatedTaskId', 'mandated task');
}

function requireRiskFactors(ctx: Context, globalIds: readonly string[]): Promise<RiskFactor[]> {
  return requireRecords(riskFactorById(ctx), 'RiskFactor', globalIds, 'riskFactorIds', 'risk factor');
}

async function replaceRiskFactors(
  tx: Transaction,
  objectiveId: string,
  riskFactorIds: string[],
): Promise<void> {
  const old = await tx.query<{ id: string }>(
    'DELETE FROM objective_risk_factor WHERE objective_id = $1 RETURNING risk_factor_id AS id',
    [objectiveId],
  );
  if (riskFactorIds.length) {
    await tx.query(
      `INSERT INTO objective_risk_factor (objective_id, risk_factor_id) SELECT $1::uuid, unnest($2::uuid[])`,
      [objectiveId, riskFactorIds],
    );
  }
  recordSetChange(
    tx,
    { type: 'Objective', id: objectiveId },
    'riskFactorIds',
    old.map((r) => r.id),
    riskFactorIds,
  );
}

function assertDateOrder(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && startsOn > endsOn) throw badInput('endsOn', 'must not be before startsOn');
}

export const objectiveService = {
  phases(ctx: Context, plan: ResponsePlan): Promise<Phase[]> {
    return phasesByPlanId(ctx).load(plan.id);
  },

  objectives(
    ctx: Context,
    plan: ResponsePlan,
    args: PageArgs,
    filter?: ObjectiveFilter | null,
    orderBy?: ObjectiveOrder | null,
  ): Promise<Connection<Objective>> {
    return childPage(ctx, objectiveList(ctx.db), 'o.plan_id', plan.id, {
      filterKey: filter,
      filter: both(objectiveFilter(filter), underReadable(ctx.viewer, inMemberPlan(ctx.viewer, 'o.plan_id'))),
      order: orderBy ?? defaultOrder,
      args,
    });
  },

  riskFactors(ctx: Context, objective: Objective): Promise<RiskFactor[]> {
    return riskFactorsByObjectiveId(ctx).load(objective.id);
  },

  async createPhase(ctx: Context, input: CreatePhaseInput): Promise<Phase> {
    const plan = await planService.requirePlan(ctx, input.planId, 'planId');
    await requirePlanEditor(ctx, plan.id);
    assertDateOrder(input.startsOn, input.endsOn);
    const phase = await ctx.db.transaction(async (tx) => {
      let position = input.position;
      if (position == null) {
        const [row] = await tx.query<{ next: number }>(
          'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM phase WHERE plan_id = $1',
          [plan.id],
        );
        position = row.next;
      }
      return insertRow<Phase>(tx, ctx.db.columns(Phase), {
        planId: plan.id,
        kind: input.kind,
        title: input.title,
        position,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
      });
    });
    ctx.loaders.clear();
    return phase;
  },

  async updatePhase(ctx: Context, input: UpdatePhaseInput): Promise<Phase> {
    const id = fromGlobalId('Phase', input.id);
    const current = await phaseById(ctx).load(id);
    if (!current) throw new AppError('NOT_FOUND', 'phase was not found');
    await requirePlanEditor(ctx, current.planId);
    const { id: _id, expectedVersion, ...patch } = input;
    for (const field of ['kind', 'title', 'position'] as const) {
      if (patch[field] === null) throw badInput(field, 'cannot be empty');
    }
    assertDateOrder(patch.startsOn, patch.endsOn);
    const phase = await explainingConflicts(ctx.db, 'Phase', id, () =>
      ctx.db.transaction((tx) =>
        updateRow<Phase>(tx, ctx.db.columns(Phase), 'phase', id, expectedVersion, patch),
      ),
    );
    ctx.loaders.clear();
    return phase;
  },

  async createObjective(ctx: Context, input: CreateObjectiveInput): Promise<Objective> {
    const plan = await planService.requirePlan(ctx, input.planId, 'planId');
    await requirePlanEditor(ctx, plan.id);
    const phase = input.phaseId ? await requirePhaseOf(ctx, plan.id, input.phaseId) : null;
    const mandatedTask = input.mandatedTaskId ? await requireMandatedTask(ctx, input.mandatedTaskId) : null;
    const riskFactors = await requireRiskFactors(ctx, input.riskFactorIds ?? []);
    const objective = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<Objective>(tx, ctx.db.columns(Objective), {
        planId: plan.id,
        phaseId: phase?.id ?? null,
        title: input.title,
        description: input.description ?? null,
        mandatedTaskId: mandatedTask?.id ?? null,
      });
      await replaceRiskFactors(
        tx,
        created.id,
        riskFactors.map((f) => f.id),
      );
      return created;
    });
    ctx.loaders.clear();
    return objective;
  },

  async updateObjective(ctx: Context, input: UpdateObjectiveInput): Promise<Objective> {
    const id = fromGlobalId('Objective', input.id);
    const current = await objectiveById(ctx).load(id);
    if (!current) throw new AppError('NOT_FOUND', 'objective was not found');
    await requirePlanEditor(ctx, current.planId);
    if (input.title === null) throw badInput('title', 'cannot be empty');
    const patch: Record<string, unknown> = { title: input.title, description: input.description };
    if (input.phaseId !== undefined) {
      patch.phaseId =
        input.phaseId === null ? null : (await requirePhaseOf(ctx, current.planId, input.phaseId)).id;
    }
    if (input.mandatedTaskId !== undefined) {
      patch.mandatedTaskId =
        input.mandatedTaskId === null ? null : (await requireMandatedTask(ctx, input.mandatedTaskId)).id;
    }
    const riskFactors =
      input.riskFactorIds === undefined
        ? undefined
        : await requireRiskFactors(ctx, input.riskFactorIds ?? []);
    const objective = await explainingConflicts(ctx.db, 'Objective', id, () =>
      ctx.db.transaction(async (tx) => {
        // The version check comes first, so a stale edit replaces no risk factors.
        const updated = await updateRow<Objective>(
          tx,
          ctx.db.columns(Objective),
          'objective',
          id,
          input.expectedVersion,
          patch,
        );
        if (riskFactors) {
          await replaceRiskFactors(
            tx,
            id,
            riskFactors.map((f) => f.id),
          );
        }
        return updated;
      }),
    );
    ctx.loaders.clear();
    return objective;
  },
};
