import { authorize } from '../../common/authz';
import type { Connection } from '../../common/connection';
import { type PageArgs, toPage } from '../../common/connection';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, listPage, type Order, selectList } from '../../common/listing';
import type { Projection } from '../../common/projection';
import { likePattern } from '../../common/sql';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { Actor } from './actor.entity';
import type { ActorFilter, ActorOrder, CreateActorInput, UpdateActorInput } from './actor.inputs';
import { actorById, actorList } from './actor.loaders';

export type ActorRow = Actor;

const defaultOrder: Order = { field: 'NAME', direction: 'ASC' };

function actorFilter(filter: ActorFilter | null | undefined): Filter {
  const parentId = filter?.parentId ? fromGlobalId('Actor', filter.parentId, 'filter.parentId') : null;
  return (q) => {
    if (!filter) return;
    if (filter.search) {
      const pattern = q.p(likePattern(filter.search));
      q.and(`(a.name ILIKE ${pattern} OR a.acronym ILIKE ${pattern})`);
    }
    if (filter.kinds?.length) q.and(q.in('a.kind', filter.kinds, 'actor_kind'));
    if (filter.region) q.and(`a.region = ${q.p(filter.region)}`);
    if (filter.countryCode) q.and(`a.country_code = ${q.p(filter.countryCode)}`);
    if (parentId) q.and(`a.parent_id = ${q.p(parentId)}::uuid`);
  };
}

/** Loads a referenced actor for a write, or names the field that points nowhere. */
async function requireActor(ctx: Context, globalId: string, field: string): Promise<ActorRow> {
  const actor = await actorById(ctx).load(fromGlobalId('Actor', globalId, field));
  if (!actor) throw new AppError('NOT_FOUND', `${field}: no actor has this id`, { field });
  return actor;
}

/** Refuses a parent that would make the actor its own ancestor. */
async function assertNoCycle(ctx: Context, id: string, parentId: string): Promise<void> {
  const [row] = await ctx.db.query<{ cycle: boolean }>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM actor WHERE id = $1
       UNION SELECT a.id, a.parent_id FROM actor a JOIN up ON a.id = up.parent_id
     ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`,
    [parentId, id],
  );
  if (row.cycle)
    throw new AppError('BAD_USER_INPUT', 'parentId: an actor cannot be placed under itself', {
      field: 'parentId',
    });
}

export const actorService = {
  requireActor,

  list(
    ctx: Context,
    args: PageArgs,
    filter?: ActorFilter | null,
    orderBy?: ActorOrder | null,
    projection?: Projection | null,
  ): Promise<Connection<ActorRow>> {
    const spec = actorList(ctx.db);
    return listPage(
      ctx.db,
      spec,
      actorFilter(filter),
      orderBy ?? defaultOrder,
      toPage(args),
      selectList(spec, projection),
    );
  },

  children(
    ctx: Context,
    parent: ActorRow,
    args: PageArgs,
    orderBy?: ActorOrder | null,
  ): Promise<Connection<ActorRow>> {
    return childPage(ctx, actorList(ctx.db), 'a.parent_id', parent.id, {
      order: orderBy ?? defaultOrder,
      args,
    });
  },

  async get(ctx: Context, globalId: string): Promise<ActorRow> {
    const actor = await actorById(ctx).load(fromGlobalId('Actor', globalId));
    if (!actor) throw new AppError('NOT_FOUND', 'actor was not found');
    return actor;
  },

  async create(ctx: Context, input: CreateActorInput): Promise<ActorRow> {
    await authorize(ctx, 'actor.manage');
    const parent = input.parentId ? await requireActor(ctx, input.parentId, 'parentId') : null;
    const { parentId: _ignored, ...fields } = input;
    const actor = await ctx.db.transaction((tx) =>
      insertRow<ActorRow>(tx, ctx.db.columns(Actor), { ...fields, parentId: parent?.id ?? null }),
    );
    ctx.loaders.clear();
    return actor;
  },

  async update(ctx: Context, input: UpdateActorInput): Promise<ActorRow> {
    await authorize(ctx, 'actor.manage');
    const id = fromGlobalId('Actor', input.id);
    const { id: _id, expectedVersion, parentId, ...fields } = input;
    const patch: Record<string, unknown> = { ...fields };
    if (fields.name === null)
      throw new AppError('BAD_USER_INPUT', 'name: cannot be empty', { field: 'name' });
    if (fields.kind === null)
      throw new AppError('BAD_USER_INPUT', 'kind: cannot be empty', { field: 'kind' });
    if (parentId !== undefined) {
      if (parentId === null) patch.parentId = null;
      else {
        const parent = await requireActor(ctx, parentId, 'parentId');
        await assertNoCycle(ctx, id, parent.id);
        patch.parentId = parent.id;
      }
    }
    const actor = await ctx.db.transaction((tx) =>
      updateRow<ActorRow>(tx, ctx.db.columns(Actor), 'actor', id, expectedVersion, patch),
    );
    ctx.loaders.clear();
    return actor;
  },
};
