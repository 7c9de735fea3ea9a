import type { Queryable, Transaction } from '../../db/database';

const isTransaction = (tx: Queryable): tx is Transaction => typeof (tx as Transaction).record === 'function';

/**
 * Replaces an alert's recipients with `actorIds` (a draft's only: nobody has acknowledged yet) and
 * records the change as a change of the alert, whose recipients they are.
 */
export async function setRecipients(
  tx: Queryable,
  alertId: string,
  actorIds: readonly string[],
): Promise<void> {
  const removed = await tx.query<{ actorId: string }>(
    `DELETE FROM alert_recipient WHERE alert_id = $1 AND actor_id <> ALL($2::uuid[]) RETURNING actor_id AS "actorId"`,
    [alertId, actorIds],
  );
  const added = await tx.query<{ actorId: string }>(
    `INSERT INTO alert_recipient (alert_id, actor_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT (alert_id, actor_id) DO NOTHING RETURNING actor_id AS "actorId"`,
    [alertId, actorIds],
  );
  recordRecipients(
    tx,
    alertId,
    removed.map((r) => r.actorId),
    added.map((r) => r.actorId),
  );
}

/** Recipients added and removed, as a change of the alert for the audit log. */
export function recordRecipients(
  tx: Queryable,
  alertId: string,
  removed: readonly string[],
  added: readonly string[],
) {
  if (!isTransaction(tx) || (!removed.length && !added.length)) return;
  tx.record({
    entityType: 'Alert',
    entityId: alertId,
    kind: 'update',
    before: { recipientsRemoved: null, recipientsAdded: null },
    after: {
      recipientsRemoved: removed.length ? removed : null,
      recipientsAdded: added.length ? added : null,
    },
  });
}
