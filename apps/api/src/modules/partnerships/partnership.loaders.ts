import { defineList, rowsById } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Sql } from '../../common/sql';
import type { Context } from '../../context';
import { Partnership } from './partnership.entity';

export const partnershipList = defineList('partnerships', Partnership, 'p', {
  // An open start means "since always": it sorts first, and coalesce keeps the keyset comparison
  // total (a NULL in a row comparison would silently drop those rows from later pages).
  VALID_FROM: { expr: `coalesce(p.valid_from, '-infinity'::date)`, cast: 'date' },
  CREATED_AT: { expr: 'p.created_at', cast: 'timestamptz' },
});

export const partnershipById = (ctx: Context) =>
  ctx.loaders.get('partnershipById', () =>
    rowsById<Partnership & { id: string }>(ctx.db, partnershipList(ctx.db)),
  );

/**
 * Restricts partnerships (alias `p`) to those valid on `date`; an open start or end is unbounded.
 * Returns the condition so callers can place it in more than one branch of a statement.
 */
export function validOn(q: Sql, alias: string, date: string): string {
  const d = q.p(date);
  return `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${d}::date) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${d}::date)`;
}

registerNodeType('Partnership', partnershipById);
