import { isAdmin } from '../../common/authz';
import { AppError, badInput, toAppError } from '../../common/errors';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import {
  assignmentReadable,
  planReadable,
  planReadableAsMember,
  taskReadable,
} from '../../common/visibility';
import type { Context } from '../../context';
import type { Queryable } from '../../db/database';
import type { ChangeFeed } from './change-feed';
import { type ChangeRow, changeColumns } from './change-log';

/** What a live connection gives its subscriptions: the process's feed, and who is asking now. */
export type LiveSession = {
  feed: ChangeFeed;
  /** The viewer as of at most a moment ago; throws UNAUTHENTICATED once the session or token is gone. */
  viewer(): Promise<Viewer>;
};

/**
 * Which change_log rows one subscription follows, said twice: in memory for live rows and in SQL
 * (alias `c`) for the replay of what it missed. `belongs` (alias `r`, optional) is checked with
 * visibility, in the same statement.
 */
export type StreamSpec = {
  matches(row: ChangeRow): boolean;
  where(q: Sql): void;
  belongs?(q: Sql): string;
};

const REPLAY_PAGE = 200;

/** A position as a client sends it back. */
export function parsePosition(value: string | null | undefined, field = 'after'): number | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{1,15}$/.test(value)) throw badInput(field, 'must be a position received with an earlier event');
  return Number(value);
}

/**
 * Of these rows, the positions the viewer may see now, in one statement. A record out of reach is
 * skipped exactly as it is absent from reads: plans and tasks by their rules, assignments by theirs,
 * and what belongs to a plan (phases, objectives, participants, presence) with the plan, for its members.
 */
export async function visiblePositions(
  db: Queryable,
  viewer: Viewer,
  rows: readonly ChangeRow[],
  spec: StreamSpec,
): Promise<Set<number>> {
  if (!rows.length) return new Set();
  const q = new Sql();
  const list = q.p(
    JSON.stringify(
      rows.map((r) => ({
        position: r.position,
        entity_type: r.entityType,
        entity_id: r.entityId,
        plan_id: r.planId,
      })),
    ),
  );
  const rule = isAdmin(viewer)
    ? 'TRUE'
    : `CASE r.entity_type
        WHEN 'ResponsePlan' THEN EXISTS (SELECT 1 FROM response_plan lp WHERE lp.id = r.entity_id AND ${planReadable(q, viewer, 'lp')})
        WHEN 'Task' THEN EXISTS (SELECT 1 FROM task lt WHERE lt.id = r.entity_id AND ${taskReadable(q, viewer, 'lt')})
        WHEN 'TaskAssignment' THEN EXISTS (SELECT 1 FROM task_assignment la WHERE la.id = r.entity_id AND ${assignmentReadable(q, viewer, 'la')})
        ELSE EXISTS (SELECT 1 FROM response_plan lm WHERE lm.id = r.plan_id AND ${planReadableAsMember(q, viewer, 'lm')})
      END`;
  const belongs = spec.belongs ? spec.belongs(q) : 'TRUE';
  const found = await db.query<{ position: number }>(
    `SELECT r.position FROM jsonb_to_recordset(${list}::jsonb) AS r(position bigint, entity_type text, entity_id uuid, plan_id uuid)
     WHERE (${rule}) AND (${belongs})`,
    q.params,
  );
  return new Set(found.map((f) => Number(f.position)));
}

/** A resume from a position whose successors may have been pruned (see pruneChangeLog). */
export function positionExpired(after: number, prunedThrough: number): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    `after: changes up to position ${prunedThrough} are no longer kept; load what you show again, then subscribe after the changePosition read with it`,
    { field: 'after', prunedThrough: String(prunedThrough), after: String(after) },
  );
}

/**
 * The next rows after `after`, read with the horizon in one statement (one snapshot): when the
 * horizon has passed `after`, rows the subscriber has not seen may be gone, and it must reload.
 */
