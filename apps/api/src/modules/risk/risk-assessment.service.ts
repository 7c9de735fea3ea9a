import { actorIdsWith, authorize, can, isAdmin } from '../../common/authz';
import type { Connection, PageArgs } from '../../common/connection';
import { AppError, badInput } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { childPage, type Order } from '../../common/listing';
import { mayReadAssessmentText } from '../../common/visibility';
import { insertRow, updateRow } from '../../common/writes';
import type { Context } from '../../context';
import type { Database, Queryable } from '../../db/database';
import { actorService } from '../actors/actor.service';
import { assertNotFuture } from '../situations/calendar';
import { situationService } from '../situations/situation.service';
import { lockEditable } from './assessment-status';
import { RiskAssessment } from './risk-assessment.entity';
import type {
  CreateRiskAssessmentInput,
  RiskAssessmentOrder,
  ScoreRiskFactorInput,
  UpdateRiskAssessmentInput,
} from './risk-assessment.inputs';
import {
  assessmentVisible,
  latestAssessmentBySituationId,
  riskAssessmentById,
  riskAssessmentList,
  riskFactorScoresByAssessmentId,
} from './risk-assessment.loaders';
import { riskFactorService } from './risk-factor.service';
import { RiskFactorScore } from './risk-factor-score.entity';

const newestFirst: Order = { field: 'ASSESSED_ON', direction: 'DESC' };

/**
 * The one place the overall level is derived: the highest level among the assessment's scores,
 * NONE while nothing is scored. The risk_level enum is declared from NONE to VERY_HIGH, so max() reads it.
 */
async function recomputeOverallLevel(db: Database, tx: Queryable, id: string): Promise<RiskAssessment> {
  const cols = db.columns(RiskAssessment);
  const [row] = await tx.query<RiskAssessment>(
    `UPDATE ${cols.table} AS t
     SET overall_level = COALESCE((SELECT max(sc.level) FROM risk_factor_score sc WHERE sc.assessment_id = t.id), 'NONE')
     WHERE t.id = $1 RETURNING ${cols.select('t')}`,
    [id],
  );
  return row;
}

/** Inserts a factor's score or changes it; fields left undefined keep their value (or default). */
async function upsertScore(
  db: Database,
  tx: Queryable,
  values: Record<string, unknown>,
): Promise<RiskFactorScore> {
  const cols = db.columns(RiskFactorScore);
  const given = Object.entries(values).filter(([, value]) => value !== undefined);
  const names = given.map(([prop]) => cols.column[prop]);
  const changes = names
    .filter((name) => name !== 'assessment_id' && name !== 'risk_factor_id')
    .map((name) => `${name} = EXCLUDED.${name}`);
  const [row] = await tx.query<RiskFactorScore>(
    `INSERT INTO ${cols.table} AS t (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (assessment_id, risk_factor_id) DO UPDATE
     SET ${[...changes, 'version = t.version + 1', 'updated_at = now()'].join(', ')}
     RETURNING ${cols.select('t')}`,
    given.map(([, value]) => value),
  );
  return row;
}

function refuseNulls(input: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (input[field] === null) throw badInput(field, 'cannot be empty');
}

/** Each score names its factor exactly one way; the field of the problem is the score's own. */
function factorReferences(input: CreateRiskAssessmentInput) {
  return input.scores.map((score, i) => {
    const byNumber = score.riskFactorNumber != null;
    const byId = score.riskFactorId != null;
    if (byNumber === byId) {
      throw badInput(`scores.${i}.riskFactorNumber`, 'give either riskFactorNumber or riskFactorId');
    }
    return {
      riskFactorNumber: score.riskFactorNumber,
      riskFactorId: score.riskFactorId,
      field: byId ? `scores.${i}.riskFactorId` : `scores.${i}.riskFactorNumber`,
    };
  });
}

/**
 * The author organisation of a new assessment: the one named, if the viewer may author for it;
 * otherwise a liaison's own (first) organisation. Administrators may leave it open.
 */
async function authorOf(ctx: Context, globalId: string | null | undefined): Promise<string | null> {
  await authorize(ctx, 'assessment.manage');
  if (globalId) {
    await authorize(ctx, 'assessment.manage', fromGlobalId('Actor', globalId, 'authorActorId'));
    return (await actorService.requireActor(ctx, globalId, 'authorActorId')).id;
  }
  if (isAdmin(ctx.viewer)) return null;
  return actorIdsWith(ctx.viewer, ['LIAISON'])[0];
}

/**
 * An assessment the viewer may change: unreadable reads as missing (NOT_FOUND, existence not
 * revealed); readable but authored by another organisation is FORBIDDEN, audited. One without an
 * author organisation is for administrators only.
 */
export async function requireAuthored(
  ctx: Context,
  globalId: string,
  field?: string,
): Promise<RiskAssessment> {
  await authorize(ctx, 'assessment.manage');
  const assessment = await riskAssessmentById(ctx).load(fromGlobalId('RiskAssessment', globalId, field));
  if (!assessment) {
    throw field
      ? new AppError('NOT_FOUND', `${field}: no risk assessment has this id`, { field })
      : new AppError('NOT_FOUND', 'risk assessment was not found');
  }
  const author = assessment.authorActorId;
  if (author ? can(ctx.viewer, 'assessment.manage', author) : isAdmin(ctx.viewer)) return assessment;
  await ctx.db
    .auditEvent({
      action: 'assessment.manage',
      outcome: 'DENIED',
      entityType: 'RiskAssessment',
      entityId: assessment.id,
    })
    .catch(() => undefined);
  throw new AppError('FORBIDDEN', 'only the author organisation may change this assessment');
}

