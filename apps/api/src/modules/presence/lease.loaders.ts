import { defineList, rowsByParent } from '../../common/listing';
import type { Context } from '../../context';
import { TaskLease } from './lease.entity';

const leaseList = defineList('taskLeases', TaskLease, 'tl', {});

type LeaseRow = TaskLease & { id: string };

/**
 * The lease in force on each task (a lapsed one reads as none). The task was already shown to the
 * viewer, so the lease needs no rule of its own.
 */
export const leaseByTaskId = (ctx: Context) =>
  ctx.loaders.get('leaseByTaskId', () =>
    rowsByParent<LeaseRow>(ctx.db, leaseList(ctx.db), 'tl.task_id', 'tl.task_id', (q) => {
      q.and('tl.expires_at > now()');
    }),
  );
