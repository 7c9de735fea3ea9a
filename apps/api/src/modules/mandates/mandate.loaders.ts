import { defineList, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Sql } from '../../common/sql';
import type { Context } from '../../context';
import { Mandate } from './mandate.entity';
import { MandatedTask } from './mandated-task.entity';

export type MandateRow = Mandate & { id: string };
export type MandatedTaskRow = MandatedTask & { id: string };

export const mandateList = defineList('mandates', Mandate, 'm', {
  ADOPTED_ON: { expr: 'm.adopted_on', cast: 'date' },
  CREATED_AT: { expr: 'm.created_at', cast: 'timestamptz' },
});

export const mandatedTaskList = defineList('mandatedTasks', MandatedTask, 'mt', {
  PRIORITY: { expr: 'mt.priority', cast: 'smallint' },
});

export const mandateById = (ctx: Context) =>
  ctx.loaders.get('mandateById', () => rowsById<MandateRow>(ctx.db, mandateList(ctx.db)));

/** The later mandates that renew a mandate, oldest first. */
export const mandatesByRenewsMandateId = (ctx: Context) =>
  ctx.loaders.get('mandatesByRenewsMandateId', () =>
    rowsByParent<MandateRow>(ctx.db, mandateList(ctx.db), 'm.renews_mandate_id', 'm.adopted_on, m.id'),
  );

export const mandatedTaskById = (ctx: Context) =>
  ctx.loaders.get('mandatedTaskById', () => rowsById<MandatedTaskRow>(ctx.db, mandatedTaskList(ctx.db)));

/** Mandates (alias `m`) in force on `date`: adopted on or before it, and not expired before it. */
export function activeOn(q: Sql, date: string): string {
  const d = q.p(date);
  return `m.adopted_on <= ${d}::date AND (m.expires_on IS NULL OR m.expires_on >= ${d}::date)`;
}

registerNodeType('Mandate', mandateById);
registerNodeType('MandatedTask', mandatedTaskById);
