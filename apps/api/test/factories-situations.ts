import type { AssessmentStatus, ObservationSourceKind, RiskLevel, SituationStatus } from '@concord/shared';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { RiskAssessment } from '../src/modules/risk/risk-assessment.entity';
import { RiskFactorScore } from '../src/modules/risk/risk-factor-score.entity';
import { Observation } from '../src/modules/situations/observation.entity';
import { Situation } from '../src/modules/situations/situation.entity';
import type { Made } from './factories';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** The fixed id the reference-data migration gives risk factor `n`. */
export const riskFactorUuid = (n: number) =>
  `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
export const riskFactorGid = (n: number) => toGlobalId('RiskFactor', riskFactorUuid(n));

export async function makeSituation(
  db: Database,
  values: Partial<{
    name: string;
    countryCode: string;
    adminAreas: string[];
    status: SituationStatus;
    summary: string | null;
    isExercise: boolean;
    createdAt: string;
  }> = {},
): Promise<Made & { name: string }> {
  const row = await insertRow<{ id: string; name: string; version: number }>(db, db.columns(Situation), {
    name: unique('Situation'),
    countryCode: 'SS',
    ...values,
  });
  return { ...row, gid: toGlobalId('Situation', row.id) };
}

/** An assessment with its scores; the overall level is given as stored, not derived. */
export async function makeAssessment(
  db: Database,
  values: {
    situationId: string;
    assessedOn?: string;
    status?: AssessmentStatus;
    overallLevel?: RiskLevel;
    createdAt?: string;
    summary?: string | null;
    scores?: { factor: number; level: RiskLevel }[];
  },
): Promise<Made> {
  const { scores = [], ...fields } = values;
  const row = await insertRow<{ id: string; version: number }>(db, db.columns(RiskAssessment), {
    assessedOn: '2024-01-15',
    overallLevel: 'MODERATE',
    ...fields,
  });
  for (const score of scores) {
    await insertRow(db, db.columns(RiskFactorScore), {
      assessmentId: row.id,
      riskFactorId: riskFactorUuid(score.factor),
      level: score.level,
    });
  }
  return { ...row, gid: toGlobalId('RiskAssessment', row.id) };
}

export async function makeObservation(
  db: Database,
  values: {
    situationId: string;
    occurredOn?: string;
    title?: string;
    riskFactor?: number | null;
    latitude?: number | null;
    longitude?: number | null;
    fatalities?: number | null;
    sourceKind?: ObservationSourceKind;
  },
): Promise<Made & { title: string }> {
  const { riskFactor, ...fields } = values;
  const row = await insertRow<{ id: string; title: string; version: number }>(db, db.columns(Observation), {
    occurredOn: '2024-03-01',
    title: unique('Observation'),
    ...fields,
    riskFactorId: riskFactor ? riskFactorUuid(riskFactor) : null,
  });
  return { ...row, gid: toGlobalId('Observation', row.id) };
}

/**
 * How many times statements whose text contains `fragment` have run in this database, from
 * pg_stat_statements (loaded by the test cluster). Compare before and after a request.
 */
export async function statementCalls(db: Database, fragment: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT coalesce(sum(s.calls), 0)::int AS n
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND strpos(s.query, $1) > 0`,
    [fragment],
  );
  return n;
}

/** Row counts of the given tables, to show that a refused write changed nothing. */
export async function rowCounts(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  return counts;
}
