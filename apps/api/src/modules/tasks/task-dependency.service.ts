import { badInput, explainConstraint } from '../../common/errors';
import type { Context } from '../../context';
import type { Transaction } from '../../db/database';
import { requireRecords } from '../plans/reference.loaders';
import { recordSetChange } from '../plans/set-change';
import type { Task } from './task.entity';
import type { CapabilityRequirementInput } from './task.inputs';
import { taskById } from './task.loaders';

explainConstraint('task_dependency_not_self', 'dependsOnIds', 'a task cannot depend on itself');
explainConstraint(
  'task_capability_requirement_quantity',
  'requiredCapabilities',
  'quantity must be at least 1',
);

/** Prerequisites named by a write: existing tasks of the same plan, never the task itself. */
export async function resolveDependencies(
  ctx: Context,
  planId: string,
  globalIds: readonly string[],
  taskId?: string,
): Promise<string[]> {
  const tasks = await requireRecords<Task>(taskById(ctx), 'Task', globalIds, 'dependsOnIds', 'task');
  for (const task of tasks) {
    if (task.id === taskId) throw badInput('dependsOnIds', 'a task cannot depend on itself');
    if (task.planId !== planId)
      throw badInput('dependsOnIds', 'a task can only depend on tasks of its own plan');
  }
  return tasks.map((t) => t.id);
}

/** One capability once per task: two lines for the same kind would make the gap ambiguous. */
export function checkRequirements(requirements: readonly CapabilityRequirementInput[]): void {
  const kinds = new Set<string>();
  for (const r of requirements) {
    if (kinds.has(r.capability)) throw badInput('requiredCapabilities', `${r.capability} is listed twice`);
    kinds.add(r.capability);
  }
}

/**
 * Replaces a task's prerequisites, refusing any that (transitively) depend on the task. Writers of
 * one plan's dependency graph are serialised by an advisory lock, so two concurrent edits cannot
 * each pass the check and together close a cycle.
 */
export async function replaceDependencies(
  tx: Transaction,
  planId: string,
  taskId: string,
  dependsOn: string[],
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', ['task_dependency', planId]);
  if (dependsOn.length) {
    const [{ cycle }] = await tx.query<{ cycle: boolean }>(
      `WITH RECURSIVE reach(id) AS (
         SELECT unnest($2::uuid[])
         UNION
         SELECT d.depends_on_task_id FROM task_dependency d JOIN reach r ON d.task_id = r.id
       ) SELECT EXISTS (SELECT 1 FROM reach WHERE id = $1) AS cycle`,
      [taskId, dependsOn],
    );
    if (cycle) throw badInput('dependsOnIds', 'these dependencies would form a cycle');
  }
  const old = await tx.query<{ id: string }>(
    'DELETE FROM task_dependency WHERE task_id = $1 RETURNING depends_on_task_id AS id',
    [taskId],
  );
  if (dependsOn.length) {
    await tx.query(
      'INSERT INTO task_dependency (task_id, depends_on_task_id) SELECT $1::uuid, unnest($2::uuid[])',
      [taskId, dependsOn],
    );
  }
  recordSetChange(
    tx,
    { type: 'Task', id: taskId },
    'dependsOnIds',
    old.map((r) => r.id),
    dependsOn,
  );
}

export async function replaceRequirements(
  tx: Transaction,
  taskId: string,
  requirements: readonly CapabilityRequirementInput[],
): Promise<void> {
  const old = await tx.query<{ line: string }>(
    `DELETE FROM task_capability_requirement WHERE task_id = $1 RETURNING capability || ' x' || quantity AS line`,
    [taskId],
  );
  if (requirements.length) {
    await tx.query(
      `INSERT INTO task_capability_requirement (task_id, capability, quantity)
       SELECT $1::uuid, x.capability::capability_kind, x.quantity
       FROM unnest($2::text[], $3::int[]) AS x(capability, quantity)`,
      [taskId, requirements.map((r) => r.capability), requirements.map((r) => r.quantity)],
    );
  }
  recordSetChange(
    tx,
    { type: 'Task', id: taskId },
    'requiredCapabilities',
    old.map((r) => r.line),
    requirements.map((r) => `${r.capability} x${r.quantity}`),
  );
}
