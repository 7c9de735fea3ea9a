import { authorize } from '../../common/authz';
import type { Connection } from '../../common/connection';
import { type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput, explainConstraint, notFound } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, listPage, type Order } from '../../common/listing';
import { likePattern } from '../../common/sql';
import { conflict, insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Actor } from '../actors/actor.entity';
import { actorService } from '../actors/actor.service';
import { Mandate } from './mandate.entity';
import type {
  ActorMandateFilter,
  CreateMandateInput,
  MandateFilter,
  MandateOrder,
  UpdateMandateInput,
} from './mandate.inputs';
import {
  activeOn,
  type MandateRow,
  mandateById,
  mandateList,
  mandatesByRenewsMandateId,
} from './mandate.loaders';

const DATES = 'must not be before adoptedOn';
const SELF_RENEWAL = 'a mandate cannot renew itself';

// A symbol names one resolution: a second mandate with it is the user's mistake, not a conflict
// between concurrent edits, so it is BAD_USER_INPUT naming the field.
explainConstraint('mandate_symbol_key', 'symbol', 'a mandate with this symbol already exists');
explainConstraint('mandate_dates', 'expiresOn', DATES);
explainConstraint('mandate_ceilings', 'troopCeiling', 'personnel ceilings cannot be negative');
explainConstraint('mandate_not_self_renewal', 'renewsMandateId', SELF_RENEWAL);

/** Newest first: the mandate in force is usually the one people look for. */
const defaultOrder: Order = { field: 'ADOPTED_ON', direction: 'DESC' };

function mandateFilter(filter: MandateFilter | null | undefined): Filter {
  const missionId = filter?.missionActorId
    ? fromGlobalId('Actor', filter.missionActorId, 'filter.missionActorId')
    : null;
  const authorizingId = filter?.authorizingActorId
    ? fromGlobalId('Actor', filter.authorizingActorId, 'filter.authorizingActorId')
    : null;
  return (q) => {
    if (!filter) return;
    if (missionId) q.and(`m.mission_actor_id = ${q.p(missionId)}::uuid`);
    if (authorizingId) q.and(`m.authorizing_actor_id = ${q.p(authorizingId)}::uuid`);
    if (filter.search) {
      const pattern = q.p(likePattern(filter.search));
      q.and(`(m.symbol ILIKE ${pattern} OR m.title ILIKE ${pattern})`);
    }
    if (filter.activeOn) q.and(activeOn(q, filter.activeOn));
  };
}

/** Loads a referenced mandate for a write, or names the field that points nowhere. */
async function requireMandate(ctx: Context, globalId: string, field: string): Promise<MandateRow> {
  const mandate = await mandateById(ctx).load(fromGlobalId('Mandate', globalId, field));
  if (!mandate) throw new AppError('NOT_FOUND', `${field}: no mandate has this id`, { field });
  return mandate;
}

function assertDates(adoptedOn: string, expiresOn: string | null | undefined) {
  // LocalDate values are YYYY-MM-DD, so text order is date order.
  if (expiresOn && adoptedOn > expiresOn) throw badInput('expiresOn', `${DATES} (${adoptedOn})`);
}

/** Refuses a renewal link that would make a mandate renew itself, directly or down the chain. */
async function assertRenewable(ctx: Context, id: string, renewsId: string): Promise<void> {
  if (renewsId === id) throw badInput('renewsMandateId', SELF_RENEWAL);
  const [row] = await ctx.db.query<{ cycle: boolean }>(
    `WITH RECURSIVE chain(id, renews) AS (
       SELECT id, renews_mandate_id FROM mandate WHERE id = $1
       UNION SELECT m.id, m.renews_mandate_id FROM mandate m JOIN chain ON m.id = chain.renews
     ) SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS cycle`,
    [renewsId, id],
  );
  if (row.cycle) throw badInput('renewsMandateId', 'this mandate is already earlier in that renewal chain');
}

function refuseNull(values: object, fields: string[]) {
  for (const field of fields)
    if ((values as Record<string, unknown>)[field] === null) throw badInput(field, 'cannot be empty');
}

