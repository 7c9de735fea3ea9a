import type { EntityColumns, Queryable, Transaction } from '../db/database';
import type { Row } from './connection';
import { AppError, notFound } from './errors';

function assignments(cols: EntityColumns, values: Record<string, unknown>, params: unknown[]) {
  const names: string[] = [];
  const placeholders: string[] = [];
  for (const [prop, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = cols.column[prop];
    if (!column) throw new Error(`${cols.table} has no column for ${prop}`);
    params.push(value);
    names.push(column);
    placeholders.push(`$${params.length}`);
  }
  return { names, placeholders };
}

const isTransaction = (tx: Queryable): tx is Transaction => typeof (tx as Transaction).record === 'function';

/** Inserts one row; `undefined` values are left to their column defaults. Recorded for the audit log. */
export async function insertRow<T extends Row>(
  tx: Queryable,
  cols: EntityColumns,
  values: Record<string, unknown>,
): Promise<T> {
  const params: unknown[] = [];
  const { names, placeholders } = assignments(cols, values, params);
  const [row] = await tx.query<T>(
    `INSERT INTO ${cols.table} AS t (${names.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING ${cols.select('t')}`,
    params,
  );
  if (isTransaction(tx)) {
    tx.record({
      entityType: cols.name,
      entityId: row.id,
      kind: 'create',
      before: null,
      after: row as Record<string, unknown>,
    });
  }
  return row;
}

/**
 * Compare-and-set patch: changes only the fields given, and only if the row still has
 * `expectedVersion`. A stale version is CONFLICT with the current version and values, so the
 * caller can show what changed; no lost update is possible. The row is locked between reading
 * its old values (for the audit log) and writing the new ones.
 */
export async function updateRow<T extends Row & { version: number }>(
  tx: Queryable,
  cols: EntityColumns,
  what: string,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
): Promise<T> {
  const params: unknown[] = [id, expectedVersion];
  const { names, placeholders } = assignments(cols, patch, params);
  const sets = names.map((name, i) => `${name} = ${placeholders[i]}`);
  sets.push('version = t.version + 1', 'updated_at = now()');
  const rows = await tx.query<T & { __before: Record<string, unknown> }>(
    `WITH old AS (SELECT ${cols.select('o')} FROM ${cols.table} o WHERE o.id = $1 AND o.version = $2 FOR UPDATE)
     UPDATE ${cols.table} AS t SET ${sets.join(', ')} FROM old WHERE t.id = old.id
     RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
    params,
  );
  if (rows.length === 1) {
    const { __before: before, ...after } = rows[0];
    if (isTransaction(tx)) tx.record({ entityType: cols.name, entityId: id, kind: 'update', before, after });
    return after as unknown as T;
  }
  const [current] = await tx.query<T>(`SELECT ${cols.select('t')} FROM ${cols.table} t WHERE t.id = $1`, [
    id,
  ]);
  if (!current) throw notFound(what);
  throw conflict(what, current);
}

/** Deletes one row, recorded for the audit log. Returns whether it existed. */
export async function deleteRow(tx: Queryable, cols: EntityColumns, id: string): Promise<boolean> {
  const rows = await tx.query<Row>(
    `DELETE FROM ${cols.table} AS t WHERE t.id = $1 RETURNING ${cols.select('t')}`,
    [id],
  );
  if (rows.length && isTransaction(tx)) {
    tx.record({
      entityType: cols.name,
      entityId: id,
      kind: 'delete',
      before: rows[0] as Record<string, unknown>,
      after: null,
    });
  }
  return rows.length > 0;
}

export function conflict(what: string, current: Row & { version?: number }): AppError {
  return new AppError('CONFLICT', `${what} was changed by someone else; reload and apply your change again`, {
    currentVersion: current.version,
    current,
  });
}
