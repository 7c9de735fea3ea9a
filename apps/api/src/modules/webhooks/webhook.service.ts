import { randomBytes } from 'node:crypto';
import { actorIdsWith, authorize, requireSignedIn } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Filter, listPage, type Order } from '../../common/listing';
import { deleteRow, insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { actorService } from '../actors/actor.service';
import type {
  CreateWebhookSubscriptionInput,
  DeleteWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveryFilter,
  WebhookOrder,
  WebhookSubscriptionFilter,
} from './webhook.inputs';
import {
  deliveryList,
  type SubscriptionRow,
  subscriptionColumns,
  subscriptionVisible,
  webhookSubscriptionById,
  webhookSubscriptionList,
} from './webhook.loaders';
import type { WebhookDelivery } from './webhook-delivery.entity';
import { allowPrivateTargets, checkWebhookUrl } from './webhook-url';

const newestFirst: Order = { field: 'CREATED_AT', direction: 'DESC' };

/** Secret format: `whsec_` and 43 characters of base64url randomness (256 bits). */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The organisation that receives a new subscription's events: named, or the caller's own. */
async function receiverOf(ctx: Context, globalId: string | null | undefined): Promise<string> {
  if (globalId) {
    await authorize(ctx, 'webhook.manage', fromGlobalId('Actor', globalId, 'actorId'));
    return (await actorService.requireActor(ctx, globalId, 'actorId')).id;
  }
  await authorize(ctx, 'webhook.manage');
  const own = actorIdsWith(ctx.viewer, ['LIAISON'])[0] ?? actorIdsWith(ctx.viewer, ['ADMIN'])[0];
  if (!own) throw badInput('actorId', 'name the organisation that receives the events');
  return own;
}

/** A subscription the viewer manages; anyone else's answers as missing. */
async function requireManaged(ctx: Context, globalId: string): Promise<SubscriptionRow> {
  requireSignedIn(ctx);
  const row = await webhookSubscriptionById(ctx).load(fromGlobalId('WebhookSubscription', globalId));
  if (!row) throw new AppError('NOT_FOUND', 'webhook subscription was not found');
  return row;
}

export const webhookService = {
  list(
    ctx: Context,
    args: PageArgs,
    filter?: WebhookSubscriptionFilter | null,
    orderBy?: WebhookOrder | null,
  ): Promise<Connection<SubscriptionRow>> {
    requireSignedIn(ctx);
    const actorId = filter?.actorId ? fromGlobalId('Actor', filter.actorId, 'filter.actorId') : null;
    const visible = subscriptionVisible(ctx.viewer);
    const where: Filter = (q) => {
      visible(q);
      if (actorId) q.and(`ws.actor_id = ${q.p(actorId)}::uuid`);
      if (filter?.active != null) q.and(`ws.active = ${q.p(filter.active)}`);
    };
    return listPage(ctx.db, webhookSubscriptionList(ctx.db), where, orderBy ?? newestFirst, toPage(args));
  },

  /** The delivery log of a subscription the viewer was already shown, newest first. */
  deliveries(
    ctx: Context,
    subscriptionId: string,
    args: PageArgs,
    filter?: WebhookDeliveryFilter | null,
    orderBy?: WebhookOrder | null,
  ): Promise<Connection<WebhookDelivery>> {
    return childPage(ctx, deliveryList(ctx.db), 'wd.subscription_id', subscriptionId, {
      filterKey: filter ?? null,
      filter: (q) => {
        if (filter?.statuses?.length) q.and(q.in('wd.status', filter.statuses, 'delivery_status'));
      },
      order: orderBy ?? newestFirst,
      args,
    });
  },

  async create(ctx: Context, input: CreateWebhookSubscriptionInput) {
    const actorId = await receiverOf(ctx, input.actorId);
    const url = await checkWebhookUrl(input.url, allowPrivateTargets());
    const secret = newSecret();
    const webhookSubscription = await ctx.db.transaction((tx) =>
      insertRow<SubscriptionRow>(tx, subscriptionColumns(ctx.db), {
        actorId,
        url,
        events: [...new Set(input.events)],
        secret,
      }),
    );
    ctx.loaders.clear();
    return { webhookSubscription, secret };
  },

  async update(ctx: Context, input: UpdateWebhookSubscriptionInput) {
    const existing = await requireManaged(ctx, input.id);
    const patch: Record<string, unknown> = {};
    if (input.url != null) patch.url = await checkWebhookUrl(input.url, allowPrivateTargets());
    if (input.events != null) patch.events = [...new Set(input.events)];
    if (input.active != null) patch.active = input.active;
    const webhookSubscription = await ctx.db.transaction((tx) =>
      updateRow<SubscriptionRow>(
        tx,
        subscriptionColumns(ctx.db),
        'webhook subscription',
        existing.id,
        input.expectedVersion,
        patch,
      ),
    );
    ctx.loaders.clear();
    return { webhookSubscription };
  },

  async delete(ctx: Context, input: DeleteWebhookSubscriptionInput) {
    const existing = await requireManaged(ctx, input.id);
    await ctx.db.transaction((tx) => deleteRow(tx, subscriptionColumns(ctx.db), existing.id));
    ctx.loaders.clear();
    return { deletedId: input.id };
  },
};
