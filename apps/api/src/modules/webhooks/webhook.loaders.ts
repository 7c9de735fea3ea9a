import { actorIdsWith, isAdmin } from '../../common/authz';
import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import type { Context } from '../../context';
import type { Database, EntityColumns } from '../../db/database';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Ordered through webhook_subscription_actor_idx and webhook_delivery_subscription_idx (…, created_at, id). */
export const subscriptionList = defineList('webhookSubscriptions', WebhookSubscription, 'ws', {
  CREATED_AT: { expr: 'ws.created_at', cast: 'timestamptz' },
});
export const deliveryList = defineList('webhookDeliveries', WebhookDelivery, 'wd', {
  CREATED_AT: { expr: 'wd.created_at', cast: 'timestamptz' },
});

export type SubscriptionRow = Omit<WebhookSubscription, 'secret'>;

/**
 * The subscription's columns without its secret: every read, and the change recorded for the
 * audit log and history, leaves the secret out; only the delivery worker reads it.
 */
export function subscriptionColumns(db: Database): EntityColumns {
  const cols = db.columns(WebhookSubscription);
  const pairs = Object.entries(cols.column).filter(([prop]) => prop !== 'secret');
  return {
    ...cols,
    select: (alias) => pairs.map(([prop, col]) => `${alias}.${col} AS "${prop}"`).join(', '),
  };
}

const listWithoutSecret = (db: Database) => ({
  ...subscriptionList(db),
  select: subscriptionColumns(db).select('ws'),
});

/**
 * Who sees (and manages) an organisation's subscriptions: its liaisons and administrators. To
 * everybody else they do not exist.
 */
export const subscriptionVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    if (isAdmin(viewer)) return;
    const own = viewer.kind === 'user' ? actorIdsWith(viewer, ['LIAISON']) : [];
    q.and(own.length ? q.in('ws.actor_id', own) : 'FALSE');
  };

export const webhookSubscriptionList = listWithoutSecret;

export const webhookSubscriptionById = (ctx: Context) =>
  ctx.loaders.get('webhookSubscriptionById', () =>
    rowsById<SubscriptionRow>(ctx.db, listWithoutSecret(ctx.db), subscriptionVisible(ctx.viewer)),
  );

/** A delivery is seen with its subscription. */
export const webhookDeliveryById = (ctx: Context) =>
  ctx.loaders.get('webhookDeliveryById', () => {
    const spec = deliveryList(ctx.db);
    const visible = subscriptionVisible(ctx.viewer);
    return rowsById<WebhookDelivery>(
      ctx.db,
      { ...spec, from: `${spec.from} JOIN webhook_subscription ws ON ws.id = wd.subscription_id` },
      visible,
    );
  });

registerNodeType('WebhookSubscription', webhookSubscriptionById);
registerNodeType('WebhookDelivery', webhookDeliveryById);
