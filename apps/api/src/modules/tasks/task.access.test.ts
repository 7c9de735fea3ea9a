import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  type Audience,
  checkWrite,
  EDIT_P,
  EDIT_P_UNSEEN,
  GROUPS,
  groupLabel,
  makeAudience,
  makePlanWorld,
  PLAN_KEYS,
  type PlanWorld,
  visibleTo,
  type WriteCase,
  writeRows,
} from '../../../test/factories-plans';

let api: TestApi;
let audience: Audience;

beforeAll(async () => {
  api = await startTestApi();
  audience = await makeAudience(api);
});
afterAll(() => api?.close());

const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`;
const taskRow = (name: string) => (db: TestApi['db'], world: PlanWorld) =>
  db.query('SELECT * FROM task WHERE id = $1', [world.r[name].id]);
const rename = (name: string) => (a: TestApi, w: PlanWorld, headers: Record<string, string>) =>
  a.gql(UPDATE, { input: { id: w.r[name].gid, expectedVersion: 1, title: 'Renamed' } }, headers);

const cases: WriteCase[] = [
  {
    name: 'createTask in P',
    send: (a, w, headers) =>
      a.gql(CREATE, { input: { planId: w.r.P.gid, title: 'Open a corridor' } }, headers),
    state: (db, w) => db.query('SELECT id FROM task WHERE plan_id = $1 ORDER BY id', [w.r.P.id]),
    outcome: EDIT_P,
  },
  // The partner sees T1, which is assigned to its organisation: refused. T2 it does not see at all.
  {
    name: 'updateTask of T1 (assigned to the partner)',
    send: rename('T1'),
    state: taskRow('T1'),
    outcome: EDIT_P,
  },
  {
    name: 'updateTask of T2 (not assigned to the partner)',
    send: rename('T2'),
    state: taskRow('T2'),
    outcome: EDIT_P_UNSEEN,
  },
  {
    name: 'updateTask of the CONFIDENTIAL plan',
    send: rename('Tc'),
    state: taskRow('Tc'),
    outcome: { ...EDIT_P, viewer: 'NOT_FOUND', partner: 'NOT_FOUND', contributorLiaison: 'NOT_FOUND' },
  },
];

describe('who changes tasks', () => {
  it.each(writeRows(cases))('$label', ({ c, group }) => checkWrite(api, audience, c, group));

  it('does not reveal a task of a plan out of reach through a dependency', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    const missing = Buffer.from('Task:00000000-0000-0000-0000-000000000000').toString('base64url');
    const depend = (id: string) =>
      api.gql(
        CREATE,
        { input: { planId: world.r.P.gid, title: 'x', dependsOnIds: [id] } },
        audience.as.contributorLiaison,
      );
    const [hidden, absent, elsewhere] = [
      await depend(world.r.Tc.gid),
      await depend(missing),
      await depend(world.r.Tr.gid),
    ];
    expect(hidden.errors?.[0].message).toBe(absent.errors?.[0].message);
    expect([errorCode(hidden), hidden.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'dependsOnIds']);
    // A task it reads, of another plan, is refused for what it is.
    expect(errorCode(elsewhere)).toBe('BAD_USER_INPUT');
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM task WHERE plan_id = $1',
      [world.r.P.id],
    );
    expect(n).toBe(3);
  });

  it('audits a refused edit', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    expect(errorCode(await rename('T1')(api, world, audience.as.viewer))).toBe('FORBIDDEN');
    const denials = await api.db.query(
      `SELECT action FROM audit_event WHERE outcome = 'DENIED' AND entity_id = $1`,
      [world.r.P.id],
    );
    expect(denials).toEqual([{ action: 'plan.edit' }]);
  });
});

describe('filters that could reveal what is out of reach', () => {
  let world: PlanWorld;
  beforeAll(async () => {
    world = await makePlanWorld(api.db, audience.orgs);
  });

  const assignedTo = (headers: Record<string, string>) =>
    api.gql(
      `query($actor: ID!, $tag: String!) { tasks(first: 10, filter: { assignedActorId: $actor, search: $tag }) {
         totalCount edges { node { title } } } }`,
      { actor: audience.orgs.other.gid, tag: world.tag },
      headers,
    );
  const titles = (data: { tasks: { edges: { node: { title: string } }[] } }) =>
    data.tasks.edges.map((e) => e.node.title.replace(`${world.tag} `, '')).sort();

  it("selects tasks by another organisation's assignments only where the viewer sees those assignments", async () => {
    expect(titles(ok(await assignedTo(audience.as.viewer)))).toEqual(['T1', 'T2', 'Tp']);
    // The partner sees T1, but not that the other organisation is assigned to it.
    expect(ok(await assignedTo(audience.as.partner)).tasks).toEqual({
      totalCount: 1,
      edges: [{ node: { title: `${world.tag} Tp` } }],
    });
  });

  it('selects plans by participant only for members, who see the participants', async () => {
    const query = `query($actor: ID!, $situation: ID!) {
      responsePlans(first: 10, filter: { participantActorId: $actor, situationId: $situation }) { totalCount } }`;
    const vars = { actor: audience.orgs.contributor.gid, situation: world.situation.gid };
    expect(ok(await api.gql(query, vars, audience.as.viewer)).responsePlans.totalCount).toBe(1);
    expect(ok(await api.gql(query, vars, audience.as.contributorLiaison)).responsePlans.totalCount).toBe(2);
    expect(ok(await api.gql(query, vars, audience.as.partner)).responsePlans.totalCount).toBe(0);
  });
});

describe('the tasks of one plan (filter.planId)', () => {
  let world: PlanWorld;
  beforeAll(async () => {
    world = await makePlanWorld(api.db, audience.orgs);
  });

  it.each(GROUPS.filter((g) => g !== 'anonymous').map((group) => [groupLabel[group], group] as const))(
    'shows %s exactly the tasks it may read, plan by plan, with their count',
    async (_label, group) => {
      const sees = visibleTo(world)[group];
      const name = new Map(Object.entries(world.r).map(([n, record]) => [record.gid, n]));
      for (const plan of PLAN_KEYS) {
        const data = ok(
          await api.gql(
            `query($plan: ID!) { tasks(first: 50, filter: { planId: $plan }) { totalCount edges { node { id } } } }`,
            { plan: world.r[plan].gid },
            audience.as[group],
          ),
        );
        const expected = world.inPlan[plan].filter((n) => /^T/.test(n) && sees.includes(n)).sort();
        const shown = data.tasks.edges.map((e: { node: { id: string } }) => name.get(e.node.id)).sort();
        expect([plan, shown]).toEqual([plan, expected]);
        expect(data.tasks.totalCount).toBe(expected.length);
      }
    },
  );
});
