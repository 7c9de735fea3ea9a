import { AppError, badInput } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/ids';
import { updateRow } from '../../common/writes';
import type { Context } from '../../context';
import { lockEditable } from './assessment-status';
import type { IndicatorEvidence, SetIndicatorEvidenceInput } from './indicator-evidence.inputs';
import { type EvidenceRow, evidenceByScoreId } from './indicator-evidence.loaders';
import { RiskAssessment } from './risk-assessment.entity';
import { riskFactorScoreById } from './risk-assessment.loaders';
import { requireAuthored, riskAssessmentService } from './risk-assessment.service';
import { riskFactorById, riskIndicatorById } from './risk-factor.loaders';
import { riskFactorService } from './risk-factor.service';
import type { RiskFactorScore } from './risk-factor-score.entity';

/** The score named by the input: by its id, or by its assessment and factor; the field of a miss is named. */
async function scoreOf(ctx: Context, input: SetIndicatorEvidenceInput) {
  const byScore = input.scoreId != null;
  const byAssessment = input.assessmentId != null || input.riskFactorId != null;
  if (byScore === byAssessment)
    throw badInput('scoreId', 'give either scoreId or assessmentId with riskFactorId');
  if (input.scoreId) {
    const score = await riskFactorScoreById(ctx).load(
      fromGlobalId('RiskFactorScore', input.scoreId, 'scoreId'),
    );
    if (!score)
      throw new AppError('NOT_FOUND', 'scoreId: no risk factor score has this id', { field: 'scoreId' });
    const assessment = await requireAuthored(
      ctx,
      toGlobalId('RiskAssessment', score.assessmentId),
      'scoreId',
    );
    return { assessment, riskFactorId: score.riskFactorId };
  }
  if (!input.assessmentId) throw badInput('assessmentId', 'is required with riskFactorId');
  if (!input.riskFactorId) throw badInput('riskFactorId', 'is required with assessmentId');
  const assessment = await requireAuthored(ctx, input.assessmentId, 'assessmentId');
  const factor = await riskFactorService.requireFactor(ctx, input.riskFactorId, 'riskFactorId');
  return { assessment, riskFactorId: factor.id };
}

export const indicatorEvidenceService = {
  /** The evidence recorded for a score, in the Framework's numbering. */
  forScore(ctx: Context, scoreId: string): Promise<EvidenceRow[]> {
    return evidenceByScoreId(ctx).load(scoreId);
  },

  /** Notes are assessment text: null unless the reader may read rationales. */
  note(ctx: Context, evidence: IndicatorEvidence): string | null {
    return riskAssessmentService.text(ctx, evidence.note);
  },

  async set(
    ctx: Context,
    input: SetIndicatorEvidenceInput,
  ): Promise<{ riskAssessment: RiskAssessment; score: RiskFactorScore; evidence: IndicatorEvidence }> {
    const { assessment, riskFactorId } = await scoreOf(ctx, input);
    const indicator = await riskIndicatorById(ctx).load(
      fromGlobalId('RiskIndicator', input.indicatorId, 'indicatorId'),
    );
    if (!indicator)
      throw new AppError('NOT_FOUND', 'indicatorId: no risk indicator has this id', { field: 'indicatorId' });
    if (indicator.riskFactorId !== riskFactorId) {
      const factor = await riskFactorById(ctx).load(riskFactorId);
      throw badInput('indicatorId', `is not an indicator of risk factor ${factor?.number}`);
    }
    const result = await ctx.db.transaction(async (tx) => {
      await lockEditable(ctx.db, tx, assessment.id, input.expectedVersion);
      const [score] = await tx.query<{ id: string }>(
        'SELECT id FROM risk_factor_score WHERE assessment_id = $1 AND risk_factor_id = $2',
        [assessment.id, riskFactorId],
      );
      if (!score)
        throw badInput('riskFactorId', 'this factor is not scored in the assessment; score it first');
      const riskAssessment = await updateRow<RiskAssessment>(
        tx,
        ctx.db.columns(RiskAssessment),
        'risk assessment',
        assessment.id,
        input.expectedVersion,
        {},
      );
      const [evidence] = await tx.query<IndicatorEvidence & { before: boolean | null }>(
        `WITH old AS (SELECT present FROM score_indicator WHERE score_id = $1 AND risk_indicator_id = $2)
         INSERT INTO score_indicator AS t (score_id, risk_indicator_id, present, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (score_id, risk_indicator_id) DO UPDATE SET present = EXCLUDED.present, note = EXCLUDED.note
         RETURNING t.score_id AS "scoreId", t.risk_indicator_id AS "riskIndicatorId", t.present, t.note,
           (SELECT present FROM old) AS before`,
        [score.id, indicator.id, input.present, input.note ?? null],
      );
      // The note is assessment text, kept out of the audit log like rationales.
      tx.record({
        entityType: 'ScoreIndicator',
        entityId: score.id,
        kind: evidence.before === null ? 'create' : 'update',
        before: evidence.before === null ? null : { riskIndicatorId: indicator.id, present: evidence.before },
        after: { riskIndicatorId: indicator.id, present: evidence.present },
      });
      const { before: _before, ...kept } = evidence;
      return { riskAssessment, scoreId: score.id, evidence: kept };
    });
    ctx.loaders.clear();
    const score = await riskFactorScoreById(ctx).load(result.scoreId);
    if (!score) throw new AppError('NOT_FOUND', 'risk factor score was not found');
    return { riskAssessment: result.riskAssessment, score, evidence: result.evidence };
  },
};
