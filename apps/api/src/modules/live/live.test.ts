import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import {
  makeAssignment,
  makeParticipant,
  makePlan,
  makeSituation,
  makeTask,
} from '../../../test/factories-plans';
import { type LiveSubscription, subscribe } from '../../../test/live-helpers';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
const open: LiveSubscription[] = [];

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await api?.close();
});

const EVENT = `position topic kind entityType entityId task { id title } assignment { id status } plan { id title } user { id }`;

function live(
  credentials: { cookie?: string; authorization?: string; origin?: string },
  query: string,
  variables: Record<string, unknown> = {},
) {
  const sub = subscribe(api.url, credentials, query, variables);
  open.push(sub);
  return sub;
}

async function position(): Promise<string> {
  return ok(await api.gql<{ changePosition: string }>('{ changePosition }')).changePosition;
}

async function renameTask(
  task: { gid: string; id: string },
  title: string,
  headers?: Record<string, string>,
) {
  const [{ version }] = await api.db.query<{ version: number }>('SELECT version FROM task WHERE id = $1', [
    task.id,
  ]);
  return ok(
    await api.gql(
      'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }',
      { input: { id: task.gid, expectedVersion: version, title } },
      headers,
    ),
  );
}

/** A plan led by an organisation with a liaison, a task in it, and a second organisation with a partner. */
async function world() {
  const lead = await makeActor(api.db);
  const partnerOrg = await makeActor(api.db);
  const otherOrg = await makeActor(api.db);
  const plan = await makePlan(api.db, { leadActorId: lead.id });
  const task = await makeTask(api.db, plan.id);
  const otherTask = await makeTask(api.db, plan.id);
  const liaison = await signedInAs(api.db, 'LIAISON', lead.id);
  const partner = await signedInAs(api.db, 'PARTNER', partnerOrg.id);
  const assignment = await makeAssignment(api.db, task.id, partnerOrg.id);
  const otherAssignment = await makeAssignment(api.db, otherTask.id, otherOrg.id);
  return { lead, partnerOrg, otherOrg, plan, task, otherTask, liaison, partner, assignment, otherAssignment };
}

