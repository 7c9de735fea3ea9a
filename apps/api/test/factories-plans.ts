import type {
  AssignmentRole,
  AssignmentStatus,
  ParticipantRole,
  TaskPriority,
  TaskStatus,
} from '@concord/shared';
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
