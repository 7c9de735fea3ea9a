import DataLoader from 'dataloader';
import type { Row } from '../../common/connection';
import { AppError, notFound } from '../../common/errors';
import { conflict } from '../../common/writes';
import type { Context } from '../../context';
import type { EntityColumns, Queryable, Transaction } from '../../db/database';

/** One step of a workflow: from which states, to which state, and what else changes with it. */
export type Step = {
  /** What the record is called in messages, e.g. "risk assessment". */
  what: string;
  /** The verb for messages, e.g. "published". */
  verb: string;
  /** The state column and its PostgreSQL enum type. */
  column: string;
  enumType: string;
  from: readonly string[];
  to: string;
  /** Further SQL assignments of the same UPDATE, e.g. `issued_at = now()`. */
  also?: readonly string[];
};

const isTransaction = (tx: Queryable): tx is Transaction => typeof (tx as Transaction).record === 'function';

/**
 * Moves a record from one of `step.from` to `step.to`, compare-and-set on the version (when one is
 * expected) and on the state, in one locked statement, recorded for the audit log. A stale version
 * is CONFLICT with the current version; a state the step does not start from is CONFLICT naming
 * the current state, so that a client can tell the two apart.
 */
export async function moveState<T extends Row & { version: number }>(
  tx: Queryable,
  cols: EntityColumns,
  step: Step,
  id: string,
  expectedVersion: number | null,
): Promise<T> {
  const state = cols.column[step.column];
  const sets = [
    `${state} = $3::${step.enumType}`,
    ...(step.also ?? []),
    'version = t.version + 1',
    'updated_at = now()',
  ];
  const rows = await tx.query<T & { __before: Record<string, unknown> }>(
    `WITH old AS (
       SELECT ${cols.select('o')} FROM ${cols.table} o
       WHERE o.id = $1 AND o.${state} = ANY($2::${step.enumType}[]) ${expectedVersion === null ? '' : 'AND o.version = $4'}
       FOR UPDATE)
     UPDATE ${cols.table} AS t SET ${sets.join(', ')} FROM old WHERE t.id = old.id
     RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
    expectedVersion === null ? [id, step.from, step.to] : [id, step.from, step.to, expectedVersion],
  );
  if (rows.length === 1) {
    const { __before: before, ...after } = rows[0];
    if (isTransaction(tx)) tx.record({ entityType: cols.name, entityId: id, kind: 'update', before, after });
    return after as unknown as T;
  }
  const [current] = await tx.query<T & Record<string, unknown>>(
    `SELECT ${cols.select('t')} FROM ${cols.table} t WHERE t.id = $1`,
    [id],
  );
  if (!current) throw notFound(step.what);
  if (expectedVersion !== null && current.version !== expectedVersion) throw conflict(step.what, current);
  throw refusedStep(step, current[step.column] as string, current.version);
}

/** The record is in a state the step cannot start from. */
export function refusedStep(
  step: Pick<Step, 'what' | 'verb' | 'from'>,
  currentState: string,
  currentVersion: number,
) {
  return new AppError(
    'CONFLICT',
    `${step.what} is ${currentState}; only a ${step.from.join(' or ')} ${step.what} can be ${step.verb}`,
    { currentState, currentVersion },
  );
}

/**
 * Reasons given for a workflow step (returning an assessment to its author, escalating an alert)
 * are written to the audit log with the step, in its transaction: they say why a record changed,
 * which is what the log holds, and no table of its own is needed for one line of text.
 */
export function recordReason(
  tx: Transaction,
  action: string,
  entityType: string,
  entityId: string,
  reason: string,
) {
  tx.audit({ action, entityType, entityId, details: { reason } });
}

export type GivenReason = { reason: string; givenAt: Date };

/** The latest reason recorded for each record with `action`, one statement per batch (audit_event_entity_idx). */
export const latestReasonByEntityId = (ctx: Context, entityType: string, action: string) =>
  ctx.loaders.get(
    `latestReasonByEntityId|${entityType}|${action}`,
    () =>
      new DataLoader<string, GivenReason | null>(async (ids) => {
        const rows = await ctx.db.query<GivenReason & { entityId: string }>(
          `SELECT DISTINCT ON (e.entity_id) e.entity_id AS "entityId", e.details->>'reason' AS reason, e.occurred_at AS "givenAt"
           FROM audit_event e
           WHERE e.entity_type = $1 AND e.entity_id = ANY($2::uuid[]) AND e.action = $3 AND e.outcome = 'SUCCESS'
           ORDER BY e.entity_id, e.occurred_at DESC`,
          [entityType, ids, action],
        );
        const byId = new Map(rows.map((r) => [r.entityId, { reason: r.reason, givenAt: r.givenAt }]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
