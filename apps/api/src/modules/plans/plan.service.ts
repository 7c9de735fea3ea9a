import { authorize, isAdmin } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput, explainConstraint } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/ids';
import { type Filter, listPage, type Order, selectList } from '../../common/listing';
import { requirePlanEditor } from '../../common/plan-access';
import type { Projection } from '../../common/projection';
import { likePattern } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { planReadableAsMember } from '../../common/visibility';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Actor } from '../actors/actor.entity';
import { actorById } from '../actors/actor.loaders';
import { explainingConflicts } from '../history/last-change';
import type {
  AddPlanParticipantInput,
  CreateResponsePlanInput,
  RemovePlanParticipantInput,
  ResponsePlanFilter,
  ResponsePlanOrder,
  UpdateResponsePlanInput,
} from './plan.inputs';
import { participantsByPlanId, responsePlanById, responsePlanList } from './plan.loaders';
import { both, readablePlans } from './plan.visibility';
import { PlanParticipant } from './plan-participant.entity';
import { requireRecord, situationById } from './reference.loaders';
import { ResponsePlan } from './response-plan.entity';

explainConstraint('response_plan_dates', 'endsOn', 'must not be before startsOn');
explainConstraint('plan_participant_plan_actor_key', 'actorId', 'this actor already takes part in the plan');
explainConstraint('plan_participant_one_lead', 'role', 'a plan has exactly one LEAD');

const defaultOrder: Order = { field: 'CREATED_AT', direction: 'DESC' };

/** What the caller asked for, within what the viewer may read. */
function planFilter(viewer: Viewer, filter: ResponsePlanFilter | null | undefined): Filter {
  return both(askedPlans(viewer, filter), readablePlans(viewer));
}

function askedPlans(viewer: Viewer, filter: ResponsePlanFilter | null | undefined): Filter {
  const situationId = filter?.situationId
    ? fromGlobalId('Situation', filter.situationId, 'filter.situationId')
    : null;
  const leadActorId = filter?.leadActorId
    ? fromGlobalId('Actor', filter.leadActorId, 'filter.leadActorId')
    : null;
  const participantActorId = filter?.participantActorId
    ? fromGlobalId('Actor', filter.participantActorId, 'filter.participantActorId')
    : null;
  return (q) => {
    if (!filter) return;
    if (filter.statuses?.length) q.and(q.in('p.status', filter.statuses, 'plan_status'));
    if (situationId) q.and(`p.situation_id = ${q.p(situationId)}::uuid`);
    if (leadActorId) q.and(`p.lead_actor_id = ${q.p(leadActorId)}::uuid`);
    if (participantActorId) {
      // Who takes part is for members to see: a partner cannot learn it by filtering either.
      const visible = isAdmin(viewer) ? '' : ` AND ${planReadableAsMember(q, viewer, 'p')}`;
      q.and(
        `EXISTS (SELECT 1 FROM plan_participant pp WHERE pp.plan_id = p.id AND pp.actor_id = ${q.p(participantActorId)}::uuid)${visible}`,
      );
    }
    if (filter.search) {
      const pattern = q.p(likePattern(filter.search));
      q.and(`(p.title ILIKE ${pattern} OR p.summary ILIKE ${pattern})`);
    }
  };
}

function assertDateOrder(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && startsOn > endsOn) throw badInput('endsOn', 'must not be before startsOn');
}

/**
 * Loads the plan a write refers to, or names the field that points nowhere; a plan the viewer may
 * not read points nowhere too.
 */
function requirePlan(ctx: Context, globalId: string, field: string): Promise<ResponsePlan> {
  return requireRecord(responsePlanById(ctx), 'ResponsePlan', globalId, field, 'response plan');
}

async function getPlan(ctx: Context, globalId: string): Promise<ResponsePlan> {
  const plan = await responsePlanById(ctx).load(fromGlobalId('ResponsePlan', globalId));
  if (!plan) throw new AppError('NOT_FOUND', 'response plan was not found');
  return plan;
}

function requireActor(ctx: Context, globalId: string, field: string): Promise<Actor> {
  return requireRecord(actorById(ctx), 'Actor', globalId, field, 'actor');
}

