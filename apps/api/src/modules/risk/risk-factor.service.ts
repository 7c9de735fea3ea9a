import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import type { Context } from '../../context';
import type { RiskFactor } from './risk-factor.entity';
import { riskFactorById, riskFactorList } from './risk-factor.loaders';

/** A reference to a factor as a client may send it: by its number in the Framework or by id. */
export type FactorReference = {
  riskFactorNumber?: number | null;
  riskFactorId?: string | null;
  field: string;
};

export const riskFactorService = {
  /** The Framework's 14 factors, in its order. Reference data: written only by migrations. */
  async list(ctx: Context): Promise<RiskFactor[]> {
    const spec = riskFactorList(ctx.db);
    return ctx.db.query<RiskFactor>(`SELECT ${spec.select} FROM ${spec.from} ORDER BY rf.number`);
  },

  async requireFactor(ctx: Context, globalId: string, field: string): Promise<RiskFactor> {
    const factor = await riskFactorById(ctx).load(fromGlobalId('RiskFactor', globalId, field));
    if (!factor) throw new AppError('NOT_FOUND', `${field}: no risk factor has this id`, { field });
    return factor;
  },

  /** Resolves every reference in one statement; a miss names the field that points nowhere. */
  async resolve(ctx: Context, references: readonly FactorReference[]): Promise<RiskFactor[]> {
    const ids = references.map((r) =>
      r.riskFactorId ? fromGlobalId('RiskFactor', r.riskFactorId, r.field) : null,
    );
    const numbers = references.map((r) => r.riskFactorNumber ?? null);
    const spec = riskFactorList(ctx.db);
    const rows = await ctx.db.query<RiskFactor>(
      `SELECT ${spec.select} FROM ${spec.from} WHERE rf.id = ANY($1::uuid[]) OR rf.number = ANY($2::int[])`,
      [ids.filter(Boolean), numbers.filter((n) => n != null)],
    );
    return references.map((reference, i) => {
      const found = rows.find((row) => (ids[i] ? row.id === ids[i] : row.number === numbers[i]));
      if (!found) {
        throw new AppError(
          'NOT_FOUND',
          `${reference.field}: no risk factor has this ${ids[i] ? 'id' : 'number'}`,
          {
            field: reference.field,
          },
        );
      }
      return found;
    });
  },
};
