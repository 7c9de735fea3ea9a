import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { type Filter, listPage, type Order } from '../../common/listing';
import type { Context } from '../../context';
import { both } from '../plans/plan.visibility';
import { Notification } from './notification.entity';
import type { MarkNotificationReadInput, NotificationFilter, NotificationOrder } from './notification.inputs';
import { notificationById, notificationList, readableNotifications } from './notification.loaders';

const defaultOrder: Order = { field: 'CREATED_AT', direction: 'DESC' };

function asked(filter: NotificationFilter | null | undefined): Filter {
  const actorId = filter?.actorId ? fromGlobalId('Actor', filter.actorId, 'filter.actorId') : null;
  return (q) => {
    if (filter?.unreadOnly) q.and('n.read_at IS NULL');
    if (actorId) q.and(`n.actor_id = ${q.p(actorId)}`);
  };
}

export const notificationService = {
  list(
    ctx: Context,
    args: PageArgs,
    filter?: NotificationFilter | null,
    orderBy?: NotificationOrder | null,
  ): Promise<Connection<Notification>> {
    return listPage(
      ctx.db,
      notificationList(ctx.db),
      both(asked(filter), readableNotifications(ctx.viewer)),
      orderBy ?? defaultOrder,
      toPage(args),
    );
  },

  /** Read for the whole organisation; marking it again keeps the first time. */
  async markRead(ctx: Context, input: MarkNotificationReadInput): Promise<Notification> {
    const id = fromGlobalId('Notification', input.notificationId, 'notificationId');
    const current = await notificationById(ctx).load(id);
    if (!current)
      throw new AppError('NOT_FOUND', 'notificationId: no notification has this id', {
        field: 'notificationId',
      });
    if (current.readAt) return current;
    const cols = ctx.db.columns(Notification);
    const notification = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<Notification & { __before: Record<string, unknown> }>(
        `WITH old AS (SELECT ${cols.select('o')} FROM notification o WHERE o.id = $1 FOR UPDATE)
         UPDATE notification AS t SET read_at = COALESCE(t.read_at, now()) FROM old WHERE t.id = old.id
         RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
        [id],
      );
      if (!row)
        throw new AppError('NOT_FOUND', 'notificationId: no notification has this id', {
          field: 'notificationId',
        });
      const { __before: before, ...after } = row;
      tx.record({ entityType: cols.name, entityId: id, kind: 'update', before, after });
      return after as Notification;
    });
    ctx.loaders.clear();
    return notification;
  },
};