export const mandateService = {
  requireMandate,

  list(
    ctx: Context,
    args: PageArgs,
    filter?: MandateFilter | null,
    orderBy?: MandateOrder | null,
  ): Promise<Connection<MandateRow>> {
    return listPage(
      ctx.db,
      mandateList(ctx.db),
      mandateFilter(filter),
      orderBy ?? defaultOrder,
      toPage(args),
    );
  },

  /** Mandates given to a mission, batched over every mission in the request. */
  ofMission(
    ctx: Context,
    actor: Actor,
    args: PageArgs,
    filter?: ActorMandateFilter | null,
    orderBy?: MandateOrder | null,
  ): Promise<Connection<MandateRow>> {
    const date = filter?.activeOn ?? null;
    return childPage(ctx, mandateList(ctx.db), 'm.mission_actor_id', actor.id, {
      filterKey: date,
      filter: (q) => {
        if (date) q.and(activeOn(q, date));
      },
      order: orderBy ?? defaultOrder,
      args,
    });
  },

  async get(ctx: Context, globalId: string): Promise<MandateRow> {
    const mandate = await mandateById(ctx).load(fromGlobalId('Mandate', globalId));
    if (!mandate) throw notFound('mandate');
    return mandate;
  },

  renews(ctx: Context, mandate: Mandate): Promise<MandateRow | null> {
    return mandate.renewsMandateId ? mandateById(ctx).load(mandate.renewsMandateId) : Promise.resolve(null);
  },

  renewedBy(ctx: Context, mandate: Mandate): Promise<MandateRow[]> {
    return mandatesByRenewsMandateId(ctx).load(mandate.id);
  },

  async create(ctx: Context, input: CreateMandateInput): Promise<MandateRow> {
    await authorize(ctx, 'mandate.manage');
    assertDates(input.adoptedOn, input.expiresOn);
    const [authorizing, mission, renews] = await Promise.all([
      actorService.requireActor(ctx, input.authorizingActorId, 'authorizingActorId'),
      actorService.requireActor(ctx, input.missionActorId, 'missionActorId'),
      input.renewsMandateId ? requireMandate(ctx, input.renewsMandateId, 'renewsMandateId') : null,
    ]);
    const mandate = await ctx.db.transaction((tx) =>
      insertRow<MandateRow>(tx, ctx.db.columns(Mandate), {
        ...input,
        authorizingActorId: authorizing.id,
        missionActorId: mission.id,
        renewsMandateId: renews?.id ?? null,
        chapterVii: input.chapterVii ?? undefined,
      }),
    );
    ctx.loaders.clear();
    return mandate;
  },

  async update(ctx: Context, input: UpdateMandateInput): Promise<MandateRow> {
    await authorize(ctx, 'mandate.manage');
    const id = fromGlobalId('Mandate', input.id);
    const {
      id: _id,
      expectedVersion,
      authorizingActorId,
      missionActorId,
      renewsMandateId,
      ...fields
    } = input;
    refuseNull(input, ['symbol', 'title', 'authorizingActorId', 'missionActorId', 'adoptedOn', 'chapterVii']);
    const patch: Record<string, unknown> = { ...fields };
    if (authorizingActorId !== undefined) {
      patch.authorizingActorId = (
        await actorService.requireActor(ctx, authorizingActorId, 'authorizingActorId')
      ).id;
    }
    if (missionActorId !== undefined) {
      patch.missionActorId = (await actorService.requireActor(ctx, missionActorId, 'missionActorId')).id;
    }
    if (renewsMandateId === null) patch.renewsMandateId = null;
    else if (renewsMandateId !== undefined) {
      const renewsId = fromGlobalId('Mandate', renewsMandateId, 'renewsMandateId');
      await assertRenewable(ctx, id, renewsId);
      patch.renewsMandateId = (await requireMandate(ctx, renewsMandateId, 'renewsMandateId')).id;
    }

    const current = await mandateById(ctx).load(id);
    if (!current) throw notFound('mandate');
    // Rules are checked against the version the client saw; a newer one is the client's to reload.
    if (current.version !== expectedVersion) throw conflict('mandate', current);
    assertDates(
      (patch.adoptedOn as string | undefined) ?? current.adoptedOn,
      patch.expiresOn !== undefined ? (patch.expiresOn as string | null) : current.expiresOn,
    );

    const mandate = await ctx.db.transaction((tx) =>
      updateRow<MandateRow>(tx, ctx.db.columns(Mandate), 'mandate', id, expectedVersion, patch),
    );
    ctx.loaders.clear();
    return mandate;
  },
};
