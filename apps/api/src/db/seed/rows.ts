import type { Queryable } from '../database';

/** One row to insert, keyed by column name (snake_case, as in the migrations). */
export type Row = Record<string, unknown>;

/** PostgreSQL accepts at most 65,535 parameters per statement; stay well below it. */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows with multi-row VALUES, a few statements for any number of rows. Rows that already
 * exist (same key) are left exactly as they are, so a re-seed never overwrites what people changed.
 * Every row of one call must have the same columns.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  rows: readonly Row[],
  conflictTarget = '(id)',
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = columns.map((column) => {
        if (!(column in row)) throw new Error(`${table}: a seed row has no value for ${column}`);
        params.push(row[column] ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT ${conflictTarget} DO NOTHING`,
      params,
    );
  }
}
