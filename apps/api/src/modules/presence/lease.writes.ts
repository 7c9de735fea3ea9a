import type { Queryable } from '../../db/database';

/** Ends a task's lease, whoever holds it; inside the caller's transaction. */
export async function releaseLease(tx: Queryable, taskId: string): Promise<void> {
  await tx.query('DELETE FROM task_lease WHERE task_id = $1', [taskId]);
}
