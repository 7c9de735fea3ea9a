import type { EntityColumns, Queryable } from '../db/database';
import { AppError, notFound } from './errors';
import type { Row } from './connection';

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

/** Inserts one row; `undefined` values are left to their column defaults. */
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
  return row;
}

/**
 * Compare-and-set patch: changes only the fields given, and only if the row still has
 * `expectedVersion`. A stale version is CONFLICT with the current version and values, so the
 * caller can show what changed; no lost update is possible.
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
  const rows = await tx.query<T>(
    `UPDATE ${cols.table} AS t SET ${sets.join(', ')} WHERE t.id = $1 AND t.version = $2 RETURNING ${cols.select('t')}`,
    params,
  );
  if (rows.length === 1) return rows[0];
  const [current] = await tx.query<T>(`SELECT ${cols.select('t')} FROM ${cols.table} t WHERE t.id = $1`, [id]);
  if (!current) throw notFound(what);
  throw conflict(what, current);
}

export function conflict(what: string, current: Row & { version?: number }): AppError {
  return new AppError('CONFLICT', `${what} was changed by someone else; reload and apply your change again`, {
    currentVersion: current.version,
    current,
  });
}
