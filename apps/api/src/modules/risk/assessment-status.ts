import type { AssessmentStatus } from '../../common/enums';
import { notFound } from '../../common/errors';
import { conflict } from '../../common/writes';
import type { Database, Queryable } from '../../db/database';
import { RiskAssessment } from './risk-assessment.entity';
import { refusedStep, type Step } from './workflow';

const step = (verb: string, from: AssessmentStatus[], to: AssessmentStatus): Step => ({
  what: 'risk assessment',
  verb,
  column: 'status',
  enumType: 'assessment_status',
  from,
  to,
});

/**
 * The review workflow DRAFT → IN_REVIEW → PUBLISHED → SUPERSEDED, with IN_REVIEW → DRAFT to return
 * it to its author. SUPERSEDED is reached only by publishing the situation's next assessment.
 */
export const ASSESSMENT_STEPS = {
  submit: step('submitted', ['DRAFT'], 'IN_REVIEW'),
  publish: step('published', ['IN_REVIEW'], 'PUBLISHED'),
  return: step('returned', ['IN_REVIEW'], 'DRAFT'),
  /** Not a move: the states in which the content (scores, evidence, summary) may still change. */
  edit: step('changed', ['DRAFT', 'IN_REVIEW'], 'DRAFT'),
} as const;

/**
 * Locks an assessment for a change of its content and refuses it unless the version is the one
 * expected (CONFLICT with the current values) and the assessment is still DRAFT or IN_REVIEW
 * (CONFLICT naming its state): what was published stays as it was published.
 */
export async function lockEditable(
  db: Database,
  tx: Queryable,
  id: string,
  expectedVersion: number,
): Promise<RiskAssessment> {
  const cols = db.columns(RiskAssessment);
  const [row] = await tx.query<RiskAssessment>(
    `SELECT ${cols.select('t')} FROM ${cols.table} t WHERE t.id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound('risk assessment');
  if (row.version !== expectedVersion) throw conflict('risk assessment', row);
  if (!ASSESSMENT_STEPS.edit.from.includes(row.status))
    throw refusedStep(ASSESSMENT_STEPS.edit, row.status, row.version);
  return row;
}
