import type {
  AssessmentStatus,
  Classification,
  ObservationSourceKind,
  RiskLevel,
  SituationStatus,
  TokenScope,
} from '@concord/shared';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { TaskAssignment } from '../src/modules/assignments/task-assignment.entity';
import { PlanParticipant } from '../src/modules/plans/plan-participant.entity';
import { ResponsePlan } from '../src/modules/plans/response-plan.entity';
import { RiskAssessment } from '../src/modules/risk/risk-assessment.entity';
import { RiskFactorScore } from '../src/modules/risk/risk-factor-score.entity';
import { Observation } from '../src/modules/situations/observation.entity';
import { Situation } from '../src/modules/situations/situation.entity';
import { Task } from '../src/modules/tasks/task.entity';
import { signedInAs, type TestApi } from './api';
import { type Made, makeActor } from './factories';

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
    classification?: Classification;
    authorActorId?: string | null;
    scores?: { factor: number; level: RiskLevel; rationale?: string | null }[];
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
      rationale: score.rationale ?? null,
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
    classification?: Classification;
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

/** The user groups of the permission tests, each sending its own headers. */
export const GROUPS = [
  'anonymous',
  'viewer',
  'partnerAssigned',
  'partnerUnrelated',
  'liaisonLead',
  'liaisonContributor',
  'liaisonUnrelated',
  'admin',
  'tokenReadGraph',
  'tokenReadAssessments',
  'tokenWriteAssignments',
] as const;
export type Group = (typeof GROUPS)[number];

async function tokenFor(api: TestApi, cookie: string, scopes: TokenScope[]): Promise<Record<string, string>> {
  const res = await api.gql(
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
    { input: { name: `test ${scopes.join(' ')}`, scopes, expiresInDays: 1 } },
    { cookie },
  );
  const secret = res.data?.createApiToken?.secret;
  if (!secret) throw new Error(`could not create a token: ${JSON.stringify(res.errors)}`);
  return { authorization: `Bearer ${secret}` };
}

export type AccessOrgs = Record<'lead' | 'contributor' | 'observer' | 'assigned' | 'unrelated', Made>;

/**
 * A situation with one response plan led by `lead`, with `contributor` (CONTRIBUTOR) and
 * `observer` (OBSERVER) taking part, and a task assigned to `contributor` and to `assigned`, which
 * takes no part in the plan.
 */
export async function makeStagedSituation(
  db: Database,
  org: AccessOrgs,
  name?: string,
): Promise<Made & { name: string }> {
  const situation = await makeSituation(db, name ? { name } : {});
  const plan = await insertRow<{ id: string }>(db, db.columns(ResponsePlan), {
    title: unique('Plan'),
    situationId: situation.id,
    leadActorId: org.lead.id,
  });
  for (const [actor, role] of [
    [org.lead, 'LEAD'],
    [org.contributor, 'CONTRIBUTOR'],
    [org.observer, 'OBSERVER'],
  ] as const) {
    await insertRow(db, db.columns(PlanParticipant), { planId: plan.id, actorId: actor.id, role });
  }
  const task = await insertRow<{ id: string }>(db, db.columns(Task), {
    planId: plan.id,
    title: unique('Task'),
  });
  for (const actor of [org.contributor, org.assigned]) {
    await insertRow(db, db.columns(TaskAssignment), { taskId: task.id, actorId: actor.id, role: 'SUPPORT' });
  }
  return situation;
}

/**
 * The organisations above, a staged situation (`situation`), a situation with no plan (`quiet`),
 * both named after `tag`, and a person or token for every group: viewer and reading tokens of
 * `observer`, partners of `assigned` (also its WRITE_ASSIGNMENTS token) and of `unrelated`,
 * liaisons of `lead`, `contributor` and `unrelated`.
 */
export async function makeAccessWorld(api: TestApi, tag = unique('Access')) {
  const db = api.db;
  const org: AccessOrgs = {
    lead: await makeActor(db),
    contributor: await makeActor(db),
    observer: await makeActor(db),
    assigned: await makeActor(db),
    unrelated: await makeActor(db),
  };
  const situation = await makeStagedSituation(db, org, `${tag} staged`);
  const quiet = await makeSituation(db, { name: `${tag} quiet` });

  const viewer = await signedInAs(db, 'VIEWER', org.observer.id);
  const partnerAssigned = await signedInAs(db, 'PARTNER', org.assigned.id);
  const as: Record<Group, Record<string, string>> = {
    anonymous: { cookie: '' },
    viewer: { cookie: viewer.cookie },
    partnerAssigned: { cookie: partnerAssigned.cookie },
    partnerUnrelated: { cookie: (await signedInAs(db, 'PARTNER', org.unrelated.id)).cookie },
    liaisonLead: { cookie: (await signedInAs(db, 'LIAISON', org.lead.id)).cookie },
    liaisonContributor: { cookie: (await signedInAs(db, 'LIAISON', org.contributor.id)).cookie },
    liaisonUnrelated: { cookie: (await signedInAs(db, 'LIAISON', org.unrelated.id)).cookie },
    admin: { cookie: api.adminCookie },
    tokenReadGraph: await tokenFor(api, viewer.cookie, ['READ_GRAPH']),
    tokenReadAssessments: await tokenFor(api, viewer.cookie, ['READ_GRAPH', 'READ_ASSESSMENTS']),
    tokenWriteAssignments: await tokenFor(api, partnerAssigned.cookie, ['WRITE_ASSIGNMENTS']),
  };
  return { tag, org, situation, quiet, as };
}
