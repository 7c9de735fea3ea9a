import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  type Audience,
  checkWrite,
  EDIT_P,
  EDIT_P_UNSEEN,
  GROUPS,
  type Group,
  groupLabel,
  LEAD_P,
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

/** Table rows: each group under its readable name. */
const rows = (groups: readonly Group[]) => groups.map((group) => [groupLabel[group], group] as const);
const SIGNED_IN = rows(GROUPS.filter((g) => g !== 'anonymous'));
const EVERYONE = rows(GROUPS);
const TASK_KEYS = ['T1', 'T2', 'T3', 'Tr', 'Tc', 'Tp'];

/** Every `id` in a response, at any depth, by its name in the world (a stranger's id as itself). */
function namesIn(world: PlanWorld, value: unknown): string[] {
  const byGid = new Map(Object.entries(world.r).map(([name, record]) => [record.gid, name]));
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key === 'id' && typeof child === 'string') found.add(byGid.get(child) ?? child);
        else walk(child);
      }
    }
  };
  walk(value);
  return [...found].sort();
}

/** Every connection in a response: its totalCount must count exactly the edges it shows. */
function counts(value: unknown, out: { totalCount: number; edges: number }[] = []) {
  if (Array.isArray(value)) for (const v of value) counts(v, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.totalCount === 'number' && Array.isArray(record.edges)) {
      out.push({ totalCount: record.totalCount, edges: record.edges.length });
    }
    for (const child of Object.values(record)) counts(child, out);
  }
  return out;
}

const sorted = (names: string[]) => [...names].sort();

const NESTED = `query($situation: ID!) {
  responsePlans(first: 5, filter: { situationId: $situation }) { totalCount edges { node { id
    participants { id plan { id } }
    phases { id plan { id } }
    objectives(first: 3) { totalCount edges { node { id phase { id } plan { id }
      tasks(first: 5) { totalCount edges { node { id } } } } } }
    tasks(first: 5) { totalCount edges { node { id plan { id } objective { id } dependsOn { id } dependents { id }
      assignments(first: 5) { totalCount edges { node { id task { id plan { id } } } } } } } }
  } } }
}`;