describe('writes leave a durable change log', () => {
  it('records every change of plans, phases, objectives, participants, tasks and assignments with its topic', async () => {
    const w = await world();
    const other = await makeActor(api.db);
    const before = await position();
    const plan = ok(
      await api.gql(
        'mutation($input: CreateResponsePlanInput!) { createResponsePlan(input: $input) { responsePlan { id version } } }',
        {
          input: {
            title: 'Plan for the log',
            situationId: (await makeSituation(api.db)).gid,
            leadActorId: w.lead.gid,
          },
        },
      ),
    ).createResponsePlan.responsePlan;
    const steps: [string, Record<string, unknown>][] = [
      [
        'mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { responsePlan { id } } }',
        { id: plan.id, expectedVersion: plan.version, summary: 'Now with a summary' },
      ],
      [
        'mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id } } }',
        { planId: plan.id, kind: 'PREVENTION', title: 'Prevention' },
      ],
      [
        'mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id } } }',
        { planId: plan.id, title: 'Keep the roads open' },
      ],
      [
        'mutation($input: AddPlanParticipantInput!) { addPlanParticipant(input: $input) { participant { id } } }',
        { planId: plan.id, actorId: other.gid, role: 'CONTRIBUTOR' },
      ],
      [
        'mutation($input: RemovePlanParticipantInput!) { removePlanParticipant(input: $input) { removedParticipantId } }',
        { planId: plan.id, actorId: other.gid },
      ],
      [
        'mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }',
        { planId: plan.id, title: 'Patrol the market' },
      ],
      [
        'mutation($input: AssignTaskInput!) { assignTask(input: $input) { assignment { id } } }',
        { taskId: w.task.gid, actorId: other.gid, role: 'CONSULTED' },
      ],
      [
        'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }',
        { assignmentId: w.assignment.gid, response: 'ACCEPT' },
      ],
    ];
    for (const [query, input] of steps) ok(await api.gql(query, { input }));
    const rows = await api.db.query<{
      topic: string;
      entityType: string;
      kind: string;
      planId: string;
      actorIds: string[];
      userId: string | null;
    }>(
      `SELECT topic, entity_type AS "entityType", kind, plan_id AS "planId", actor_ids AS "actorIds", user_id AS "userId"
       FROM change_log WHERE position > $1 ORDER BY position`,
      [before],
    );
    const planId = plan.id
      ? (
          await api.db.query<{ id: string }>('SELECT id FROM response_plan WHERE title = $1', [
            'Plan for the log',
          ])
        )[0].id
      : '';
    expect(rows.map((r) => [r.topic, r.entityType, r.kind])).toEqual([
      ['PLAN_CHANGED', 'ResponsePlan', 'CREATED'],
      ['PLAN_CHANGED', 'PlanParticipant', 'CREATED'],
      ['PLAN_CHANGED', 'ResponsePlan', 'UPDATED'],
      ['PLAN_CHANGED', 'Phase', 'CREATED'],
      ['PLAN_CHANGED', 'Objective', 'CREATED'],
      ['PLAN_CHANGED', 'PlanParticipant', 'CREATED'],
      ['PLAN_CHANGED', 'PlanParticipant', 'DELETED'],
      ['TASK_CHANGED', 'Task', 'CREATED'],
      ['ASSIGNMENT_CHANGED', 'TaskAssignment', 'CREATED'],
      ['ASSIGNMENT_CHANGED', 'TaskAssignment', 'UPDATED'],
    ]);
    expect(rows.slice(0, 8).every((r) => r.planId === planId)).toBe(true);
    expect(rows.slice(8).every((r) => r.planId === w.plan.id)).toBe(true);
    expect(rows[8].actorIds).toEqual([other.id]);
    expect(rows[9].actorIds).toEqual([w.partnerOrg.id]);
    expect(rows.every((r) => r.userId !== null)).toBe(true);
  });

  it('writes nothing for a write that fails', async () => {
    const w = await world();
    const before = await position();
    const refused = await api.gql(
      'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }',
      {
        input: { id: w.task.gid, expectedVersion: 99, title: 'Stale' },
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await position()).toBe(before);
  });
});

describe('subscriptions', () => {
  it('deliver a change to a plan with its records, as the subscriber reads them', async () => {
    const w = await world();
    const sub = live(
      { cookie: w.liaison.cookie },
      `subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { ${EVENT} } }`,
      {
        planId: w.plan.gid,
        after: await position(),
      },
    );
    await renameTask(w.task, 'Escort convoys');
    const event = (await sub.nth(1)).planChanged;
    expect(event).toMatchObject({
      topic: 'TASK_CHANGED',
      kind: 'UPDATED',
      entityType: 'Task',
      entityId: w.task.gid,
    });
    expect(event.task).toEqual({ id: w.task.gid, title: 'Escort convoys' });
    expect(event.plan.id).toBe(w.plan.gid);
    expect(event.user).toBeNull();
    expect(Number(event.position)).toBeGreaterThan(0);
  });

  it("show a partner its own organisation's assignments and never another's", async () => {
    const w = await world();
    const after = await position();
    const mine = live(
      { cookie: w.partner.cookie },
      `subscription($after: String) { assignmentChanged(after: $after) { ${EVENT} } }`,
      { after },
    );
    const plan = live(
      { cookie: w.partner.cookie },
      `subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { ${EVENT} } }`,
      {
        planId: w.plan.gid,
        after,
      },
    );
    const other = live(
      { cookie: w.partner.cookie },
      `subscription($actorId: ID, $after: String) { assignmentChanged(actorId: $actorId, after: $after) { ${EVENT} } }`,
      {
        actorId: toGlobalId('Actor', w.otherOrg.id),
        after,
      },
    );
    // Another organisation's assignment and task change first, then the partner's own answer.
    ok(
      await api.gql(
        'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }',
        { input: { assignmentId: w.otherAssignment.gid, response: 'ACCEPT' } },
      ),
    );
    await renameTask(w.otherTask, 'Not yours');
    ok(
      await api.gql(
        'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }',
        { input: { assignmentId: w.assignment.gid, response: 'ACCEPT' } },
        { cookie: w.partner.cookie },
      ),
    );
    const event = (await mine.nth(1)).assignmentChanged;
    expect(event).toMatchObject({
      entityId: w.assignment.gid,
      assignment: { id: w.assignment.gid, status: 'ACCEPTED' },
      task: { id: w.task.gid },
    });
    expect(event.user).toEqual({ id: toGlobalId('User', w.partner.userId) });
    expect((await plan.nth(1)).planChanged.entityId).toBe(w.assignment.gid);
    // Anything after would have come in the same read; give the other streams a moment anyway.
    await new Promise((r) => setTimeout(r, 300));
    expect(mine.events).toHaveLength(1);
    expect(plan.events).toHaveLength(1);
    expect(other.events).toHaveLength(0);
  });

  it('follow one task and its assignments', async () => {
    const w = await world();
    const sub = live(
      { cookie: w.liaison.cookie },
      `subscription($taskId: ID!, $after: String) { taskChanged(taskId: $taskId, after: $after) { ${EVENT} } }`,
      {
        taskId: w.task.gid,
        after: await position(),
      },
    );
    await renameTask(w.otherTask, 'Another task');
    await renameTask(w.task, 'This task');
    ok(
      await api.gql(
        'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }',
        { input: { assignmentId: w.otherAssignment.gid, response: 'ACCEPT' } },
      ),
    );
    ok(
      await api.gql(
        'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { id } } }',
        { input: { assignmentId: w.assignment.gid, response: 'ACCEPT' } },
      ),
    );
    await sub.nth(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.events.map((e) => e.taskChanged.entityId)).toEqual([w.task.gid, w.assignment.gid]);
  });

  it('replay exactly what happened after the position given, then go on live', async () => {
    const w = await world();
    const start = await position();
    await renameTask(w.task, 'One');
    await renameTask(w.otherTask, 'Two');
    const sub = live(
      { cookie: w.liaison.cookie },
      `subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { position task { title } } }`,
      {
        planId: w.plan.gid,
        after: start,
      },
    );
    await sub.nth(2);
    await renameTask(w.task, 'Three');
    await sub.nth(3);
    expect(sub.events.map((e) => e.planChanged.task.title)).toEqual(['One', 'Two', 'Three']);
    const positions = sub.events.map((e) => Number(e.planChanged.position));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuse a plan the subscriber may not read as a missing one', async () => {
    const w = await world();
    const stranger = await signedInAs(api.db, 'LIAISON');
    const sub = live(
      { cookie: stranger.cookie },
      'subscription($planId: ID!) { planChanged(planId: $planId) { position } }',
      { planId: w.plan.gid },
    );
    await sub.ended();
    expect(sub.errors[0]?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    [
      'a malformed position',
      'subscription($planId: ID!) { planChanged(planId: $planId, after: "yesterday") { position } }',
      'BAD_USER_INPUT',
    ],
    ['a query', '{ changePosition }', 'BAD_USER_INPUT'],
    ['a mutation', 'mutation { signOut { signedOut } }', 'BAD_USER_INPUT'],
    [
      'a document deeper than the limit',
      `subscription($planId: ID!) { planChanged(planId: $planId) { plan { tasks { edges { node { plan { tasks { edges { node { plan { tasks { edges { node { id } } } } } } } } } } } } } }`,
      'QUERY_TOO_COMPLEX',
    ],
    [
      'an unknown field',
      'subscription($planId: ID!) { planChanged(planId: $planId) { nothing } }',
      'BAD_USER_INPUT',
    ],
  ])('answer %s with %s', async (_label, query, code) => {
    const w = await world();
    const sub = live({ cookie: w.liaison.cookie }, query, { planId: w.plan.gid });
    await sub.ended();
    expect(sub.errors[0]?.[0]?.extensions?.code).toBe(code);
    expect(sub.events).toEqual([]);
  });

  it('are refused over HTTP, with where to find them', async () => {
    const response = await api.gql('subscription { assignmentChanged { position } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('WebSocket');
  });

  it('charge the cost of a subscription against the same limit as HTTP', async () => {
    const w = await world();
    const expensive = `subscription($planId: ID!) { planChanged(planId: $planId) { plan { tasks(first: 100) { edges { node { assignments(first: 100) { edges { node { task { assignments(first: 100) { edges { node { id } } } } } } } } } } } } }`;
    const sub = live({ cookie: w.liaison.cookie }, expensive, { planId: w.plan.gid });
    await sub.ended();
    expect(sub.errors[0]?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it.each([
    ['no credentials', {}],
    ['an unknown session', { cookie: 'concord_session=not-a-session' }],
    ['a malformed authorization', { authorization: 'Basic abc' }],
    ['an unknown token', { authorization: 'Bearer not-a-token' }],
  ])('refuse a connection with %s', async (_label, credentials) => {
    const sub = live(credentials, 'subscription { assignmentChanged { position } }');
    await sub.ended();
    expect(sub.closed?.code).toBe(4401);
    expect(sub.events).toEqual([]);
  });

  it('close a connection whose message is larger than 64 KiB', async () => {
    const w = await world();
    const padding = `# ${'x'.repeat(70 * 1024)}\n`;
    const sub = live(
      { cookie: w.liaison.cookie },
      `${padding}subscription { assignmentChanged { position } }`,
    );
    await sub.ended();
    expect(sub.closed?.code).toBe(1009);
  });

  it('refuse a session cookie sent from another site', async () => {
    const w = await world();
    const sub = live(
      { cookie: w.liaison.cookie, origin: 'https://elsewhere.example' },
      'subscription { assignmentChanged { position } }',
    );
    await sub.ended();
    expect(sub.closed?.code).toBe(4403);
  });

  it('end the stream of a session once it is signed out, before the next event', async () => {
    const w = await world();
    const sub = live(
      { cookie: w.liaison.cookie },
      `subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { position } }`,
      {
        planId: w.plan.gid,
        after: await position(),
      },
    );
    await renameTask(w.task, 'Seen');
    await sub.nth(1);
    ok(await api.gql('mutation { signOut { signedOut } }', {}, { cookie: w.liaison.cookie }));
    // The viewer is trusted for at most a second.
    await new Promise((r) => setTimeout(r, 1_100));
    await renameTask(w.task, 'Not seen');
    await sub.ended();
    expect(sub.events).toHaveLength(1);
    expect(sub.errors.at(-1)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('end the stream of a token once it is revoked, and serve it while valid', async () => {
    const w = await world();
    await makeParticipant(api.db, w.plan.id, w.partnerOrg.id, 'CONTRIBUTOR');
    const viewer = await signedInAs(api.db, 'VIEWER', w.partnerOrg.id);
    const created = ok(
      await api.gql(
        'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id } } }',
        { input: { name: 'Feed', scopes: ['READ_GRAPH'] } },
        { cookie: viewer.cookie },
      ),
    ).createApiToken;
    const sub = live(
      { authorization: `Bearer ${created.secret}` },
      `subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { entityId } }`,
      {
        planId: w.plan.gid,
        after: await position(),
      },
    );
    await renameTask(w.task, 'For the integrator');
    expect((await sub.nth(1)).planChanged.entityId).toBe(w.task.gid);
    ok(
      await api.gql(
        'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } } }',
        { input: { id: created.apiToken.id } },
        { cookie: viewer.cookie },
      ),
    );
    await new Promise((r) => setTimeout(r, 1_100));
    await renameTask(w.task, 'Not for the integrator');
    await sub.ended();
    expect(sub.events).toHaveLength(1);
    expect(sub.errors.at(-1)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
