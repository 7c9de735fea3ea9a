import type { MembershipRole } from '@concord/shared';
import { fromGlobalId, toGlobalId } from '../src/common/ids';
import { ok, signedInAs, type TestApi } from './api';
import { type Made, makeActor } from './factories';
import { makeSituation } from './factories-plans';

/** A person acting through the API: the headers to send, and who they are. */
export type Person = {
  headers: Record<string, string>;
  userId: string;
  userGid: string;
  actorId: string;
  displayName: string;
};

export async function person(api: TestApi, role: MembershipRole, actorId: string): Promise<Person> {
  const signed = await signedInAs(api.db, role, actorId);
  const [user] = await api.db.query<{ displayName: string }>(
    'SELECT display_name AS "displayName" FROM user_account WHERE id = $1',
    [signed.userId],
  );
  return {
    headers: { cookie: signed.cookie },
    userId: signed.userId,
    userGid: toGlobalId('User', signed.userId),
    actorId: signed.actorId,
    displayName: user.displayName,
  };
}

/**
 * Organisations around one shared plan and a person of each kind: two liaisons of the lead
 * organisation (the editors who race), a liaison and a viewer of a contributor, a partner whose
 * organisation will hold an assignment, a liaison of an unrelated organisation, an administrator.
 */
export type Team = {
  orgs: Record<'lead' | 'contributor' | 'assignee' | 'stranger', Made>;
  ann: Person;
  ben: Person;
  carla: Person;
  viewer: Person;
  partner: Person;
  stranger: Person;
  admin: Person;
};

export async function makeTeam(api: TestApi): Promise<Team> {
  const orgs = {
    lead: await makeActor(api.db),
    contributor: await makeActor(api.db),
    assignee: await makeActor(api.db),
    stranger: await makeActor(api.db),
  };
  const adminOrg = await makeActor(api.db);
  return {
    orgs,
    ann: await person(api, 'LIAISON', orgs.lead.id),
    ben: await person(api, 'LIAISON', orgs.lead.id),
    carla: await person(api, 'LIAISON', orgs.contributor.id),
    viewer: await person(api, 'VIEWER', orgs.contributor.id),
    partner: await person(api, 'PARTNER', orgs.assignee.id),
    stranger: await person(api, 'LIAISON', orgs.stranger.id),
    admin: await person(api, 'ADMIN', adminOrg.id),
  };
}

const CREATE_PLAN = `mutation($input: CreateResponsePlanInput!) {
  createResponsePlan(input: $input) { responsePlan { id version } }
}`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { assignment { id version } } }`;

/** A plan made through the API by `by` (a liaison of the lead), with the contributor taking part. */
export async function createPlan(
  api: TestApi,
  team: Team,
  by: Person,
  values: Record<string, unknown> = {},
): Promise<{ gid: string; id: string; version: number }> {
  const situation = await makeSituation(api.db);
  const res = ok(
    await api.gql(
      CREATE_PLAN,
      {
        input: {
          title: 'Protection of civilians in Malakal',
          situationId: situation.gid,
          leadActorId: team.orgs.lead.gid,
          participants: [{ actorId: team.orgs.contributor.gid, role: 'CONTRIBUTOR' }],
          ...values,
        },
      },
      by.headers,
    ),
  );
  const plan = res.createResponsePlan.responsePlan;
  return { gid: plan.id, id: fromGlobalId('ResponsePlan', plan.id), version: plan.version };
}

export async function createTask(
  api: TestApi,
  planGid: string,
  by: Person,
  values: Record<string, unknown> = {},
): Promise<{ gid: string; id: string; version: number }> {
  const res = ok(
    await api.gql(
      CREATE_TASK,
      { input: { planId: planGid, title: 'Patrol the protection site', ...values } },
      by.headers,
    ),
  );
  const task = res.createTask.task;
  return { gid: task.id, id: fromGlobalId('Task', task.id), version: task.version };
}

/** Assigns a task to the assignee organisation (LEAD) through the API. */
export async function assignToPartner(api: TestApi, team: Team, taskGid: string, by: Person) {
  const res = ok(
    await api.gql(
      ASSIGN,
      { input: { taskId: taskGid, actorId: team.orgs.assignee.gid, role: 'LEAD' } },
      by.headers,
    ),
  );
  return res.assignTask.assignment as { id: string; version: number };
}