describe('who reads what in plans', () => {
  let world: PlanWorld;
  let sees: Record<Group, string[]>;
  beforeAll(async () => {
    world = await makePlanWorld(api.db, audience.orgs);
    sees = visibleTo(world);
  });

  it.each(SIGNED_IN)(
    'lists to %s exactly the plans and tasks it may read, and counts only those',
    async (_label, group) => {
      const data = ok(
        await api.gql(
          `query($situation: ID!, $tag: String!) {
          responsePlans(first: 20, filter: { situationId: $situation }) { totalCount edges { node { id } } }
          tasks(first: 50, filter: { search: $tag }) { totalCount edges { node { id } } }
        }`,
          { situation: world.situation.gid, tag: world.tag },
          audience.as[group],
        ),
      );
      const plans = sees[group].filter((name) => (PLAN_KEYS as readonly string[]).includes(name));
      const tasks = sees[group].filter((name) => TASK_KEYS.includes(name));
      expect(namesIn(world, data.responsePlans)).toEqual(sorted(plans));
      expect(data.responsePlans.totalCount).toBe(plans.length);
      expect(namesIn(world, data.tasks)).toEqual(sorted(tasks));
      expect(data.tasks.totalCount).toBe(tasks.length);
    },
  );

  it.each(EVERYONE)(
    'answers node(id) to %s with what it may read and null for everything else',
    async (_label, group) => {
      const names = Object.keys(world.r);
      const data = ok(
        await api.gql(
          `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
          { ids: names.map((n) => world.r[n].gid) },
          audience.as[group],
        ),
      );
      expect(namesIn(world, data.nodes)).toEqual(sorted(sees[group]));
    },
  );

  it.each(SIGNED_IN)(
    'answers responsePlan(id) and task(id) to %s as for a missing record when out of reach',
    async (_label, group) => {
      for (const [field, names] of [
        ['responsePlan', PLAN_KEYS],
        ['task', TASK_KEYS],
      ] as const) {
        for (const name of names) {
          const res = await api.gql(
            `query($id: ID!) { ${field}(id: $id) { id } }`,
            { id: world.r[name].gid },
            audience.as[group],
          );
          const expected = sees[group].includes(name) ? undefined : 'NOT_FOUND';
          expect([name, errorCode(res)]).toEqual([name, expected]);
        }
      }
    },
  );

  it.each(SIGNED_IN)(
    'shows %s through nested edges and relation fields only what it may read',
    async (_label, group) => {
      const data = ok(await api.gql(NESTED, { situation: world.situation.gid }, audience.as[group]));
      expect(namesIn(world, data)).toEqual(sorted(sees[group]));
      for (const { totalCount, edges } of counts(data)) expect(totalCount).toBe(edges);
    },
  );

  it('hides from a partner what surrounds its assignment: participants, phases, objectives, other tasks', async () => {
    const data = ok(
      await api.gql(
        `query($id: ID!) { responsePlan(id: $id) { participants { id } phases { id } objectives { totalCount }
          tasks { totalCount edges { node { objective { id } dependsOn { id } assignments { totalCount } } } } } }`,
        { id: world.r.P.gid },
        audience.as.partner,
      ),
    );
    expect(data.responsePlan).toEqual({
      participants: [],
      phases: [],
      objectives: { totalCount: 0 },
      tasks: {
        totalCount: 1,
        edges: [{ node: { objective: null, dependsOn: [], assignments: { totalCount: 1 } } }],
      },
    });
  });

  it.each([
    ['responsePlans', '{ responsePlans(first: 5) { totalCount } }'],
    ['tasks', '{ tasks(first: 5) { totalCount } }'],
  ])('refuses %s to an anonymous caller', async (_name, query) => {
    expect(errorCode(await api.gql(query, {}, audience.as.anonymous))).toBe('UNAUTHENTICATED');
  });
});

const PLAN_FIELDS = `query($id: ID!) { responsePlan(id: $id) { version } }`;
const planRow =
  (table: string, column = 'plan_id') =>
  async (db: TestApi['db'], world: PlanWorld) =>
    db.query(`SELECT * FROM ${table} WHERE ${column} = $1 ORDER BY id`, [world.r.P.id]);
const versionOf = (table: string, name: string) => async (db: TestApi['db'], world: PlanWorld) =>
  db.query(`SELECT * FROM ${table} WHERE id = $1`, [world.r[name].id]);

const cases: WriteCase[] = [
  {
    name: 'createResponsePlan led by the lead org',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: CreateResponsePlanInput!) { createResponsePlan(input: $input) { responsePlan { id } } }`,
        {
          input: {
            title: `${w.tag} new`,
            situationId: w.situation.gid,
            leadActorId: audience.orgs.lead.gid,
            classification: 'RESTRICTED',
          },
        },
        headers,
      ),
    state: (db, w) => db.query('SELECT id FROM response_plan WHERE title = $1', [`${w.tag} new`]),
    outcome: {
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      partner: 'FORBIDDEN',
      otherPartner: 'FORBIDDEN',
      leadLiaison: 'OK',
      contributorLiaison: 'FORBIDDEN',
      otherLiaison: 'FORBIDDEN',
      admin: 'OK',
      readToken: 'FORBIDDEN',
      writeToken: 'FORBIDDEN',
    },
  },
  {
    name: 'updateResponsePlan (title) of P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { responsePlan { id } } }`,
        { input: { id: w.r.P.gid, expectedVersion: 1, title: 'Renamed' } },
        headers,
      ),
    state: versionOf('response_plan', 'P'),
    outcome: EDIT_P,
  },
  {
    name: 'updateResponsePlan (classification) of P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { responsePlan { id } } }`,
        { input: { id: w.r.P.gid, expectedVersion: 1, classification: 'RESTRICTED' } },
        headers,
      ),
    state: versionOf('response_plan', 'P'),
    outcome: LEAD_P,
  },
  {
    name: 'addPlanParticipant to P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: AddPlanParticipantInput!) { addPlanParticipant(input: $input) { participant { id } } }`,
        { input: { planId: w.r.P.gid, actorId: audience.orgs.stranger.gid, role: 'OBSERVER' } },
        headers,
      ),
    state: planRow('plan_participant'),
    outcome: LEAD_P,
  },
  {
    name: 'removePlanParticipant from P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: RemovePlanParticipantInput!) { removePlanParticipant(input: $input) { removedParticipantId } }`,
        { input: { planId: w.r.P.gid, actorId: audience.orgs.contributor.gid } },
        headers,
      ),
    state: planRow('plan_participant'),
    outcome: LEAD_P,
  },
  {
    name: 'createPhase in P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id } } }`,
        { input: { planId: w.r.P.gid, kind: 'CONTAINMENT', title: 'Containment' } },
        headers,
      ),
    state: planRow('phase'),
    outcome: EDIT_P,
  },
  {
    name: 'updatePhase of P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { phase { id } } }`,
        { input: { id: w.r.ph.gid, expectedVersion: 1, title: 'Renamed' } },
        headers,
      ),
    state: versionOf('phase', 'ph'),
    outcome: EDIT_P_UNSEEN,
  },
  {
    name: 'createObjective in P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id } } }`,
        { input: { planId: w.r.P.gid, title: 'Protect civilians' } },
        headers,
      ),
    state: planRow('objective'),
    outcome: EDIT_P,
  },
  {
    name: 'updateObjective of P',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { objective { id } } }`,
        { input: { id: w.r.ob.gid, expectedVersion: 1, title: 'Renamed' } },
        headers,
      ),
    state: versionOf('objective', 'ob'),
    outcome: EDIT_P_UNSEEN,
  },
  {
    name: 'updateResponsePlan of the CONFIDENTIAL plan',
    send: (a, w, headers) =>
      a.gql(
        `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { responsePlan { id } } }`,
        { input: { id: w.r.Pc.gid, expectedVersion: 1, title: 'Renamed' } },
        headers,
      ),
    state: versionOf('response_plan', 'Pc'),
    // Only the lead organisation's liaisons read it; a contributor's liaison finds nothing to edit.
    outcome: { ...EDIT_P, viewer: 'NOT_FOUND', partner: 'NOT_FOUND', contributorLiaison: 'NOT_FOUND' },
  },
];

describe('who changes plans', () => {
  it.each(writeRows(cases))('$label', ({ c, group }) => checkWrite(api, audience, c, group));

  it('lets a lead liaison create a plan of its own organisation only', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    const res = await api.gql(
      `mutation($input: CreateResponsePlanInput!) { createResponsePlan(input: $input) { responsePlan { id } } }`,
      {
        input: {
          title: `${world.tag} theirs`,
          situationId: world.situation.gid,
          leadActorId: audience.orgs.stranger.gid,
        },
      },
      audience.as.leadLiaison,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('gives a created plan the classification asked, readable to its creator', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    const created = ok(
      await api.gql(
        `mutation($input: CreateResponsePlanInput!) { createResponsePlan(input: $input) { responsePlan { id classification } } }`,
        {
          input: {
            title: `${world.tag} secret`,
            situationId: world.situation.gid,
            leadActorId: audience.orgs.lead.gid,
            classification: 'CONFIDENTIAL',
          },
        },
        audience.as.leadLiaison,
      ),
    ).createResponsePlan.responsePlan;
    expect(created.classification).toBe('CONFIDENTIAL');
    expect(ok(await api.gql(PLAN_FIELDS, { id: created.id }, audience.as.leadLiaison)).responsePlan).toEqual({
      version: 1,
    });
    expect(errorCode(await api.gql(PLAN_FIELDS, { id: created.id }, audience.as.contributorLiaison))).toBe(
      'NOT_FOUND',
    );
  });

  it('answers an unreadable plan exactly as a missing one', async () => {
    const world = await makePlanWorld(api.db, audience.orgs);
    const missing = Buffer.from('ResponsePlan:00000000-0000-0000-0000-000000000000').toString('base64url');
    const phase = (planId: string) =>
      api.gql(
        `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id } } }`,
        { input: { planId, kind: 'PREVENTION', title: 'x' } },
        audience.as.otherLiaison,
      );
    const [hidden, absent] = [await phase(world.r.P.gid), await phase(missing)];
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect({ ...hidden.errors?.[0], path: undefined, locations: undefined }).toEqual({
      ...absent.errors?.[0],
      path: undefined,
      locations: undefined,
    });
  });
});
