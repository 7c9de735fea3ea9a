import type {
  AssignmentRole,
  AssignmentStatus,
  Classification,
  ParticipantRole,
  TaskPriority,
  TaskStatus,
} from '@concord/shared';
import { expect } from 'vitest';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { TaskAssignment } from '../src/modules/assignments/task-assignment.entity';
import { Mandate } from '../src/modules/mandates/mandate.entity';
import { MandatedTask } from '../src/modules/mandates/mandated-task.entity';
import { Objective } from '../src/modules/plans/objective.entity';
import { Phase } from '../src/modules/plans/phase.entity';
import { PlanParticipant } from '../src/modules/plans/plan-participant.entity';
import { ResponsePlan } from '../src/modules/plans/response-plan.entity';
import { RiskFactor } from '../src/modules/risk/risk-factor.entity';
import { Situation } from '../src/modules/situations/situation.entity';
import { Task } from '../src/modules/tasks/task.entity';
import { errorCode, type GraphQLResponse, signedInAs, type TestApi } from './api';
import { type Made, makeActor } from './factories';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

type Row = { id: string; version: number };
const made = (type: string, row: Row): Made => ({ ...row, gid: toGlobalId(type, row.id) });

export async function makeSituation(
  db: Database,
  values: Partial<{ name: string; countryCode: string }> = {},
) {
  const row = await insertRow<Row>(db, db.columns(Situation), {
    name: unique('Situation'),
    countryCode: 'SS',
    ...values,
  });
  return made('Situation', row);
}

/**
 * The Framework's risk factor with this number (1–14). They are reference data loaded by a
 * migration; the row is made only where that data is absent.
 */
export async function riskFactor(db: Database, number: number) {
  const [existing] = await db.query<Row & { number: number }>(
    'SELECT id, version, number FROM risk_factor WHERE number = $1',
    [number],
  );
  const row =
    existing ??
    (await insertRow<Row & { number: number }>(db, db.columns(RiskFactor), {
      number,
      name: unique('Risk factor'),
      category: 'COMMON',
      description: 'A condition that makes atrocity crimes more likely.',
    }));
  return { ...made('RiskFactor', row), number: row.number };
}

export async function makeMandatedTask(db: Database) {
  const council = await makeActor(db, { kind: 'UN_PRINCIPAL_ORGAN' });
  const mission = await makeActor(db, { kind: 'UN_PEACE_OPERATION' });
  const mandate = await insertRow<Row>(db, db.columns(Mandate), {
    symbol: unique('S/RES/'),
    title: 'Establishment of the mission',
    authorizingActorId: council.id,
    missionActorId: mission.id,
    adoptedOn: '2011-07-08',
  });
  const row = await insertRow<Row>(db, db.columns(MandatedTask), {
    mandateId: mandate.id,
    paragraphRef: 'OP 3 (a)',
    kind: 'PROTECTION_OF_CIVILIANS',
    description: 'Protect civilians under threat of physical violence.',
  });
  return made('MandatedTask', row);
}

/** A plan with its lead actor as the LEAD participant, as createResponsePlan makes it. */
export async function makePlan(
  db: Database,
  values: Partial<{
    title: string;
    summary: string | null;
    situationId: string;
    leadActorId: string;
    status: string;
    classification: Classification;
  }> = {},
) {
  const situationId = values.situationId ?? (await makeSituation(db)).id;
  const leadActorId = values.leadActorId ?? (await makeActor(db)).id;
  const row = await insertRow<Row & { title: string }>(db, db.columns(ResponsePlan), {
    title: unique('Plan'),
    ...values,
    situationId,
    leadActorId,
  });
  await insertRow(db, db.columns(PlanParticipant), { planId: row.id, actorId: leadActorId, role: 'LEAD' });
  return {
    ...made('ResponsePlan', row),
    title: row.title,
    leadActorId,
    leadActorGid: toGlobalId('Actor', leadActorId),
  };
}

export async function makeParticipant(db: Database, planId: string, actorId: string, role: ParticipantRole) {
  return made(
    'PlanParticipant',
    await insertRow<Row>(db, db.columns(PlanParticipant), { planId, actorId, role }),
  );
}

export async function makePhase(
  db: Database,
  planId: string,
  values: Partial<{ title: string; position: number }> = {},
) {
  const row = await insertRow<Row>(db, db.columns(Phase), {
    planId,
    kind: 'PREVENTION',
    title: unique('Phase'),
    ...values,
  });
  return made('Phase', row);
}

