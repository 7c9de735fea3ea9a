import DataLoader from 'dataloader';
import type { RiskLevel } from '../../common/enums';
import type { Context } from '../../context';
import type { Queryable } from '../../db/database';
import type { Alert } from '../alerts/alert.entity';
import { alertById } from '../alerts/alert.loaders';
import { raiseThresholdAlert } from '../alerts/threshold';
import { driversOf, type ExplainedScore, explainOverall, levelRank } from './assessment-explanation';
import type {
  PublishRiskAssessmentInput,
  ReturnRiskAssessmentInput,
  SubmitRiskAssessmentInput,
} from './assessment-review.inputs';
import { ASSESSMENT_STEPS } from './assessment-status';
import { RiskAssessment } from './risk-assessment.entity';
import { riskAssessmentById, riskFactorScoresByAssessmentId } from './risk-assessment.loaders';
import { requireAuthored, riskAssessmentService } from './risk-assessment.service';
import type { RiskFactorScore } from './risk-factor-score.entity';
import { latestReasonByEntityId, moveState, recordReason } from './workflow';

/** The action the reason of a return is recorded under in the audit log. */
export const RETURN_REASON = 'riskAssessment.return';

/** Each assessment's scores as the explanation needs them, one statement for a batch of assessments. */
async function explainedScores(db: Queryable, assessmentIds: readonly string[]) {
  return db.query<ExplainedScore & { assessmentId: string }>(
    `SELECT sc.assessment_id AS "assessmentId", sc.level, rf.number AS "factorNumber", rf.name AS "factorName",
       COALESCE(array_agg(ri.code ORDER BY string_to_array(ri.code, '.')::int[]) FILTER (WHERE si.present), '{}') AS "presentIndicators"
     FROM risk_factor_score sc
     JOIN risk_factor rf ON rf.id = sc.risk_factor_id
     LEFT JOIN score_indicator si ON si.score_id = sc.id
     LEFT JOIN risk_indicator ri ON ri.id = si.risk_indicator_id
     WHERE sc.assessment_id = ANY($1::uuid[])
     GROUP BY sc.id, rf.number, rf.name
     ORDER BY rf.number`,
    [assessmentIds],
  );
}

/** Assessments reach a resolver only through loaders that apply their read rule; their scores go with them. */
const explainedScoresByAssessmentId = (ctx: Context) =>
  ctx.loaders.get(
    'explainedScoresByAssessmentId',
    () =>
      new DataLoader<string, ExplainedScore[]>(async (ids) => {
        const rows = await explainedScores(ctx.db, ids);
        return ids.map((id) => rows.filter((row) => row.assessmentId === id));
      }),
  );

async function move(
  ctx: Context,
  input: { id: string; expectedVersion: number },
  which: (typeof ASSESSMENT_STEPS)['submit' | 'return'],
  reason?: string,
): Promise<RiskAssessment> {
  const existing = await requireAuthored(ctx, input.id);
  const assessment = await ctx.db.transaction(async (tx) => {
    const moved = await moveState<RiskAssessment>(
      tx,
      ctx.db.columns(RiskAssessment),
      which,
      existing.id,
      input.expectedVersion,
    );
    if (reason !== undefined) recordReason(tx, RETURN_REASON, 'RiskAssessment', existing.id, reason);
    return moved;
  });
  ctx.loaders.clear();
  return assessment;
}

export type Published = {
  riskAssessment: RiskAssessment;
  superseded: RiskAssessment | null;
  alert: Alert | null;
};

/**
 * The review workflow. Who may move an assessment is who may change it: liaisons of its author
 * organisation, and administrators.
 */
export const assessmentReviewService = {
  submit(ctx: Context, input: SubmitRiskAssessmentInput): Promise<RiskAssessment> {
    return move(ctx, input, ASSESSMENT_STEPS.submit);
  },

  returnToAuthor(ctx: Context, input: ReturnRiskAssessmentInput): Promise<RiskAssessment> {
    return move(ctx, input, ASSESSMENT_STEPS.return, input.reason.trim());
  },

  /**
   * Publishes, supersedes the situation's previously published assessment and raises the threshold
   * alert, all in one transaction. Publications of one situation are serialised (advisory lock), so
   * a situation never has two published assessments and each crossing is seen once.
   */
  async publish(ctx: Context, input: PublishRiskAssessmentInput): Promise<Published> {
    const existing = await requireAuthored(ctx, input.id);
    const cols = ctx.db.columns(RiskAssessment);
    const outcome = await ctx.db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('risk_assessment.publish:' || $1::text, 0))`,
        [existing.situationId],
      );
      const published = await moveState<RiskAssessment>(
        tx,
        cols,
        ASSESSMENT_STEPS.publish,
        existing.id,
        input.expectedVersion,
      );
      const superseded = await tx.query<RiskAssessment & { __before: Record<string, unknown> }>(
        `WITH old AS (
           SELECT ${cols.select('o')} FROM ${cols.table} o
           WHERE o.situation_id = $1 AND o.status = 'PUBLISHED' AND o.id <> $2 FOR UPDATE)
         UPDATE ${cols.table} AS t SET status = 'SUPERSEDED', version = t.version + 1, updated_at = now()
         FROM old WHERE t.id = old.id
         RETURNING ${cols.select('t')}, to_jsonb(old) AS "__before"`,
        [published.situationId, published.id],
      );
      for (const { __before: before, ...after } of superseded) {
        tx.record({ entityType: cols.name, entityId: after.id, kind: 'update', before, after });
      }
      const previous = superseded.reduce<RiskLevel | null>(
        (high, row) =>
          high === null || levelRank(row.overallLevel) > levelRank(high) ? row.overallLevel : high,
        null,
      );
      const explanation = explainOverall(published.overallLevel, await explainedScores(tx, [published.id]));
      const alertId = await raiseThresholdAlert(ctx.db, tx, published, previous, explanation);
      return { published, supersededId: superseded[0]?.id ?? null, alertId };
    });
    ctx.loaders.clear();
    return {
      riskAssessment: outcome.published,
      superseded: outcome.supersededId ? await riskAssessmentById(ctx).load(outcome.supersededId) : null,
      alert: outcome.alertId ? await alertById(ctx).load(outcome.alertId) : null,
    };
  },

  /** The scores at the overall level: what makes the assessment as high as it is. */
  async drivers(ctx: Context, assessment: RiskAssessment): Promise<RiskFactorScore[]> {
    return driversOf(assessment.overallLevel, await riskFactorScoresByAssessmentId(ctx).load(assessment.id));
  },

  async explanation(ctx: Context, assessment: RiskAssessment): Promise<string> {
    return explainOverall(
      assessment.overallLevel,
      await explainedScoresByAssessmentId(ctx).load(assessment.id),
    );
  },

  /** The reason of the latest return to the author: assessment text, read as summaries are. */
  async returnReason(ctx: Context, assessment: RiskAssessment): Promise<string | null> {
    const given = await latestReasonByEntityId(ctx, 'RiskAssessment', RETURN_REASON).load(assessment.id);
    return riskAssessmentService.text(ctx, given?.reason ?? null);
  },
};
