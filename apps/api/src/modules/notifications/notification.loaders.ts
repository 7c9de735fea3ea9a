import { actorIdsWith, isAdmin } from '../../common/authz';
import { defineList, type Filter, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Viewer } from '../../common/viewer';
import type { Context } from '../../context';
import { Notification } from './notification.entity';

export const notificationList = defineList('notifications', Notification, 'n', {
  CREATED_AT: { expr: 'n.created_at', cast: 'timestamptz' },
});

/**
 * Notifications (alias `n`) the viewer reads: those of the organisations it is a liaison or an
 * administrator of (they say what happened to plans and tasks, which viewers and partners may not
 * read in full); administrators of the service read all.
 */
export const readableNotifications = (viewer: Viewer): Filter => {
  if (isAdmin(viewer)) return () => {};
  const actorIds = viewer.kind === 'user' ? actorIdsWith(viewer, ['LIAISON', 'ADMIN']) : [];
  return (q) => {
    q.and(actorIds.length ? q.in('n.actor_id', actorIds) : 'FALSE');
  };
};

export const notificationById = (ctx: Context) =>
  ctx.loaders.get('notificationById', () =>
    rowsById<Notification>(ctx.db, notificationList(ctx.db), readableNotifications(ctx.viewer)),
  );

registerNodeType('Notification', notificationById);
