import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { countStatements, makeMandate, makeMandatedTask } from '../../../test/factories-graph';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const missingMandate = toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000');

const FIELDS = 'id paragraphRef kind description priority useOfForce version mandate { id symbol }';
const CREATE = `mutation($input: CreateMandatedTaskInput!) { createMandatedTask(input: $input) { mandatedTask { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateMandatedTaskInput!) { updateMandatedTask(input: $input) { mandatedTask { ${FIELDS} } } }`;
const TASK = `query($id: ID!) { node(id: $id) { __typename ... on MandatedTask { ${FIELDS} } } }`;
const TASKS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: MandatedTaskFilter, $orderBy: MandatedTaskOrder) {
  mandate(id: $id) { mandatedTasks(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { paragraphRef kind priority } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;

async function aMandate() {
  const council = await makeActor(api.db, { kind: 'UN_PRINCIPAL_ORGAN' });
  const mission = await makeActor(api.db, { kind: 'UN_PEACE_OPERATION' });
  return makeMandate(api.db, { authorizingActorId: council.id, missionActorId: mission.id });
}

const refs = (connection: { edges: { node: { paragraphRef: string } }[] }) =>
  connection.edges.map((e) => e.node.paragraphRef);
const countTasks = async (mandateGid: string) =>
  ok(await api.gql(TASKS, { id: mandateGid, first: 1 })).mandate.mandatedTasks.totalCount;

const asNobody = async () => ({ cookie: '' });
const asRole = (role: 'VIEWER' | 'LIAISON' | 'PARTNER') => async () => ({
  cookie: (await signedInAs(api.db, role)).cookie,
});

describe('mandated tasks', () => {
  it('creates a task under a mandate, with defaults, and reads it back through node() with its mandate', async () => {
    const mandate = await aMandate();
    const created = ok(
      await api.gql(CREATE, {
        input: {
          mandateId: mandate.gid,
          paragraphRef: 'OP 3 (b)',
          kind: 'PROTECTION_OF_CIVILIANS',
          description:
            'Support the Government in exercising its responsibilities for conflict prevention and protection of civilians',
        },
      }),
    ).createMandatedTask.mandatedTask;
    expect(created).toMatchObject({
      paragraphRef: 'OP 3 (b)',
      priority: 3,
      useOfForce: false,
      version: 1,
      mandate: { id: mandate.gid, symbol: mandate.symbol },
    });
    const node = ok(await api.gql(TASK, { id: created.id })).node;
    expect(node).toMatchObject({
      __typename: 'MandatedTask',
      id: created.id,
      kind: 'PROTECTION_OF_CIVILIANS',
    });
  });

  it('lists a mandate’s tasks by priority, filters by kind, and pages both ways', async () => {
    const mandate = await aMandate();
    const other = await aMandate();
    await makeMandatedTask(api.db, {
      mandateId: mandate.id,
      paragraphRef: 'p4',
      priority: 4,
      kind: 'HUMAN_RIGHTS_MONITORING',
    });
    await makeMandatedTask(api.db, { mandateId: mandate.id, paragraphRef: 'p1', priority: 1 });
    await makeMandatedTask(api.db, {
      mandateId: mandate.id,
      paragraphRef: 'p2',
      priority: 2,
      kind: 'HUMANITARIAN_ACCESS',
    });
    await makeMandatedTask(api.db, {
      mandateId: mandate.id,
      paragraphRef: 'p5',
      priority: 5,
      kind: 'HUMAN_RIGHTS_MONITORING',
    });
    await makeMandatedTask(api.db, { mandateId: other.id, paragraphRef: 'elsewhere', priority: 1 });

    const first = ok(await api.gql(TASKS, { id: mandate.gid, first: 2 })).mandate.mandatedTasks;
    expect(refs(first)).toEqual(['p1', 'p2']);
    expect(first.totalCount).toBe(4);
    const rest = ok(await api.gql(TASKS, { id: mandate.gid, first: 2, after: first.pageInfo.endCursor }))
      .mandate.mandatedTasks;
    expect(refs(rest)).toEqual(['p4', 'p5']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const back = ok(await api.gql(TASKS, { id: mandate.gid, last: 1, before: rest.pageInfo.startCursor }))
      .mandate.mandatedTasks;
    expect(refs(back)).toEqual(['p2']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const lowestFirst = ok(
      await api.gql(TASKS, { id: mandate.gid, first: 2, orderBy: { field: 'PRIORITY', direction: 'DESC' } }),
    ).mandate.mandatedTasks;
    expect(refs(lowestFirst)).toEqual(['p5', 'p4']);
    const monitoring = ok(
      await api.gql(TASKS, {
        id: mandate.gid,
        filter: { kinds: ['HUMAN_RIGHTS_MONITORING', 'HUMANITARIAN_ACCESS'] },
      }),
    ).mandate.mandatedTasks;
    expect(refs(monitoring)).toEqual(['p2', 'p4', 'p5']);
    expect(monitoring.totalCount).toBe(3);
  });

  it('updates only the fields sent, and refuses a stale expectedVersion with CONFLICT keeping the first write', async () => {
    const mandate = await aMandate();
    const task = await makeMandatedTask(api.db, {
      mandateId: mandate.id,
      paragraphRef: 'OP 4 (a)',
      priority: 2,
    });
    const updated = ok(
      await api.gql(UPDATE, { input: { id: task.gid, expectedVersion: 1, useOfForce: true, priority: 1 } }),
    );
    expect(updated.updateMandatedTask.mandatedTask).toMatchObject({
      paragraphRef: 'OP 4 (a)',
      useOfForce: true,
      priority: 1,
      version: 2,
    });
    const stale = await api.gql(UPDATE, { input: { id: task.gid, expectedVersion: 1, priority: 5 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(TASK, { id: task.gid })).node).toMatchObject({
      priority: 1,
      useOfForce: true,
      version: 2,
    });
  });

  it.each([
    ['a priority above 5', { priority: 6 }, 'BAD_USER_INPUT', 'priority'],
    ['a priority below 1', { priority: 0 }, 'BAD_USER_INPUT', 'priority'],
    ['an empty paragraph reference', { paragraphRef: '' }, 'BAD_USER_INPUT', 'paragraphRef'],
    ['an actor id where the mandate id is expected', { mandateId: 'ACTOR' }, 'BAD_USER_INPUT', 'mandateId'],
    ['a mandate that does not exist', { mandateId: missingMandate }, 'NOT_FOUND', 'mandateId'],
  ])(
    'refuses to create a task with %s, naming the field, and creates nothing',
    async (_label, override, code, field) => {
      const mandate = await aMandate();
      const input: Record<string, unknown> = {
        mandateId: mandate.gid,
        paragraphRef: 'OP 1',
        kind: 'DDR',
        description: 'Disarmament, demobilisation and reintegration',
        ...override,
      };
      if (input.mandateId === 'ACTOR') input.mandateId = toGlobalId('Actor', mandate.id);
      const res = await api.gql(CREATE, { input });
      expect(errorCode(res)).toBe(code);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await countTasks(mandate.gid)).toBe(0);
    },
  );

  it.each([
    ['a priority above 5', { priority: 9 }, 'priority'],
    ['an empty kind', { kind: null }, 'kind'],
    ['an empty description', { description: '' }, 'description'],
    ['a mandate id where the task id is expected', { id: 'MANDATE' }, 'id'],
  ])('refuses an update with %s, naming the field, and changes nothing', async (_label, override, field) => {
    const mandate = await aMandate();
    const task = await makeMandatedTask(api.db, { mandateId: mandate.id, priority: 2, kind: 'SSR' });
    const input: Record<string, unknown> = { id: task.gid, expectedVersion: 1, ...override };
    if (input.id === 'MANDATE') input.id = mandate.gid;
    const res = await api.gql(UPDATE, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(TASK, { id: task.gid })).node).toMatchObject({
      priority: 2,
      kind: 'SSR',
      version: 1,
    });
  });

  it('reads missions, their mandates and tasks in a number of statements that does not grow with the rows', async () => {
    const prefix = `Batch ${Math.random().toString(36).slice(2, 8)}`;
    const query = `query($search: String) { actors(first: 5, filter: { search: $search }) { edges { node {
      mandates(first: 2) { totalCount edges { node { symbol authorizingActor { name } renews { symbol } renewedBy { symbol }
        mandatedTasks(first: 2) { totalCount edges { node { kind mandate { symbol } } } } } } }
    } } } }`;
    const council = await makeActor(api.db, { kind: 'UN_PRINCIPAL_ORGAN' });
    const addMission = async () => {
      const mission = await makeActor(api.db, { name: `${prefix} mission`, kind: 'UN_PEACE_OPERATION' });
      const first = await makeMandate(api.db, {
        authorizingActorId: council.id,
        missionActorId: mission.id,
        adoptedOn: '2011-01-01',
      });
      const renewal = await makeMandate(api.db, {
        authorizingActorId: council.id,
        missionActorId: mission.id,
        adoptedOn: '2012-01-01',
        renewsMandateId: first.id,
      });
      for (const m of [first, renewal]) {
        await makeMandatedTask(api.db, { mandateId: m.id, priority: 1 });
        await makeMandatedTask(api.db, { mandateId: m.id, priority: 2 });
      }
    };
    const statementsFor = async () => {
      const { statements, result } = await countStatements(api.db, async () =>
        ok(await api.gql(query, { search: prefix })),
      );
      return { statements, missions: result.actors.edges };
    };

    await addMission();
    const few = await statementsFor();
    for (let i = 0; i < 4; i++) await addMission();
    const many = await statementsFor();
    expect(many.missions).toHaveLength(5);
    type Mission = { node: { mandates: { edges: { node: { mandatedTasks: { edges: unknown[] } } }[] } } };
    const tasks = many.missions.flatMap((m: Mission) =>
      m.node.mandates.edges.flatMap((e) => e.node.mandatedTasks.edges),
    );
    expect(tasks).toHaveLength(20);
    expect(many.statements).toBe(few.statements);
  });

  it.each([
    ['nobody', asNobody, 'UNAUTHENTICATED'],
    ['a viewer', asRole('VIEWER'), 'FORBIDDEN'],
    ['a partner', asRole('PARTNER'), 'FORBIDDEN'],
  ])('refuses %s adding or changing a mandated task, and changes nothing', async (_label, as, code) => {
    const mandate = await aMandate();
    const task = await makeMandatedTask(api.db, { mandateId: mandate.id, priority: 2 });
    const headers = await as();
    const input = {
      mandateId: mandate.gid,
      paragraphRef: 'OP 9',
      kind: 'SSR',
      description: 'Security sector reform',
    };
    expect(errorCode(await api.gql(CREATE, { input }, headers))).toBe(code);
    expect(
      errorCode(await api.gql(UPDATE, { input: { id: task.gid, expectedVersion: 1, priority: 1 } }, headers)),
    ).toBe(code);
    expect(await countTasks(mandate.gid)).toBe(1);
    expect(ok(await api.gql(TASK, { id: task.gid })).node).toMatchObject({ priority: 2, version: 1 });
  });
});
