import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAssignment, makeObjective, makePlan, makeTask } from '../../../test/factories-plans';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const TASK_FIELDS = `id title description priority status dueOn locationName version
  plan { id } objective { id }
  dependsOn { id title } dependents { id title }
  requiredCapabilities { capability quantity }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { ${TASK_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { ${TASK_FIELDS} } } }`;
const TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const PLAN_TASKS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter, $orderBy: TaskOrder) {
  responsePlan(id: $id) {
    tasks(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { title dueOn } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
const TASKS = `query($first: Int, $filter: TaskListFilter, $orderBy: TaskOrder) {
  tasks(first: $first, filter: $filter, orderBy: $orderBy) { totalCount edges { node { title plan { id } } } }
}`;

const titles = (connection: { edges: { node: { title: string } }[] }) =>
  connection.edges.map((e) => e.node.title);
const planTasks = async (id: string, args: Record<string, unknown>) =>
  ok(await api.gql(PLAN_TASKS, { id, ...args })).responsePlan.tasks;

describe('tasks', () => {
  it('creates a task with an objective, prerequisites and required capabilities, and reads it back', async () => {
    const plan = await makePlan(api.db);
    const objective = await makeObjective(api.db, plan.id);
    const survey = await makeTask(api.db, plan.id, { title: 'Survey the Malakal protection site' });
    const created = ok(
      await api.gql(CREATE, {
        input: {
          planId: plan.gid,
          objectiveId: objective.gid,
          title: 'Deploy a formed police unit to Malakal',
          description: 'Static protection of the site perimeter.',
          priority: 'URGENT',
          dueOn: '2025-03-01',
          locationName: 'Malakal, Upper Nile',
          dependsOnIds: [survey.gid, survey.gid],
          requiredCapabilities: [
            { capability: 'FORMED_POLICE_UNIT', quantity: 1 },
            { capability: 'HELICOPTER_UNIT', quantity: 2 },
          ],
        },
      }),
    ).createTask.task;
    expect(created).toMatchObject({
      title: 'Deploy a formed police unit to Malakal',
      priority: 'URGENT',
      status: 'DRAFT',
      dueOn: '2025-03-01',
      locationName: 'Malakal, Upper Nile',
      version: 1,
      plan: { id: plan.gid },
      objective: { id: objective.gid },
      dependsOn: [{ id: survey.gid, title: 'Survey the Malakal protection site' }],
      dependents: [],
    });
    expect(created.requiredCapabilities).toEqual([
      { capability: 'FORMED_POLICE_UNIT', quantity: 1 },
      { capability: 'HELICOPTER_UNIT', quantity: 2 },
    ]);

    const prerequisite = ok(await api.gql(TASK, { id: survey.gid })).task;
    expect(prerequisite.dependents).toEqual([{ id: created.id, title: created.title }]);
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename ... on Task { title } } }`, {
        id: created.id,
      }),
    );
    expect(node.node).toEqual({ __typename: 'Task', title: created.title });
    const ofObjective = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Objective { tasks { totalCount edges { node { id } } } } } }`,
        {
          id: objective.gid,
        },
      ),
    ).node.tasks;
    expect(ofObjective).toEqual({ totalCount: 1, edges: [{ node: { id: created.id } }] });
  });

  it('updates only the fields sent, replaces lists sent, and refuses a stale version keeping the first edit', async () => {
    const plan = await makePlan(api.db);
    const a = await makeTask(api.db, plan.id);
    const b = await makeTask(api.db, plan.id);
    const task = ok(
      await api.gql(CREATE, {
        input: {
          planId: plan.gid,
          title: 'Negotiate humanitarian access to Leer',
          dependsOnIds: [a.gid],
          requiredCapabilities: [{ capability: 'MEDIATORS', quantity: 2 }],
        },
      }),
    ).createTask.task;

    const first = ok(
      await api.gql(UPDATE, {
        input: {
          id: task.id,
          expectedVersion: 1,
          status: 'IN_PROGRESS',
          dependsOnIds: [b.gid],
          requiredCapabilities: [{ capability: 'HUMAN_RIGHTS_MONITORS', quantity: 4 }],
        },
      }),
    ).updateTask.task;
    expect(first).toMatchObject({
      status: 'IN_PROGRESS',
      title: 'Negotiate humanitarian access to Leer',
      version: 2,
      dependsOn: [{ id: b.gid }],
      requiredCapabilities: [{ capability: 'HUMAN_RIGHTS_MONITORS', quantity: 4 }],
    });

    const stale = await api.gql(UPDATE, {
      input: { id: task.id, expectedVersion: 1, title: 'Lost', dependsOnIds: [], requiredCapabilities: [] },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(TASK, { id: task.id })).task).toMatchObject({
      title: 'Negotiate humanitarian access to Leer',
      version: 2,
      dependsOn: [{ id: b.gid }],
      requiredCapabilities: [{ capability: 'HUMAN_RIGHTS_MONITORS', quantity: 4 }],
    });

    const cleared = ok(
      await api.gql(UPDATE, { input: { id: task.id, expectedVersion: 2, dependsOnIds: null, dueOn: null } }),
    ).updateTask.task;
    expect(cleared).toMatchObject({ dependsOn: [], dueOn: null, version: 3 });
  });

  it('refuses a dependency that would close a cycle, naming dependsOnIds, and changes nothing', async () => {
    const plan = await makePlan(api.db);
    const a = await makeTask(api.db, plan.id, { title: 'A' });
    const b = await makeTask(api.db, plan.id, { title: 'B' });
    const c = await makeTask(api.db, plan.id, { title: 'C' });
    ok(await api.gql(UPDATE, { input: { id: b.gid, expectedVersion: 1, dependsOnIds: [a.gid] } }));
    ok(await api.gql(UPDATE, { input: { id: c.gid, expectedVersion: 1, dependsOnIds: [b.gid] } }));

    const cycle = await api.gql(UPDATE, {
      input: { id: a.gid, expectedVersion: 1, dependsOnIds: [c.gid], title: 'A2' },
    });
    expect(errorCode(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors?.[0].extensions?.field).toBe('dependsOnIds');
    expect(cycle.errors?.[0].message).toMatch(/cycle/);
    expect(ok(await api.gql(TASK, { id: a.gid })).task).toMatchObject({
      title: 'A',
      version: 1,
      dependsOn: [],
    });
  });

  it.each([
    ['itself', 'self', 'BAD_USER_INPUT'],
    ['a task of another plan', 'foreign', 'BAD_USER_INPUT'],
    ['a task that does not exist', 'missing', 'NOT_FOUND'],
    ['an id that is not a task id', 'plan', 'BAD_USER_INPUT'],
  ])('refuses a dependency on %s', async (_label, which, code) => {
    const plan = await makePlan(api.db);
    const task = await makeTask(api.db, plan.id, { title: 'Original' });
    const foreign = await makeTask(api.db, (await makePlan(api.db)).id);
    const ids: Record<string, string> = {
      self: task.gid,
      foreign: foreign.gid,
      missing: Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64url'),
      plan: plan.gid,
    };
    const res = await api.gql(UPDATE, {
      input: { id: task.gid, expectedVersion: 1, dependsOnIds: [ids[which]], title: 'X' },
    });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe('dependsOnIds');
    expect(ok(await api.gql(TASK, { id: task.gid })).task).toMatchObject({ title: 'Original', version: 1 });
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a title over 300 characters', { title: 'x'.repeat(301) }, 'title'],
    ['an objective of another plan', { objectiveId: 'foreignObjective' }, 'objectiveId'],
    [
      'a capability listed twice',
      {
        requiredCapabilities: [
          { capability: 'MEDIATORS', quantity: 1 },
          { capability: 'MEDIATORS', quantity: 2 },
        ],
      },
      'requiredCapabilities',
    ],
    [
      'a capability quantity of zero',
      { requiredCapabilities: [{ capability: 'MEDIATORS', quantity: 0 }] },
      'requiredCapabilities.0.quantity',
    ],
    ['a malformed plan id', { planId: 'not-an-id' }, 'planId'],
  ])(
    'refuses a task with %s with BAD_USER_INPUT naming the field, and creates nothing',
    async (_label, values, field) => {
      const plan = await makePlan(api.db);
      const foreignObjective = await makeObjective(api.db, (await makePlan(api.db)).id);
      const input: Record<string, unknown> = { planId: plan.gid, title: 'Task', ...values };
      if (input.objectiveId === 'foreignObjective') input.objectiveId = foreignObjective.gid;
      const res = await api.gql(CREATE, { input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect((await planTasks(plan.gid, {})).totalCount).toBe(0);
    },
  );

  it('answers a missing task with NOT_FOUND', async () => {
    const missing = Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64url');
    expect(errorCode(await api.gql(TASK, { id: missing }))).toBe('NOT_FOUND');
    const update = await api.gql(UPDATE, { input: { id: missing, expectedVersion: 1, title: 'X' } });
    expect(errorCode(update)).toBe('NOT_FOUND');
  });
});

describe('a plan’s tasks', () => {
  it('orders by due date with undated tasks last, and pages both directions without gaps or repeats', async () => {
    const plan = await makePlan(api.db);
    await makeTask(api.db, plan.id, { title: 'T-none-1', dueOn: null });
    await makeTask(api.db, plan.id, { title: 'T3', dueOn: '2025-03-01' });
    await makeTask(api.db, plan.id, { title: 'T1', dueOn: '2025-01-01' });
    await makeTask(api.db, plan.id, { title: 'T-none-2', dueOn: null });
    await makeTask(api.db, plan.id, { title: 'T2', dueOn: '2025-02-01' });
    const all = ['T1', 'T2', 'T3'];

    const collected: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const tasks = await planTasks(plan.gid, { first: 2, after });
      collected.push(...titles(tasks));
      if (!tasks.pageInfo.hasNextPage) break;
      after = tasks.pageInfo.endCursor;
    }
    expect(collected.slice(0, 3)).toEqual(all);
    expect(collected.slice(3).sort()).toEqual(['T-none-1', 'T-none-2']);
    expect(collected).toHaveLength(5);

    const backwards: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page++) {
      const tasks = await planTasks(plan.gid, { last: 2, before });
      backwards.unshift(...titles(tasks));
      if (!tasks.pageInfo.hasPreviousPage) break;
      before = tasks.pageInfo.startCursor;
    }
    expect(backwards).toEqual(collected);

    const desc = await planTasks(plan.gid, { first: 10, orderBy: { field: 'DUE_ON', direction: 'DESC' } });
    expect(titles(desc)).toEqual([...collected].reverse());
    const created = await planTasks(plan.gid, { first: 10, orderBy: { field: 'CREATED_AT' } });
    expect(titles(created)).toEqual(['T-none-1', 'T3', 'T1', 'T-none-2', 'T2']);
    const createdBack = await planTasks(plan.gid, {
      last: 2,
      before: created.edges[2].cursor,
      orderBy: { field: 'CREATED_AT' },
    });
    expect(titles(createdBack)).toEqual(['T-none-1', 'T3']);
  });

  it('filters by status, priority, assigned actor, due dates and search', async () => {
    const plan = await makePlan(api.db);
    const partner = await makeActor(api.db);
    const urgent = await makeTask(api.db, plan.id, {
      title: 'Evacuate Bentiu',
      priority: 'URGENT',
      dueOn: '2025-01-10',
      status: 'ACCEPTED',
    });
    const declined = await makeTask(api.db, plan.id, {
      title: 'Escort convoy',
      priority: 'HIGH',
      dueOn: '2025-02-10',
    });
    await makeTask(api.db, plan.id, {
      title: 'Train monitors',
      priority: 'LOW',
      dueOn: '2025-03-10',
      locationName: 'Juba',
    });
    await makeAssignment(api.db, urgent.id, partner.id);
    await makeAssignment(api.db, declined.id, partner.id, { status: 'DECLINED', reason: 'no capacity' });

    const list = async (filter: object) => titles(await planTasks(plan.gid, { first: 10, filter }));
    expect(await list({ statuses: ['ACCEPTED'] })).toEqual(['Evacuate Bentiu']);
    expect(await list({ priorities: ['HIGH', 'LOW'] })).toEqual(['Escort convoy', 'Train monitors']);
    expect(await list({ assignedActorId: partner.gid })).toEqual(['Evacuate Bentiu']);
    expect(await list({ dueBefore: '2025-02-10' })).toEqual(['Evacuate Bentiu']);
    expect(await list({ dueAfter: '2025-01-10', dueBefore: '2025-03-11' })).toEqual([
      'Escort convoy',
      'Train monitors',
    ]);
    expect(await list({ search: 'juba' })).toEqual(['Train monitors']);
    expect(await list({ search: 'convoy', statuses: ['DRAFT'] })).toEqual(['Escort convoy']);

    const bad = await api.gql(PLAN_TASKS, { id: plan.gid, filter: { assignedActorId: plan.gid } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.field).toBe('filter.assignedActorId');
  });

  it('lists tasks across plans, or of one plan', async () => {
    const tag = `Across ${Date.now()}`;
    const one = await makePlan(api.db);
    const two = await makePlan(api.db);
    await makeTask(api.db, one.id, { title: `${tag} 1`, dueOn: '2025-01-01' });
    await makeTask(api.db, two.id, { title: `${tag} 2`, dueOn: '2025-01-02' });
    const across = ok(await api.gql(TASKS, { first: 10, filter: { search: tag } })).tasks;
    expect(titles(across)).toEqual([`${tag} 1`, `${tag} 2`]);
    const ofTwo = ok(await api.gql(TASKS, { first: 10, filter: { search: tag, planId: two.gid } })).tasks;
    expect(ofTwo.edges).toEqual([{ node: { title: `${tag} 2`, plan: { id: two.gid } } }]);
    const newest = ok(
      await api.gql(TASKS, {
        first: 1,
        filter: { search: tag },
        orderBy: { field: 'CREATED_AT', direction: 'DESC' },
      }),
    );
    expect(titles(newest.tasks)).toEqual([`${tag} 2`]);
  });
});
