import { defineList, type ListSpec, rowsByParent } from '../../common/listing';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { ScoreIndicator } from './score-indicator.entity';

const evidenceBase = defineList('scoreIndicators', ScoreIndicator, 'si', {});

/** Evidence rows with their indicator's code, to list them in the Framework's numbering. */
function evidenceList(db: Database): ListSpec {
  const base = evidenceBase(db);
  return {
    ...base,
    from: `${base.from} JOIN risk_indicator si_ri ON si_ri.id = si.risk_indicator_id`,
    select: `${base.select}, si_ri.code AS "code"`,
  };
}

/** A row of score_indicator; `id` is only the loader's grouping key (the row has a composite key). */
export type EvidenceRow = ScoreIndicator & { id: string; code: string };

/**
 * The evidence recorded for each score, 1.2 before 1.10. Scores reach a resolver only through the
 * loaders that apply the assessment's read rule, so their evidence needs no rule of its own.
 */
export const evidenceByScoreId = (ctx: Context) =>
  ctx.loaders.get('evidenceByScoreId', () =>
    rowsByParent<EvidenceRow>(
      ctx.db,
      evidenceList(ctx.db),
      'si.score_id',
      "string_to_array(si_ri.code, '.')::int[], si.risk_indicator_id",
    ),
  );
