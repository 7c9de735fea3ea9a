import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { defineList, type ListSpec, rowsByParent } from '../../common/listing';
import type { Context } from '../../context';
import type { Database, Queryable, Transaction } from '../../db/database';
import { RiskIndicator } from '../risk/risk-indicator.entity';

const indicatorList = defineList('observations.riskIndicators', RiskIndicator, 'ri', {});

/** Indicators joined to the observations that are evidence for them; the parent column is `oi.observation_id`. */
function observedIndicatorList(db: Database): ListSpec {
  const base = indicatorList(db);
  return {
    ...base,
    from: `${base.from} JOIN observation_indicator oi ON oi.risk_indicator_id = ri.id JOIN risk_factor ri_rf ON ri_rf.id = ri.risk_factor_id`,
  };
}

/** Indicators are the Framework's public reference data; an observation shown to a reader shows its own. */
export const indicatorsByObservationId = (ctx: Context) =>
  ctx.loaders.get('indicatorsByObservationId', () =>
    rowsByParent<RiskIndicator>(
      ctx.db,
      observedIndicatorList(ctx.db),
      'oi.observation_id',
      "ri_rf.number, string_to_array(ri.code, '.')::int[]",
    ),
  );

/** Decodes and checks indicator ids in one statement; any miss names the field. */
export async function indicatorIdsOf(ctx: Context, globalIds: readonly string[]): Promise<string[]> {
  const ids = globalIds.map((id) => fromGlobalId('RiskIndicator', id, 'indicatorIds'));
  if (!ids.length) return ids;
  const [{ found }] = await ctx.db.query<{ found: number }>(
    'SELECT count(*)::int AS found FROM risk_indicator WHERE id = ANY($1::uuid[])',
    [ids],
  );
  if (found !== new Set(ids).size) {
    throw new AppError('NOT_FOUND', 'indicatorIds: no risk indicator has one of these ids', {
      field: 'indicatorIds',
    });
  }
  return ids;
}

const isTransaction = (tx: Queryable): tx is Transaction => typeof (tx as Transaction).record === 'function';

/** Makes `indicatorIds` the observation's indicators, recorded as a change of the observation. */
export async function setObservationIndicators(
  tx: Queryable,
  observationId: string,
  indicatorIds: readonly string[],
) {
  const removed = await tx.query<{ id: string }>(
    `DELETE FROM observation_indicator WHERE observation_id = $1 AND risk_indicator_id <> ALL($2::uuid[])
     RETURNING risk_indicator_id AS id`,
    [observationId, indicatorIds],
  );
  const added = await tx.query<{ id: string }>(
    `INSERT INTO observation_indicator (observation_id, risk_indicator_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING risk_indicator_id AS id`,
    [observationId, indicatorIds],
  );
  if (isTransaction(tx) && (removed.length || added.length)) {
    tx.record({
      entityType: 'Observation',
      entityId: observationId,
      kind: 'update',
      before: { indicatorsRemoved: null, indicatorsAdded: null },
      after: {
        indicatorsRemoved: removed.length ? removed.map((r) => r.id) : null,
        indicatorsAdded: added.length ? added.map((r) => r.id) : null,
      },
    });
  }
}