export const planService = {
  requirePlan,

  list(
    ctx: Context,
    args: PageArgs,
    filter?: ResponsePlanFilter | null,
    orderBy?: ResponsePlanOrder | null,
    projection?: Projection | null,
  ): Promise<Connection<ResponsePlan>> {
    return listPage(
      ctx.db,
      responsePlanList(ctx.db),
      planFilter(ctx.viewer, filter),
      orderBy ?? defaultOrder,
      toPage(args),
      selectList(responsePlanList(ctx.db), projection),
    );
  },

  get: getPlan,

  participants(ctx: Context, plan: ResponsePlan): Promise<PlanParticipant[]> {
    return participantsByPlanId(ctx).load(plan.id);
  },

  async create(ctx: Context, input: CreateResponsePlanInput): Promise<ResponsePlan> {
    // A liaison plans for its own organisation only; which organisations take part is then its call.
    await authorize(ctx, 'plan.create', fromGlobalId('Actor', input.leadActorId, 'leadActorId'));
    const situation = await requireRecord(
      situationById(ctx),
      'Situation',
      input.situationId,
      'situationId',
      'situation',
    );
    const lead = await requireActor(ctx, input.leadActorId, 'leadActorId');
    // Loaded together: one statement for the whole list.
    const invited = await Promise.all(
      (input.participants ?? []).map(async (participant, i) => {
        const field = `participants.${i}.actorId`;
        return { field, actor: await requireActor(ctx, participant.actorId, field), role: participant.role };
      }),
    );
    const seen = new Set([lead.id]);
    for (const { field, actor } of invited) {
      if (seen.has(actor.id)) throw badInput(field, 'this actor is listed twice, or is the lead');
      seen.add(actor.id);
    }
    const others = invited.map(({ actor, role }) => ({ actorId: actor.id, role }));
    assertDateOrder(input.startsOn, input.endsOn);

    const plan = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<ResponsePlan>(tx, ctx.db.columns(ResponsePlan), {
        title: input.title,
        summary: input.summary ?? null,
        situationId: situation.id,
        leadActorId: lead.id,
        status: input.status ?? undefined,
        classification: input.classification ?? undefined,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
      });
      for (const participant of [{ actorId: lead.id, role: 'LEAD' }, ...others]) {
        await insertRow(tx, ctx.db.columns(PlanParticipant), { planId: created.id, ...participant });
      }
      return created;
    });
    ctx.loaders.clear();
    return plan;
  },

  async update(ctx: Context, input: UpdateResponsePlanInput): Promise<ResponsePlan> {
    const { id: globalId, expectedVersion, ...patch } = input;
    const { id } = await getPlan(ctx, globalId);
    // Who may read the plan is for the lead organisation to say.
    await requirePlanEditor(ctx, id, { lead: patch.classification !== undefined });
    for (const field of ['title', 'status', 'classification'] as const) {
      if (patch[field] === null) throw badInput(field, 'cannot be empty');
    }
    assertDateOrder(patch.startsOn, patch.endsOn);
    const plan = await explainingConflicts(ctx.db, 'ResponsePlan', id, () =>
      ctx.db.transaction((tx) =>
        updateRow<ResponsePlan>(
          tx,
          ctx.db.columns(ResponsePlan),
          'response plan',
          id,
          expectedVersion,
          patch,
        ),
      ),
    );
    ctx.loaders.clear();
    return plan;
  },

  async addParticipant(
    ctx: Context,
    input: AddPlanParticipantInput,
  ): Promise<{ participant: PlanParticipant; responsePlan: ResponsePlan }> {
    const plan = await requirePlan(ctx, input.planId, 'planId');
    await requirePlanEditor(ctx, plan.id, { lead: true });
    const actor = await requireActor(ctx, input.actorId, 'actorId');
    const current = await participantsByPlanId(ctx).load(plan.id);
    if (current.some((p) => p.actorId === actor.id)) {
      throw badInput('actorId', 'this actor already takes part in the plan');
    }
    const participant = await ctx.db.transaction((tx) =>
      insertRow<PlanParticipant>(tx, ctx.db.columns(PlanParticipant), {
        planId: plan.id,
        actorId: actor.id,
        role: input.role,
      }),
    );
    ctx.loaders.clear();
    return { participant, responsePlan: plan };
  },

  async removeParticipant(
    ctx: Context,
    input: RemovePlanParticipantInput,
  ): Promise<{ removedParticipantId: string; responsePlan: ResponsePlan }> {
    const plan = await requirePlan(ctx, input.planId, 'planId');
    await requirePlanEditor(ctx, plan.id, { lead: true });
    const actorId = fromGlobalId('Actor', input.actorId, 'actorId');
    const cols = ctx.db.columns(PlanParticipant);
    // The role condition makes the refusal to remove the lead hold even against a concurrent change.
    const removed = await ctx.db.transaction(async (tx) => {
      const rows = await tx.query<PlanParticipant>(
        `DELETE FROM ${cols.table} AS t WHERE t.plan_id = $1 AND t.actor_id = $2 AND t.role <> 'LEAD' RETURNING ${cols.select('t')}`,
        [plan.id, actorId],
      );
      for (const row of rows) {
        tx.record({
          entityType: cols.name,
          entityId: row.id,
          kind: 'delete',
          before: { ...row },
          after: null,
        });
      }
      return rows;
    });
    if (!removed.length) {
      const current = await participantsByPlanId(ctx).load(plan.id);
      if (current.some((p) => p.actorId === actorId)) {
        throw badInput('actorId', 'the LEAD cannot be removed from its plan');
      }
      throw new AppError('NOT_FOUND', 'actorId: this actor does not take part in the plan', {
        field: 'actorId',
      });
    }
    ctx.loaders.clear();
    return { removedParticipantId: toGlobalId('PlanParticipant', removed[0].id), responsePlan: plan };
  },
};
