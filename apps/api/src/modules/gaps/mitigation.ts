import DataLoader from 'dataloader';
import type { RiskLevel } from '../../common/enums';
import { Sql } from '../../common/sql';
import {
  evidenceReadable,
  planReadableAsMember,
  situationReadable,
  taskReadable,
} from '../../common/visibility';
import type { Context } from '../../context';
import type { MitigationGap } from './gap.types';
import { count, quoted } from './words';

type Row = {
  situationId: string;
  assessmentId: string;
  assessedOn: string;
  scoreId: string;
  level: RiskLevel;
  riskFactorId: string;
  factorNumber: number;
  factorName: string;
  objectiveIds: string[];
  objectiveTitles: string[];
};

function explain(row: Row): string {
  const factor = `Risk factor ${row.factorNumber} (${row.factorName}) is ${row.level} in the assessment published for ${row.assessedOn}`;
  if (!row.objectiveIds.length)
    return `${factor}, and no objective of an open response plan of this situation names it.`;
  return `${factor}; ${count(row.objectiveIds.length, 'objective')} of open plans name${row.objectiveIds.length === 1 ? 's' : ''} it (${quoted(row.objectiveTitles)}), but none has a task that is not cancelled.`;
}

/**
 * Mitigation gaps of a batch of situations in one statement. The latest PUBLISHED assessment the
 * viewer reads; its factors at HIGH or VERY_HIGH; a factor is mitigated when an objective of a
 * plan of the situation that is not CLOSED or CANCELLED names it AND that objective has at least
 * one task that is not CANCELLED (an objective with no live work mitigates nothing; a completed
 * task counts, as work done). Only plans, objectives and tasks the viewer reads count, so a
 * reader never learns of mitigation it cannot see.
 */
export const mitigationGapsBySituationId = (ctx: Context) =>
  ctx.loaders.get(
    'mitigationGapsBySituationId',
    () =>
      new DataLoader<string, MitigationGap[]>(async (situationIds) => {
        const q = new Sql();
        const ids = q.p(situationIds);
        const viewer = ctx.viewer;
        const rows = await ctx.db.query<Row>(
          `WITH a AS (
             SELECT DISTINCT ON (ra.situation_id) ra.id, ra.situation_id, ra.assessed_on
             FROM risk_assessment ra
             WHERE ra.situation_id = ANY(${ids}::uuid[]) AND ra.status = 'PUBLISHED'
               AND ${situationReadable(viewer)} AND ${evidenceReadable(q, viewer, 'ra', 'author_actor_id')}
             ORDER BY ra.situation_id, ra.assessed_on DESC, ra.created_at DESC, ra.id DESC
           ), o AS (
             SELECT o.id, o.title, o.created_at, p.situation_id, orf.risk_factor_id,
               EXISTS (SELECT 1 FROM task t WHERE t.objective_id = o.id AND t.status <> 'CANCELLED'
                 AND ${taskReadable(q, viewer, 't')}) AS live
             FROM objective o
             JOIN response_plan p ON p.id = o.plan_id
             JOIN objective_risk_factor orf ON orf.objective_id = o.id
             WHERE p.situation_id = ANY(${ids}::uuid[]) AND p.status NOT IN ('CLOSED', 'CANCELLED')
               AND ${planReadableAsMember(q, viewer, 'p')}
           )
           SELECT a.situation_id AS "situationId", a.id AS "assessmentId", a.assessed_on AS "assessedOn",
             sc.id AS "scoreId", sc.level, rf.id AS "riskFactorId", rf.number AS "factorNumber", rf.name AS "factorName",
             COALESCE(array_agg(o.id ORDER BY o.created_at, o.id) FILTER (WHERE o.id IS NOT NULL), '{}') AS "objectiveIds",
             COALESCE(array_agg(o.title ORDER BY o.created_at, o.id) FILTER (WHERE o.id IS NOT NULL), '{}') AS "objectiveTitles"
           FROM a
           JOIN risk_factor_score sc ON sc.assessment_id = a.id
           JOIN risk_factor rf ON rf.id = sc.risk_factor_id
           LEFT JOIN o ON o.situation_id = a.situation_id AND o.risk_factor_id = sc.risk_factor_id
           WHERE sc.level IN ('HIGH', 'VERY_HIGH')
           GROUP BY a.situation_id, a.id, a.assessed_on, sc.id, sc.level, rf.id, rf.number, rf.name
           HAVING NOT COALESCE(bool_or(o.live), false)
           ORDER BY a.situation_id, sc.level DESC, rf.number`,
          q.params,
        );
        return situationIds.map((id) =>
          rows
            .filter((row) => row.situationId === id)
            .map((row) => ({
              riskFactorId: row.riskFactorId,
              scoreId: row.scoreId,
              assessmentId: row.assessmentId,
              objectiveIds: row.objectiveIds,
              level: row.level,
              explanation: explain(row),
            })),
        );
      }),
  );
