import type DataLoader from 'dataloader';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { defineList, type ListSpec, rowsById } from '../../common/listing';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { MandatedTask } from '../mandates/mandated-task.entity';
import { RiskFactor } from '../risk/risk-factor.entity';
import { Situation } from '../situations/situation.entity';

// Records of other modules that plans point to. The keys are prefixed with this module so that they
// never collide with the owning module's own loaders, which may shape their rows differently.

const situationList = defineList('plans.situations', Situation, 's', {});
const riskFactorList = defineList('plans.riskFactors', RiskFactor, 'rf', {});
const mandatedTaskList = defineList('plans.mandatedTasks', MandatedTask, 'mt', {});

export const situationById = (ctx: Context) =>
  ctx.loaders.get('plans.situationById', () => rowsById<Situation>(ctx.db, situationList(ctx.db)));

export const riskFactorById = (ctx: Context) =>
  ctx.loaders.get('plans.riskFactorById', () => rowsById<RiskFactor>(ctx.db, riskFactorList(ctx.db)));

export const mandatedTaskById = (ctx: Context) =>
  ctx.loaders.get('plans.mandatedTaskById', () => rowsById<MandatedTask>(ctx.db, mandatedTaskList(ctx.db)));

/** Risk factors joined to the objectives that name them; the parent column is `orf.objective_id`. */
export function objectiveRiskFactorList(db: Database): ListSpec {
  const base = riskFactorList(db);
  return { ...base, from: `${base.from} JOIN objective_risk_factor orf ON orf.risk_factor_id = rf.id` };
}

/** Loads a record a write refers to by global id, or names the field that points nowhere. */
export async function requireRecord<T>(
  loader: DataLoader<string, T | null>,
  type: string,
  globalId: string,
  field: string,
  thing: string,
): Promise<T> {
  const row = await loader.load(fromGlobalId(type, globalId, field));
  if (!row) throw new AppError('NOT_FOUND', `${field}: no ${thing} has this id`, { field });
  return row;
}

/** Loads several referenced records at once (duplicates removed, order kept); any miss names the field. */
export async function requireRecords<T>(
  loader: DataLoader<string, T | null>,
  type: string,
  globalIds: readonly string[],
  field: string,
  thing: string,
): Promise<T[]> {
  const ids = [...new Set(globalIds.map((id) => fromGlobalId(type, id, field)))];
  const rows = await loader.loadMany(ids);
  return rows.map((row) => {
    if (row instanceof Error) throw row;
    if (!row) throw new AppError('NOT_FOUND', `${field}: no ${thing} has one of these ids`, { field });
    return row;
  });
}
