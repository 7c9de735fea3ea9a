import { authorize } from '../../common/authz';
import type { Connection, PageArgs } from '../../common/connection';
import { badInput, explainConstraint, notFound } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Order } from '../../common/listing';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Mandate } from './mandate.entity';
import { type MandatedTaskRow, type MandateRow, mandateById, mandatedTaskList } from './mandate.loaders';
import { mandateService } from './mandate.service';
import { MandatedTask } from './mandated-task.entity';
import type {
  CreateMandatedTaskInput,
  MandatedTaskFilter,
  MandatedTaskOrder,
  UpdateMandatedTaskInput,
} from './mandated-task.inputs';

explainConstraint('mandated_task_priority', 'priority', 'must be between 1 and 5');

/** Highest priority first, as the resolution's operative paragraphs usually rank them. */
const defaultOrder: Order = { field: 'PRIORITY', direction: 'ASC' };

export const mandatedTaskService = {
  /** The tasks of a mandate, batched over every mandate in the request. */
  ofMandate(
    ctx: Context,
    mandate: Mandate,
    args: PageArgs,
    filter?: MandatedTaskFilter | null,
    orderBy?: MandatedTaskOrder | null,
  ): Promise<Connection<MandatedTaskRow>> {
    const kinds = filter?.kinds?.length ? [...new Set(filter.kinds)].sort() : null;
    return childPage(ctx, mandatedTaskList(ctx.db), 'mt.mandate_id', mandate.id, {
      filterKey: kinds,
      filter: (q) => {
        if (kinds) q.and(q.in('mt.kind', kinds, 'mandated_task_kind'));
      },
      order: orderBy ?? defaultOrder,
      args,
    });
  },

  async mandate(ctx: Context, task: MandatedTask): Promise<MandateRow> {
    const mandate = await mandateById(ctx).load(task.mandateId);
    // The foreign key cascades, so a task never outlives its mandate.
    if (!mandate) throw notFound('mandate');
    return mandate;
  },

  async create(ctx: Context, input: CreateMandatedTaskInput): Promise<MandatedTaskRow> {
    await authorize(ctx, 'mandate.manage');
    const mandate = await mandateService.requireMandate(ctx, input.mandateId, 'mandateId');
    const task = await ctx.db.transaction((tx) =>
      insertRow<MandatedTaskRow>(tx, ctx.db.columns(MandatedTask), {
        ...input,
        mandateId: mandate.id,
        priority: input.priority ?? undefined,
        useOfForce: input.useOfForce ?? undefined,
      }),
    );
    ctx.loaders.clear();
    return task;
  },

  async update(ctx: Context, input: UpdateMandatedTaskInput): Promise<MandatedTaskRow> {
    await authorize(ctx, 'mandate.manage');
    const id = fromGlobalId('MandatedTask', input.id);
    const { id: _id, expectedVersion, ...patch } = input;
    for (const field of ['paragraphRef', 'kind', 'description', 'priority', 'useOfForce'] as const) {
      if (patch[field] === null) throw badInput(field, 'cannot be empty');
    }
    const task = await ctx.db.transaction((tx) =>
      updateRow<MandatedTaskRow>(
        tx,
        ctx.db.columns(MandatedTask),
        'mandated task',
        id,
        expectedVersion,
        patch,
      ),
    );
    ctx.loaders.clear();
    return task;
  },
};