export async function makeObjective(
  db: Database,
  planId: string,
  values: Partial<{ title: string; phaseId: string }> = {},
) {
  const row = await insertRow<Row>(db, db.columns(Objective), {
    planId,
    title: unique('Objective'),
    ...values,
  });
  return made('Objective', row);
}

export async function makeTask(
  db: Database,
  planId: string,
  values: Partial<{
    title: string;
    objectiveId: string | null;
    priority: TaskPriority;
    status: TaskStatus;
    dueOn: string | null;
    locationName: string;
  }> = {},
) {
  const row = await insertRow<Row & { title: string }>(db, db.columns(Task), {
    planId,
    title: unique('Task'),
    ...values,
  });
  return { ...made('Task', row), title: row.title };
}

export async function makeAssignment(
  db: Database,
  taskId: string,
  actorId: string,
  values: Partial<{ role: AssignmentRole; status: AssignmentStatus; reason: string }> = {},
) {
  const row = await insertRow<Row>(db, db.columns(TaskAssignment), {
    taskId,
    actorId,
    role: 'SUPPORT',
    ...values,
  });
  return made('TaskAssignment', row);
}

/**
 * A whole graph in a few set-based statements: `plans` plans, each with `tasks` tasks, each with
 * `assignments` assignments to distinct actors. For measuring reads at different sizes.
 */
export async function makePlanGraph(
  db: Database,
  size: { plans: number; tasks: number; assignments: number },
) {
  const situation = await makeSituation(db);
  const actors = await db.query<{ id: string }>(
    `INSERT INTO actor (name, kind) SELECT 'Graph actor ' || g || ' ' || gen_random_uuid(), 'MEMBER_STATE'
     FROM generate_series(1, $1) g RETURNING id`,
    [Math.max(size.assignments, 1)],
  );
  const actorIds = actors.map((a) => a.id);
  const plans = await db.query<{ id: string }>(
    `INSERT INTO response_plan (title, situation_id, lead_actor_id)
     SELECT 'Graph plan ' || g, $1, $2 FROM generate_series(1, $3) g RETURNING id`,
    [situation.id, actorIds[0], size.plans],
  );
  const planIds = plans.map((p) => p.id);
  await db.query(
    `INSERT INTO plan_participant (plan_id, actor_id, role) SELECT unnest($1::uuid[]), $2, 'LEAD'`,
    [planIds, actorIds[0]],
  );
  await db.query(
    `INSERT INTO task (plan_id, title, due_on)
     SELECT p, 'Graph task ' || g, DATE '2030-01-01' + g FROM unnest($1::uuid[]) p, generate_series(1, $2) g`,
    [planIds, size.tasks],
  );
  await db.query(
    `INSERT INTO task_assignment (task_id, actor_id, role)
     SELECT t.id, a.actor_id, 'SUPPORT' FROM task t, unnest($2::uuid[]) WITH ORDINALITY AS a(actor_id, n)
     WHERE t.plan_id = ANY($1::uuid[]) AND a.n <= $3`,
    [planIds, actorIds, size.assignments],
  );
  return { planIds, situationId: situation.id };
}

// ---- permission tests: who sees and does what in plans ----

/** One person or token per user group of the permission tests. */
export const GROUPS = [
  'anonymous',
  'viewer',
  'partner',
  'otherPartner',
  'leadLiaison',
  'contributorLiaison',
  'otherLiaison',
  'admin',
  'readToken',
  'writeToken',
] as const;
export type Group = (typeof GROUPS)[number];

export const groupLabel: Record<Group, string> = {
  anonymous: 'an anonymous caller',
  viewer: 'a VIEWER of a participating org',
  partner: 'a PARTNER of an org holding an assignment',
  otherPartner: 'a PARTNER of an unrelated org',
  leadLiaison: 'a LIAISON of the lead org',
  contributorLiaison: 'a LIAISON of a contributor',
  otherLiaison: 'a LIAISON of an unrelated org',
  admin: 'an ADMIN',
  readToken: 'a token with READ_GRAPH (of the participating org)',
  writeToken: 'a token with WRITE_ASSIGNMENTS (of the assigned org)',
};

export type Audience = {
  /** lead, contributor: take part in the plans; assignee, other: hold assignments; stranger: nothing. */
  orgs: Record<'lead' | 'contributor' | 'assignee' | 'other' | 'stranger', Made>;
  /** Request headers acting as each group. */
  as: Record<Group, Record<string, string>>;
  /** A token of `actorId` with these scopes, made by a member with `role` there. */
  token(actorId: string, role: 'VIEWER' | 'PARTNER', scopes: string[]): Promise<Record<string, string>>;
};

