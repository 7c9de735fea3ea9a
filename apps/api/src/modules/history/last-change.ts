import { AppError } from '../../common/errors';
import { toGlobalId } from '../../common/ids';
import type { Queryable } from '../../db/database';

/** Who last changed a record, as a CONFLICT reports it. */
export type LastChange = {
  revisionId: string;
  kind: string;
  /** Global ids; null for a change made by the system (escalations). */
  userId: string | null;
  userDisplayName: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
  fields: string[];
};

/** The newest revision of a record with its author, or null when it has none. */
export async function lastChangeOf(
  db: Queryable,
  entityType: string,
  entityId: string,
): Promise<LastChange | null> {
  const [row] = await db.query<{
    id: string;
    kind: string;
    userId: string | null;
    displayName: string | null;
    actorId: string | null;
    actorName: string | null;
    occurredAt: Date;
    fields: string[];
  }>(
    `SELECT r.id, r.kind, r.user_id AS "userId", u.display_name AS "displayName", r.actor_id AS "actorId",
       a.name AS "actorName", r.occurred_at AS "occurredAt", ARRAY(SELECT jsonb_object_keys(r.fields)) AS fields
     FROM revision r
     LEFT JOIN user_account u ON u.id = r.user_id
     LEFT JOIN actor a ON a.id = r.actor_id
     WHERE r.entity_type = $1 AND r.entity_id = $2
     ORDER BY r.seq DESC LIMIT 1`,
    [entityType, entityId],
  );
  if (!row) return null;
  return {
    revisionId: toGlobalId('Revision', row.id),
    kind: row.kind,
    userId: row.userId ? toGlobalId('User', row.userId) : null,
    userDisplayName: row.displayName,
    actorId: row.actorId ? toGlobalId('Actor', row.actorId) : null,
    actorName: row.actorName,
    at: row.occurredAt.toISOString(),
    fields: row.fields,
  };
}

/**
 * Runs a compare-and-set write; when it loses to a concurrent change, its CONFLICT also says who
 * made the change that won and when (`lastChange`), beside the current version and values.
 */
export async function explainingConflicts<T>(
  db: Queryable,
  entityType: string,
  entityId: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONFLICT' || !('currentVersion' in error.details))
      throw error;
    const lastChange = await lastChangeOf(db, entityType, entityId).catch(() => undefined);
    if (lastChange === undefined) throw error;
    throw new AppError(error.code, error.message, { ...error.details, lastChange });
  }
}
