import { authorize } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { type Filter, listPage, type Order } from '../../common/listing';
import { likePattern } from '../../common/sql';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { Situation } from './situation.entity';
import type {
  CreateSituationInput,
  SituationFilter,
  SituationOrder,
  UpdateSituationInput,
} from './situation.inputs';
import { situationById, situationList, situationVisible } from './situation.loaders';

const defaultOrder: Order = { field: 'NAME', direction: 'ASC' };

function situationFilter(ctx: Context, filter: SituationFilter | null | undefined): Filter {
  const visible = situationVisible(ctx.viewer);
  return (q) => {
    visible(q);
    if (!filter) return;
    if (filter.statuses?.length) q.and(q.in('s.status', filter.statuses, 'situation_status'));
    if (filter.countryCode) q.and(`s.country_code = ${q.p(filter.countryCode)}`);
    if (filter.search) q.and(`s.name ILIKE ${q.p(likePattern(filter.search))}`);
    if (filter.isExercise != null) q.and(`s.is_exercise = ${q.p(filter.isExercise)}`);
  };
}

/** Fields that the column cannot hold as null: sending null is a mistake, not a way to clear them. */
function refuseNulls(input: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (input[field] === null) throw badInput(field, 'cannot be empty');
}

/** Loads a situation a write refers to, or names the field that points nowhere. */
async function requireSituation(ctx: Context, globalId: string, field: string): Promise<Situation> {
  const situation = await situationById(ctx).load(fromGlobalId('Situation', globalId, field));
  if (!situation) throw new AppError('NOT_FOUND', `${field}: no situation has this id`, { field });
  return situation;
}

export const situationService = {
  requireSituation,

  list(
    ctx: Context,
    args: PageArgs,
    filter?: SituationFilter | null,
    orderBy?: SituationOrder | null,
  ): Promise<Connection<Situation>> {
    return listPage(
      ctx.db,
      situationList(ctx.db),
      situationFilter(ctx, filter),
      orderBy ?? defaultOrder,
      toPage(args),
    );
  },

  async get(ctx: Context, globalId: string): Promise<Situation> {
    const situation = await situationById(ctx).load(fromGlobalId('Situation', globalId));
    if (!situation) throw new AppError('NOT_FOUND', 'situation was not found');
    return situation;
  },

  async create(ctx: Context, input: CreateSituationInput): Promise<Situation> {
    await authorize(ctx, 'situation.manage');
    const values = {
      name: input.name,
      countryCode: input.countryCode,
      adminAreas: input.adminAreas ?? undefined,
      status: input.status ?? undefined,
      summary: input.summary ?? null,
      isExercise: input.isExercise ?? undefined,
    };
    const situation = await ctx.db.transaction((tx) =>
      insertRow<Situation>(tx, ctx.db.columns(Situation), values),
    );
    ctx.loaders.clear();
    return situation;
  },

  async update(ctx: Context, input: UpdateSituationInput): Promise<Situation> {
    await authorize(ctx, 'situation.manage');
    const id = fromGlobalId('Situation', input.id);
    const { id: _id, expectedVersion, ...fields } = input;
    refuseNulls(fields, ['name', 'countryCode', 'status', 'isExercise']);
    const patch: Record<string, unknown> = { ...fields };
    if (fields.adminAreas === null) patch.adminAreas = [];
    const situation = await ctx.db.transaction((tx) =>
      updateRow<Situation>(tx, ctx.db.columns(Situation), 'situation', id, expectedVersion, patch),
    );
    ctx.loaders.clear();
    return situation;
  },
};
