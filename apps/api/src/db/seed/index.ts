import type { Database, Queryable } from '../database';
import { membershipRows, userRows } from './accounts';
import { actorRows } from './actors';
import { clockFrom } from './clock';
import { assessmentRows, type RiskFactorIds, scoreRows, situationRows } from './exercise';
import { observationRows } from './exercise-observations';
import {
  objectiveRiskFactorRows,
  objectiveRows,
  participantRows,
  phaseRows,
  planRows,
} from './exercise-plan';
import { assignmentRows, dependencyRows, requirementRows, taskRows } from './exercise-tasks';
import { mandatedTaskRows, mandateRows } from './mandates';
import { partnershipRows } from './partnerships';
import { pledgeRows } from './pledges';
import { insertRows, type Row } from './rows';

type Batch = {
  /** Name in the returned counts. */
  name: string;
  table: string;
  rows: Row[];
  /** Join tables have a composite key instead of an id. */
  key?: [string, string];
};

/**
 * Loads the demo data: the real UN, regional and state actors with their partnerships, mandates
 * and illustrative capability pledges, plus one fictional, clearly marked exercise scenario.
 * Idempotent: ids derive from stable keys and existing rows are left untouched, so every start
 * may call it. Returns how many demo rows each table holds afterwards.
 */
export async function seedDemoData(db: Database): Promise<Record<string, number>> {
  // Hashing is slow by design: do it before the transaction opens.
  const users = await userRows();
  return db.transaction(async (tx) => {
    const factors = await riskFactors(tx);
    const clock = clockFrom(new Date());
    const createdAt = (i: number) => new Date(clock.at(-15, 8).getTime() + i * 60_000);

    // In foreign-key order: each batch refers only to rows of earlier batches.
    const batches: Batch[] = [
      { name: 'actors', table: 'actor', rows: actorRows() },
      { name: 'partnerships', table: 'partnership', rows: partnershipRows() },
      { name: 'mandates', table: 'mandate', rows: mandateRows() },
      { name: 'mandatedTasks', table: 'mandated_task', rows: mandatedTaskRows() },
      { name: 'capabilityPledges', table: 'capability_pledge', rows: pledgeRows() },
      { name: 'situations', table: 'situation', rows: situationRows() },
      { name: 'riskAssessments', table: 'risk_assessment', rows: assessmentRows(clock) },
      { name: 'riskFactorScores', table: 'risk_factor_score', rows: scoreRows(factors) },
      { name: 'observations', table: 'observation', rows: observationRows(clock, factors) },
      { name: 'responsePlans', table: 'response_plan', rows: planRows(clock) },
      { name: 'planParticipants', table: 'plan_participant', rows: participantRows() },
      { name: 'phases', table: 'phase', rows: phaseRows(clock) },
      { name: 'objectives', table: 'objective', rows: objectiveRows(createdAt) },
      {
        name: 'objectiveRiskFactors',
        table: 'objective_risk_factor',
        rows: objectiveRiskFactorRows(factors),
        key: ['objective_id', 'risk_factor_id'],
      },
      { name: 'tasks', table: 'task', rows: taskRows(clock, createdAt) },
      {
        name: 'taskDependencies',
        table: 'task_dependency',
        rows: dependencyRows(),
        key: ['task_id', 'depends_on_task_id'],
      },
      {
        name: 'taskCapabilityRequirements',
        table: 'task_capability_requirement',
        rows: requirementRows(),
        key: ['task_id', 'capability'],
      },
      { name: 'taskAssignments', table: 'task_assignment', rows: assignmentRows(clock, createdAt) },
      { name: 'users', table: 'user_account', rows: users },
      { name: 'memberships', table: 'membership', rows: membershipRows() },
    ];

    for (const batch of batches) await insertRows(tx, batch.table, batch.rows, batch.key ? '' : '(id)');
    return countSeeded(tx, batches);
  });
}

/** The 14 factors come from a data migration; the seed only refers to them, by number. */
async function riskFactors(tx: Queryable): Promise<RiskFactorIds> {
  const rows = await tx.query<{ id: string; number: number }>(
    'SELECT id, number FROM risk_factor WHERE number BETWEEN 1 AND 14',
  );
  const byNumber = new Map(rows.map((r) => [Number(r.number), r.id]));
  const missing = Array.from({ length: 14 }, (_, i) => i + 1).filter((n) => !byNumber.has(n));
  if (missing.length) {
    throw new Error(
      `demo data needs the 14 risk factors of the Framework of Analysis, but risk_factor lacks number(s) ${missing.join(', ')}: run the migrations first`,
    );
  }
  return byNumber;
}

/** Counts the demo rows present (not every row of the table), in one statement. */
async function countSeeded(tx: Queryable, batches: Batch[]): Promise<Record<string, number>> {
  const params: unknown[] = [];
  const selects = batches.map((batch) => {
    if (!batch.key) {
      params.push(batch.rows.map((r) => r.id));
      return `(SELECT count(*) FROM ${batch.table} WHERE id = ANY($${params.length}::uuid[]))::int AS "${batch.name}"`;
    }
    const [a, b] = batch.key;
    params.push(batch.rows.map((r) => `${r[a]}|${r[b]}`));
    return `(SELECT count(*) FROM ${batch.table} WHERE ${a}::text || '|' || ${b}::text = ANY($${params.length}::text[]))::int AS "${batch.name}"`;
  });
  const [counts] = await tx.query<Record<string, number>>(`SELECT ${selects.join(', ')}`, params);
  return counts;
}