const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;

/** The organisations and the people and tokens of every group. */
export async function makeAudience(api: TestApi): Promise<Audience> {
  const org = () => makeActor(api.db);
  const orgs = {
    lead: await org(),
    contributor: await org(),
    assignee: await org(),
    other: await org(),
    stranger: await org(),
  };
  const person = async (role: 'VIEWER' | 'PARTNER' | 'LIAISON', actorId: string) => ({
    cookie: (await signedInAs(api.db, role, actorId)).cookie,
  });
  const token = async (actorId: string, role: 'VIEWER' | 'PARTNER', scopes: string[]) => {
    const maker = await person(role, actorId);
    const res = await api.gql(
      CREATE_TOKEN,
      { input: { name: 'integration', scopes, expiresInDays: 30, actorId: toGlobalId('Actor', actorId) } },
      maker,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return { authorization: `Bearer ${res.data.createApiToken.secret}` };
  };
  return {
    orgs,
    token,
    as: {
      anonymous: { cookie: '' },
      viewer: await person('VIEWER', orgs.contributor.id),
      partner: await person('PARTNER', orgs.assignee.id),
      otherPartner: await person('PARTNER', orgs.stranger.id),
      leadLiaison: await person('LIAISON', orgs.lead.id),
      contributorLiaison: await person('LIAISON', orgs.contributor.id),
      otherLiaison: await person('LIAISON', orgs.stranger.id),
      admin: { cookie: api.adminCookie },
      readToken: await token(orgs.contributor.id, 'VIEWER', ['READ_GRAPH']),
      writeToken: await token(orgs.assignee.id, 'PARTNER', ['READ_GRAPH', 'WRITE_ASSIGNMENTS']),
    },
  };
}

export const PLAN_KEYS = ['P', 'Pr', 'Pc', 'Pp'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export type PlanWorld = {
  situation: Made;
  /** Unique text in every task title of this world, to list its tasks only. */
  tag: string;
  /** Every record by a short name (see makePlanWorld). */
  r: Record<string, Made>;
  /** The names of everything in each plan, the plan included. */
  inPlan: Record<PlanKey, string[]>;
};

/**
 * Four plans of one situation, all led by `lead` with `contributor` taking part, except the
 * public one (led by an organisation nobody here belongs to):
 * - P (PARTICIPANTS): phase ph, objective ob; tasks T1 (in ob, depends on T2), T2, T3;
 *   assignments a1 (T1 → assignee, LEAD), a2 (T1 → other), a3 (T2 → other);
 * - Pr (RESTRICTED): Tr, ar (→ assignee); Pc (CONFIDENTIAL): Tc, ac (→ assignee);
 * - Pp (PUBLIC): Tp, ap (→ other).
 * Participations are named <plan>.lead and <plan>.contributor.
 */
export async function makePlanWorld(db: Database, orgs: Audience['orgs']): Promise<PlanWorld> {
  const situation = await makeSituation(db);
  const tag = unique('world').replace(/\W/g, '');
  const r: Record<string, Made> = {};
  const inPlan = {} as Record<PlanKey, string[]>;
  const classification: Record<PlanKey, Classification> = {
    P: 'PARTICIPANTS',
    Pr: 'RESTRICTED',
    Pc: 'CONFIDENTIAL',
    Pp: 'PUBLIC',
  };
  for (const key of PLAN_KEYS) {
    const leadActorId = key === 'Pp' ? (await makeActor(db)).id : orgs.lead.id;
    const plan = await makePlan(db, {
      situationId: situation.id,
      leadActorId,
      classification: classification[key],
    });
    r[key] = plan;
    const [lead] = await db.query<Row>(
      `SELECT id, version FROM plan_participant WHERE plan_id = $1 AND role = 'LEAD'`,
      [plan.id],
    );
    r[`${key}.lead`] = made('PlanParticipant', lead);
    inPlan[key] = [key, `${key}.lead`];
    if (key !== 'Pp') {
      r[`${key}.contributor`] = await makeParticipant(db, plan.id, orgs.contributor.id, 'CONTRIBUTOR');
      inPlan[key].push(`${key}.contributor`);
    }
  }
  const task = async (plan: PlanKey, name: string, values: { objectiveId?: string } = {}) => {
    r[name] = await makeTask(db, r[plan].id, { title: `${tag} ${name}`, ...values });
    inPlan[plan].push(name);
  };
  const assign = async (
    plan: PlanKey,
    name: string,
    taskName: string,
    actorId: string,
    role: AssignmentRole,
  ) => {
    r[name] = await makeAssignment(db, r[taskName].id, actorId, { role });
    inPlan[plan].push(name);
  };
  r.ph = await makePhase(db, r.P.id);
  r.ob = await makeObjective(db, r.P.id, { phaseId: r.ph.id });
  inPlan.P.push('ph', 'ob');
  await task('P', 'T1', { objectiveId: r.ob.id });
  await task('P', 'T2');
  await task('P', 'T3');
  await db.query('INSERT INTO task_dependency (task_id, depends_on_task_id) VALUES ($1, $2)', [
    r.T1.id,
    r.T2.id,
  ]);
  await task('Pr', 'Tr');
  await task('Pc', 'Tc');
  await task('Pp', 'Tp');
  await assign('P', 'a1', 'T1', orgs.assignee.id, 'LEAD');
  await assign('P', 'a2', 'T1', orgs.other.id, 'SUPPORT');
  await assign('P', 'a3', 'T2', orgs.other.id, 'SUPPORT');
  await assign('Pr', 'ar', 'Tr', orgs.assignee.id, 'LEAD');
  await assign('Pc', 'ac', 'Tc', orgs.assignee.id, 'LEAD');
  await assign('Pp', 'ap', 'Tp', orgs.other.id, 'LEAD');
  return { situation, tag, r, inPlan };
}

/**
 * What each group may read of a plan world, by name: whole plans it reads as a member, and what a
 * partner reaches through its organisation's assignment (the plan, that task, that assignment).
 */
export function visibleTo(world: PlanWorld): Record<Group, string[]> {
  const all = (...plans: PlanKey[]) => plans.flatMap((plan) => world.inPlan[plan]);
  const throughAssignment = ['P', 'T1', 'a1'];
  return {
    anonymous: [],
    viewer: all('P', 'Pp'),
    partner: [...throughAssignment, ...all('Pp')],
    otherPartner: all('Pp'),
    leadLiaison: all('P', 'Pr', 'Pc', 'Pp'),
    contributorLiaison: all('P', 'Pr', 'Pp'),
    otherLiaison: all('Pp'),
    admin: all('P', 'Pr', 'Pc', 'Pp'),
    readToken: all('P', 'Pp'),
    writeToken: [...throughAssignment, ...all('Pp')],
  };
}

export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** One write of the permission tests, against a fresh plan world. */
export type WriteCase = {
  name: string;
  send(api: TestApi, world: PlanWorld, headers: Record<string, string>): Promise<GraphQLResponse>;
  /** What the write changes, read back in SQL: the same after a refusal. */
  state(db: Database, world: PlanWorld): Promise<unknown>;
  outcome: Record<Group, Outcome>;
};

/** The table rows of a write: one per group. */
export const writeRows = (cases: WriteCase[]) =>
  cases.flatMap((c) =>
    GROUPS.map((group) => ({ c, group, label: `${c.name}: ${groupLabel[group]} → ${c.outcome[group]}` })),
  );

/** Sends the write as the group to a world of its own; an allowed write changes the state, a refused one nothing. */
export async function checkWrite(
  api: TestApi,
  audience: Audience,
  c: WriteCase,
  group: Group,
): Promise<void> {
  const world = await makePlanWorld(api.db, audience.orgs);
  const before = await c.state(api.db, world);
  const res = await c.send(api, world, audience.as[group]);
  const after = await c.state(api.db, world);
  if (c.outcome[group] === 'OK') {
    expect(res.errors).toBeUndefined();
    expect(after).not.toEqual(before);
  } else {
    expect(errorCode(res)).toBe(c.outcome[group]);
    expect(after).toEqual(before);
  }
}

/** A change inside plan P: its editors may; its other readers are refused; to the rest it does not exist. */
export const EDIT_P: Record<Group, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  viewer: 'FORBIDDEN',
  partner: 'FORBIDDEN',
  otherPartner: 'NOT_FOUND',
  leadLiaison: 'OK',
  contributorLiaison: 'OK',
  otherLiaison: 'NOT_FOUND',
  admin: 'OK',
  // Tokens call only respondToAssignment (and progress reports): refused before anything runs.
  readToken: 'FORBIDDEN',
  writeToken: 'FORBIDDEN',
};

/** A change to a record of plan P that a partner does not see (a phase, an unassigned task). */
export const EDIT_P_UNSEEN: Record<Group, Outcome> = { ...EDIT_P, partner: 'NOT_FOUND' };

/** A change to plan P reserved to the lead organisation. */
export const LEAD_P: Record<Group, Outcome> = { ...EDIT_P, contributorLiaison: 'FORBIDDEN' };
