import type { CapabilityKind } from '@concord/shared';
import { toGlobalId } from '../../common/ids';
import type { Context } from '../../context';
import { objectiveService } from '../plans/objective.service';
import { planService } from '../plans/plan.service';
import { taskService } from '../tasks/task.service';

type Versioned = { id: string; version: number };

/** Writes one field of a record through its own update service; `value` is as the history keeps it. */
export type Restorer = (
  ctx: Context,
  id: string,
  expectedVersion: number,
  value: unknown,
) => Promise<Versioned>;

/** How a kept value becomes an update input: references back to global ids, requirement lines to inputs. */
type Shape = 'value' | { ref: string } | { refs: string } | 'requirements';

const ref = (type: string, value: unknown) =>
  value === null || value === undefined ? null : toGlobalId(type, String(value));

function asInput(shape: Shape, value: unknown): unknown {
  if (shape === 'value') return value;
  if (shape === 'requirements') {
    // Kept as "CAPABILITY xN" lines (see replaceRequirements).
    return ((value as string[] | null) ?? []).map((line) => {
      const [capability, quantity] = line.split(' x');
      return { capability: capability as CapabilityKind, quantity: Number(quantity) };
    });
  }
  if ('ref' in shape) return ref(shape.ref, value);
  return ((value as string[] | null) ?? []).map((id) => ref(shape.refs, id));
}

/** The fields a person edits, per record type; participants and assignment answers are not restored. */
const fields: Record<string, Record<string, Shape>> = {
  ResponsePlan: {
    title: 'value',
    summary: 'value',
    status: 'value',
    classification: 'value',
    startsOn: 'value',
    endsOn: 'value',
  },
  Phase: { kind: 'value', title: 'value', position: 'value', startsOn: 'value', endsOn: 'value' },
  Objective: {
    title: 'value',
    description: 'value',
    phaseId: { ref: 'Phase' },
    mandatedTaskId: { ref: 'MandatedTask' },
    riskFactorIds: { refs: 'RiskFactor' },
  },
  Task: {
    title: 'value',
    description: 'value',
    priority: 'value',
    status: 'value',
    dueOn: 'value',
    locationName: 'value',
    objectiveId: { ref: 'Objective' },
    dependsOnIds: { refs: 'Task' },
    requiredCapabilities: 'requirements',
  },
};

const update: Record<
  string,
  (
    ctx: Context,
    input: Record<string, unknown> & { id: string; expectedVersion: number },
  ) => Promise<Versioned>
> = {
  // biome-ignore lint/suspicious/noExplicitAny: the field is one of the input's, checked by the table above
  ResponsePlan: (ctx, input) => planService.update(ctx, input as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  Phase: (ctx, input) => objectiveService.updatePhase(ctx, input as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  Objective: (ctx, input) => objectiveService.updateObjective(ctx, input as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  Task: (ctx, input) => taskService.update(ctx, input as any),
};

/** How to restore `field` of a record of `entityType`, or null when it is not restorable. */
export function restorerOf(entityType: string, field: string): Restorer | null {
  const byField = Object.hasOwn(fields, entityType) ? fields[entityType] : undefined;
  const shape = byField && Object.hasOwn(byField, field) ? byField[field] : undefined;
  const write = update[entityType];
  if (!shape || !write) return null;
  return (ctx, id, expectedVersion, value) =>
    write(ctx, { id: toGlobalId(entityType, id), expectedVersion, [field]: asInput(shape, value) });
}
