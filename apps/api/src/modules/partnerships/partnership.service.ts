import { authorize } from '../../common/authz';
import type { Connection } from '../../common/connection';
import { type PageArgs, toPage } from '../../common/connection';
import { badInput, explainConstraint, notFound } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { type Filter, listPage, type Order } from '../../common/listing';
import { conflict, insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { actorService } from '../actors/actor.service';
import { Partnership } from './partnership.entity';
import type {
  CreatePartnershipInput,
  PartnershipFilter,
  PartnershipOrder,
  UpdatePartnershipInput,
} from './partnership.inputs';
import { partnershipById, partnershipList, validOn } from './partnership.loaders';

export type PartnershipRow = Partnership;

const SELF = 'an actor cannot be its own partner';
const RANGE = 'must not be before validFrom';

// The service checks these rules first and names the field; the constraints are the backstop.
explainConstraint('partnership_not_self', 'targetId', SELF);
explainConstraint('partnership_valid_range', 'validTo', RANGE);

const defaultOrder: Order = { field: 'VALID_FROM', direction: 'ASC' };

function partnershipFilter(filter: PartnershipFilter | null | undefined): Filter {
  const actorId = filter?.actorId ? fromGlobalId('Actor', filter.actorId, 'filter.actorId') : null;
  return (q) => {
    if (!filter) return;
    if (filter.kinds?.length) q.and(q.in('p.kind', filter.kinds, 'partnership_kind'));
    if (filter.statuses?.length) q.and(q.in('p.status', filter.statuses, 'partnership_status'));
    if (actorId) {
      const id = q.p(actorId);
      q.and(`(p.source_id = ${id}::uuid OR p.target_id = ${id}::uuid)`);
    }
    if (filter.asOf) q.and(validOn(q, 'p', filter.asOf));
  };
}

/** The rules every stored partnership obeys, checked on the state a write would leave behind. */
function assertValid(state: {
  sourceId: string;
  targetId: string;
  validFrom?: string | null;
  validTo?: string | null;
}) {
  if (state.sourceId === state.targetId) throw badInput('targetId', SELF);
  // LocalDate values are YYYY-MM-DD, so text order is date order.
  if (state.validFrom && state.validTo && state.validFrom > state.validTo) {
    throw badInput('validTo', `${RANGE} (${state.validFrom})`);
  }
}

function refuseNull(values: object, fields: string[]) {
  for (const field of fields)
    if ((values as Record<string, unknown>)[field] === null) throw badInput(field, 'cannot be empty');
}

export const partnershipService = {
  list(
    ctx: Context,
    args: PageArgs,
    filter?: PartnershipFilter | null,
    orderBy?: PartnershipOrder | null,
  ): Promise<Connection<PartnershipRow>> {
    return listPage(
      ctx.db,
      partnershipList(ctx.db),
      partnershipFilter(filter),
      orderBy ?? defaultOrder,
      toPage(args),
    );
  },

  async create(ctx: Context, input: CreatePartnershipInput): Promise<PartnershipRow> {
    await authorize(ctx, 'actor.manage');
    const sourceId = fromGlobalId('Actor', input.sourceId, 'sourceId');
    const targetId = fromGlobalId('Actor', input.targetId, 'targetId');
    assertValid({ sourceId, targetId, validFrom: input.validFrom, validTo: input.validTo });
    await Promise.all([
      actorService.requireActor(ctx, input.sourceId, 'sourceId'),
      actorService.requireActor(ctx, input.targetId, 'targetId'),
    ]);
    const partnership = await ctx.db.transaction((tx) =>
      insertRow<PartnershipRow>(tx, ctx.db.columns(Partnership), {
        ...input,
        sourceId,
        targetId,
        status: input.status ?? undefined,
      }),
    );
    ctx.loaders.clear();
    return partnership;
  },

  async update(ctx: Context, input: UpdatePartnershipInput): Promise<PartnershipRow> {
    await authorize(ctx, 'actor.manage');
    const id = fromGlobalId('Partnership', input.id);
    const { id: _id, expectedVersion, sourceId, targetId, ...fields } = input;
    refuseNull(input, ['sourceId', 'targetId', 'kind', 'status']);
    const patch: Record<string, unknown> = { ...fields };
    if (sourceId !== undefined)
      patch.sourceId = (await actorService.requireActor(ctx, sourceId, 'sourceId')).id;
    if (targetId !== undefined)
      patch.targetId = (await actorService.requireActor(ctx, targetId, 'targetId')).id;

    const current = await partnershipById(ctx).load(id);
    if (!current) throw notFound('partnership');
    // Rules are checked against the version the client saw; a newer one is the client's to reload.
    if (current.version !== expectedVersion) throw conflict('partnership', current);
    const merged = { ...current, ...stripUndefined(patch) };
    assertValid(merged);

    const partnership = await ctx.db.transaction((tx) =>
      updateRow<PartnershipRow>(tx, ctx.db.columns(Partnership), 'partnership', id, expectedVersion, patch),
    );
    ctx.loaders.clear();
    return partnership;
  },
};

function stripUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
