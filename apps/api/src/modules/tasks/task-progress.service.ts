import { progressReportableStatuses } from '@concord/shared';
import { can, requireSignedIn } from '../../common/authz';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { rowsById } from '../../common/listing';
import { conflict, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { Task } from './task.entity';
import { taskById, taskList } from './task.loaders';
import type { ReportTaskProgressInput } from './task-progress.inputs';

const missing = () => new AppError('NOT_FOUND', 'taskId: no task has this id', { field: 'taskId' });

/**
 * Whether the viewer speaks for an organisation that accepted the task: a member who may answer
 * assignments there (PARTNER, LIAISON), or a token of it with WRITE_ASSIGNMENTS.
 */
async function reportsFor(ctx: Context, taskId: string): Promise<boolean> {
  const rows = await ctx.db.query<{ actorId: string }>(
    `SELECT DISTINCT actor_id AS "actorId" FROM task_assignment WHERE task_id = $1 AND status = 'ACCEPTED'`,
    [taskId],
  );
  return rows.some((row) => can(ctx.viewer, 'assignment.respond', row.actorId));
}

export const taskProgressService = {
  /**
   * A progress report changes the task's status by compare-and-set on its version; the note goes
   * to the audit log with the change. Like answering an assignment, reporting is a right of the
   * organisation doing the work, which a token may hold without reading the graph, so the task is
   * looked up whatever the viewer reads; to anyone else it is refused as a missing one unless they
   * may read it.
   */
  async report(ctx: Context, input: ReportTaskProgressInput): Promise<Task> {
    requireSignedIn(ctx);
    const id = fromGlobalId('Task', input.taskId, 'taskId');
    const any = ctx.loaders.get('tasks.anyById', () => rowsById<Task>(ctx.db, taskList(ctx.db)));
    const current = await any.load(id);
    if (!current) throw missing();
    if (!(await reportsFor(ctx, id))) {
      if (!(await taskById(ctx).load(id))) throw missing();
      await ctx.db
        .auditEvent({ action: 'task.progress', outcome: 'DENIED', entityType: 'Task', entityId: id })
        .catch(() => undefined);
      throw new AppError('FORBIDDEN', 'only an organisation that accepted the task may report its progress');
    }
    if (!progressReportableStatuses.includes(current.status)) {
      throw new AppError(
        'CONFLICT',
        `task is ${current.status}; progress can be reported only while it is ${progressReportableStatuses.join(', ')}`,
        { currentStatus: current.status, currentVersion: current.version },
      );
    }
    if (input.expectedVersion !== current.version) throw conflict('task', current);
    const note = input.note?.trim() ? input.note.trim() : null;
    const task = await ctx.db.transaction(async (tx) => {
      // The version guards the status too: a task changed since it was judged above is CONFLICT.
      const updated = await updateRow<Task>(tx, ctx.db.columns(Task), 'task', id, input.expectedVersion, {
        status: input.status,
      });
      tx.audit({
        action: 'task.progress',
        entityType: 'Task',
        entityId: id,
        details: { from: current.status, status: input.status, note },
      });
      return updated;
    });
    ctx.loaders.clear();
    return task;
  },
};