export const riskAssessmentService = {
  async get(ctx: Context, globalId: string): Promise<RiskAssessment> {
    const assessment = await riskAssessmentById(ctx).load(fromGlobalId('RiskAssessment', globalId));
    if (!assessment) throw new AppError('NOT_FOUND', 'risk assessment was not found');
    return assessment;
  },

  forSituation(
    ctx: Context,
    situationId: string,
    args: PageArgs,
    orderBy?: RiskAssessmentOrder | null,
  ): Promise<Connection<RiskAssessment>> {
    return childPage(ctx, riskAssessmentList(ctx.db), 'ra.situation_id', situationId, {
      filter: assessmentVisible(ctx.viewer),
      order: orderBy ?? newestFirst,
      args,
    });
  },

  latestFor(ctx: Context, situationId: string): Promise<RiskAssessment | null> {
    return latestAssessmentBySituationId(ctx).load(situationId);
  },

  scores(ctx: Context, assessmentId: string): Promise<RiskFactorScore[]> {
    return riskFactorScoresByAssessmentId(ctx).load(assessmentId);
  },

  /** Summaries and rationales are for readers cleared for assessment texts; others see levels only. */
  text(ctx: Context, value: string | null): string | null {
    return mayReadAssessmentText(ctx.viewer) ? value : null;
  },

  async create(ctx: Context, input: CreateRiskAssessmentInput): Promise<RiskAssessment> {
    const authorActorId = await authorOf(ctx, input.authorActorId);
    const situation = await situationService.requireSituation(ctx, input.situationId, 'situationId');
    assertNotFuture(input.assessedOn, 'assessedOn');
    const factors = await riskFactorService.resolve(ctx, factorReferences(input));
    const seen = new Set<string>();
    for (const factor of factors) {
      if (seen.has(factor.id))
        throw badInput('scores', `risk factor ${factor.number} is scored more than once`);
      seen.add(factor.id);
    }

    const assessment = await ctx.db.transaction(async (tx) => {
      const created = await insertRow<RiskAssessment>(tx, ctx.db.columns(RiskAssessment), {
        situationId: situation.id,
        assessedOn: input.assessedOn,
        summary: input.summary ?? null,
        authorActorId,
        classification: input.classification ?? undefined,
        overallLevel: 'NONE',
      });
      for (const [i, score] of input.scores.entries()) {
        await insertRow(tx, ctx.db.columns(RiskFactorScore), {
          assessmentId: created.id,
          riskFactorId: factors[i].id,
          level: score.level,
          trend: score.trend ?? undefined,
          confidence: score.confidence ?? undefined,
          rationale: score.rationale ?? null,
        });
      }
      return recomputeOverallLevel(ctx.db, tx, created.id);
    });
    ctx.loaders.clear();
    return assessment;
  },

  async update(ctx: Context, input: UpdateRiskAssessmentInput): Promise<RiskAssessment> {
    const { id: globalId, expectedVersion, ...fields } = input;
    const existing = await requireAuthored(ctx, globalId);
    refuseNulls(fields, ['assessedOn', 'classification']);
    assertNotFuture(fields.assessedOn, 'assessedOn');
    const assessment = await ctx.db.transaction(async (tx) => {
      await lockEditable(ctx.db, tx, existing.id, expectedVersion);
      return updateRow<RiskAssessment>(
        tx,
        ctx.db.columns(RiskAssessment),
        'risk assessment',
        existing.id,
        expectedVersion,
        fields,
      );
    });
    ctx.loaders.clear();
    return assessment;
  },

  async score(
    ctx: Context,
    input: ScoreRiskFactorInput,
  ): Promise<{ riskAssessment: RiskAssessment; score: RiskFactorScore }> {
    const existing = await requireAuthored(ctx, input.assessmentId, 'assessmentId');
    const factor = await riskFactorService.requireFactor(ctx, input.riskFactorId, 'riskFactorId');
    refuseNulls(input as unknown as Record<string, unknown>, ['trend', 'confidence']);

    const result = await ctx.db.transaction(async (tx) => {
      // Compare-and-set on the assessment first: its row lock serialises concurrent scorings, and
      // a stale version (or a published assessment) stops here before any score changes.
      await lockEditable(ctx.db, tx, existing.id, input.expectedVersion);
      await updateRow(
        tx,
        ctx.db.columns(RiskAssessment),
        'risk assessment',
        existing.id,
        input.expectedVersion,
        {},
      );
      const score = await upsertScore(ctx.db, tx, {
        assessmentId: existing.id,
        riskFactorId: factor.id,
        level: input.level,
        trend: input.trend,
        confidence: input.confidence,
        rationale: input.rationale,
      });
      const riskAssessment = await recomputeOverallLevel(ctx.db, tx, existing.id);
      return { riskAssessment, score };
    });
    ctx.loaders.clear();
    return result;
  },
};
