import DataLoader from 'dataloader';
import { defineList, type Filter, type ListSpec, rowsById, rowsByParent } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import { Sql } from '../../common/sql';
import type { Viewer } from '../../common/viewer';
import { evidenceReadable, situationReadable } from '../../common/visibility';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { RiskAssessment } from './risk-assessment.entity';
import { RiskFactorScore } from './risk-factor-score.entity';

/** Ordered through risk_assessment_situation_idx (situation_id, assessed_on, id). */
export const riskAssessmentList = defineList('riskAssessments', RiskAssessment, 'ra', {
  ASSESSED_ON: { expr: 'ra.assessed_on', cast: 'date' },
});

export const riskFactorScoreList = defineList('riskFactorScores', RiskFactorScore, 'sc', {});

/** Scores joined to their factor, so that they can be listed in the Framework's order. */
function scoresWithFactorList(db: Database): ListSpec {
  const base = riskFactorScoreList(db);
  return { ...base, from: `${base.from} JOIN risk_factor sc_rf ON sc_rf.id = sc.risk_factor_id` };
}

/** Whether the assessment aliased `alias` is readable: only with its situation, as evidence. */
function assessmentReadable(q: Sql, viewer: Viewer, alias: string): string {
  return `(${situationReadable(viewer)} AND ${evidenceReadable(q, viewer, alias, 'author_actor_id')})`;
}

/** Assessments the viewer may read (alias `ra`). */
export const assessmentVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(assessmentReadable(q, viewer, 'ra'));
  };

/** Scores (alias `sc`) are read exactly as far as their assessment is. */
const scoreVisible =
  (viewer: Viewer): Filter =>
  (q) => {
    q.and(
      `EXISTS (SELECT 1 FROM risk_assessment sc_ra WHERE sc_ra.id = sc.assessment_id AND ${assessmentReadable(q, viewer, 'sc_ra')})`,
    );
  };

export const riskAssessmentById = (ctx: Context) =>
  ctx.loaders.get('riskAssessmentById', () =>
    rowsById<RiskAssessment>(ctx.db, riskAssessmentList(ctx.db), assessmentVisible(ctx.viewer)),
  );

export const riskFactorScoreById = (ctx: Context) =>
  ctx.loaders.get('riskFactorScoreById', () =>
    rowsById<RiskFactorScore>(ctx.db, riskFactorScoreList(ctx.db), scoreVisible(ctx.viewer)),
  );

export const riskFactorScoresByAssessmentId = (ctx: Context) =>
  ctx.loaders.get('riskFactorScoresByAssessmentId', () =>
    rowsByParent<RiskFactorScore>(
      ctx.db,
      scoresWithFactorList(ctx.db),
      'sc.assessment_id',
      'sc_rf.number, sc.id',
      scoreVisible(ctx.viewer),
    ),
  );

/**
 * The assessment that currently speaks for each situation to this viewer, one statement per batch:
 * among the assessments the viewer may read, the most recent PUBLISHED one when there is any,
 * otherwise the most recent of any status ("most recent" = latest assessedOn, then latest createdAt).
 */
export const latestAssessmentBySituationId = (ctx: Context) =>
  ctx.loaders.get(
    'latestAssessmentBySituationId',
    () =>
      new DataLoader<string, RiskAssessment | null>(async (situationIds) => {
        const spec = riskAssessmentList(ctx.db);
        const q = new Sql();
        q.and(q.in('ra.situation_id', situationIds));
        assessmentVisible(ctx.viewer)(q);
        const rows = await ctx.db.query<RiskAssessment>(
          `SELECT DISTINCT ON (ra.situation_id) ${spec.select}
           FROM ${spec.from} ${q.whereClause()}
           ORDER BY ra.situation_id, (ra.status = 'PUBLISHED') DESC, ra.assessed_on DESC, ra.created_at DESC, ra.id DESC`,
          q.params,
        );
        const bySituation = new Map(rows.map((row) => [row.situationId, row]));
        return situationIds.map((id) => bySituation.get(id) ?? null);
      }),
  );

registerNodeType('RiskAssessment', riskAssessmentById);
registerNodeType('RiskFactorScore', riskFactorScoreById);
