import { defineList, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import type { Context } from '../../context';
import { RiskFactor } from './risk-factor.entity';
import { RiskIndicator } from './risk-indicator.entity';

export const riskFactorList = defineList('riskFactors', RiskFactor, 'rf', {});
export const riskIndicatorList = defineList('riskIndicators', RiskIndicator, 'ri', {});

export const riskFactorById = (ctx: Context) =>
  ctx.loaders.get('riskFactorById', () => rowsById<RiskFactor>(ctx.db, riskFactorList(ctx.db)));

export const riskIndicatorById = (ctx: Context) =>
  ctx.loaders.get('riskIndicatorById', () => rowsById<RiskIndicator>(ctx.db, riskIndicatorList(ctx.db)));

/** Indicators in the Framework's numbering, compared as numbers: 1.2 comes before 1.10. */
export const riskIndicatorsByFactorId = (ctx: Context) =>
  ctx.loaders.get('riskIndicatorsByFactorId', () =>
    rowsByParent<RiskIndicator>(
      ctx.db,
      riskIndicatorList(ctx.db),
      'ri.risk_factor_id',
      "string_to_array(ri.code, '.')::int[], ri.id",
    ),
  );

registerNodeType('RiskFactor', riskFactorById);
registerNodeType('RiskIndicator', riskIndicatorById);