async function replayPage(db: Queryable, spec: StreamSpec, after: number): Promise<ChangeRow[]> {
  const q = new Sql();
  q.and(`c.position > ${q.p(after)}`);
  spec.where(q);
  const rows = await db.query<ChangeRow & { prunedThrough: number | null }>(
    `SELECT h.pruned_through AS "prunedThrough", page.*
     FROM (SELECT max(pruned_through) AS pruned_through FROM change_log_horizon) h
     LEFT JOIN LATERAL (
       SELECT ${changeColumns} FROM change_log c ${q.whereClause()} ORDER BY c.position LIMIT ${REPLAY_PAGE}
     ) page ON TRUE
     ORDER BY page.position`,
    q.params,
  );
  const prunedThrough = rows[0]?.prunedThrough ?? 0;
  if (prunedThrough > after) throw positionExpired(after, prunedThrough);
  return rows[0]?.position == null ? [] : rows;
}

export function liveSession(ctx: Context): LiveSession {
  if (!ctx.live)
    throw new AppError(
      'BAD_USER_INPUT',
      'subscriptions are served over WebSocket (graphql-transport-ws) at this path',
    );
  return ctx.live;
}

/** The database is restarting or unreachable: worth waiting for. */
export function isTransient(error: unknown): boolean {
  if (error instanceof AppError) return false;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P0[1-3]|08\w{3})$/.test(code))
    return true;
  return toAppError(error)?.code === 'SERVICE_UNAVAILABLE';
}

/** Waits before trying again while the database is unreachable; gives up after about a minute. */
async function retrying<T>(work: () => Promise<T>, closed: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || attempt >= 30 || closed()) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}

/**
 * The rows of one subscription: first those after `after` (when given) from change_log, then live
 * ones from the feed, without gap or repeat. Before each row is handed on, the viewer is resolved
 * again (a revoked session or token ends the stream with UNAUTHENTICATED) and the row's record
 * must still be readable by it; the context is refreshed so that the event's fields read as it now.
 */
export function changeStream(
  ctx: Context,
  spec: StreamSpec,
  after: number | null,
): AsyncGenerator<ChangeRow> {
  const live = liveSession(ctx);
  // Opened before the replay is read: whatever commits meanwhile is in the inbox, and the
  // position check drops what the replay already gave.
  const inbox = live.feed.open((row) => spec.matches(row));
  let last = after ?? 0;

  async function* deliver(rows: ChangeRow[]): AsyncGenerator<ChangeRow> {
    let checkedFor: Viewer | null = null;
    let visible = new Set<number>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const viewer = await retrying(
        () => live.viewer(),
        () => inbox.closed,
      );
      if (viewer !== checkedFor) {
        const rest = rows.slice(i);
        visible = await retrying(
          () => visiblePositions(ctx.db, viewer, rest, spec),
          () => inbox.closed,
        );
        checkedFor = viewer;
      }
      last = row.position;
      if (!visible.has(row.position)) continue;
      ctx.viewer = viewer;
      ctx.loaders.clear();
      yield row;
    }
  }

  async function* rows(): AsyncGenerator<ChangeRow> {
    try {
      if (after !== null) {
        for (;;) {
          const page = await retrying(
            () => replayPage(ctx.db, spec, last),
            () => inbox.closed,
          );
          yield* deliver(page);
          if (page.length < REPLAY_PAGE) break;
        }
      }
      while (!inbox.closed) {
        const fresh = (await inbox.take()).filter((row) => row.position > last);
        yield* deliver(fresh);
      }
    } finally {
      inbox.close();
    }
  }

  const generator = rows();
  // An async generator waiting for rows would only see return() after the next row; closing the
  // inbox first lets an unsubscribing client go at once.
  return {
    next: () => generator.next(),
    throw: (error) => generator.throw(error),
    return: (value) => {
      inbox.close();
      return generator.return(value);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [Symbol.asyncDispose]: async () => {
      inbox.close();
      await generator.return(undefined);
    },
  };
}
