import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import {
  makeMandatedTask,
  makeObjective,
  makeParticipant,
  makePhase,
  makePlan,
  makePlanGraph,
  makeSituation,
  riskFactor,
} from '../../../test/factories-plans';
import { defaultLimits } from '../../common/limits';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CREATE = `mutation($input: CreateResponsePlanInput!) {
  createResponsePlan(input: $input) {
    responsePlan {
      id title summary status startsOn endsOn version
      situation { name }
      leadActor { name }
      participants { id role actor { name } }
    }
  }
}`;
const UPDATE = `mutation($input: UpdateResponsePlanInput!) {
  updateResponsePlan(input: $input) { responsePlan { id title summary status startsOn endsOn version } }
}`;
const PLANS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ResponsePlanFilter, $orderBy: ResponsePlanOrder) {
  responsePlans(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const PLAN = `query($id: ID!) {
  responsePlan(id: $id) {
    id title version status
    participants { id role actor { id name } }
    phases { id title position kind }
  }
}`;
const ADD = `mutation($input: AddPlanParticipantInput!) {
  addPlanParticipant(input: $input) { participant { id role actor { name } plan { id } } responsePlan { id } }
}`;
const REMOVE = `mutation($input: RemovePlanParticipantInput!) {
  removePlanParticipant(input: $input) { removedParticipantId responsePlan { participants { role actor { id } } } }
}`;
const CREATE_OBJECTIVE = `mutation($input: CreateObjectiveInput!) {
  createObjective(input: $input) {
    objective { id title description version phase { id } mandatedTask { id paragraphRef } riskFactors { id number } plan { id } }
  }
}`;
const UPDATE_OBJECTIVE = `mutation($input: UpdateObjectiveInput!) {
  updateObjective(input: $input) { objective { id title version phase { id } mandatedTask { id } riskFactors { id number } } }
}`;

type Participant = { id: string; role: string; actor: { name: string } };
type Edges<T> = { edges: { node: T }[] };
type NestedRead = {
  responsePlans: Edges<{ tasks: Edges<{ assignments: Edges<{ role: string; actor: { name: string } }> }> }>;
};

const titles = (connection: { edges: { node: { title: string } }[] }) =>
  connection.edges.map((e) => e.node.title);

describe('response plans', () => {
  it('creates a plan whose lead actor becomes the LEAD participant, with the invited participants', async () => {
    const situation = await makeSituation(api.db, { name: 'South Sudan' });
    const lead = await makeActor(api.db, { name: 'United Nations Mission in South Sudan' });
    const contributor = await makeActor(api.db, { name: 'Intergovernmental Authority on Development' });
    const observer = await makeActor(api.db, { name: 'African Union' });
    const plan = ok(
      await api.gql(CREATE, {
        input: {
          title: 'Protection of civilians in Upper Nile',
          situationId: situation.gid,
          leadActorId: lead.gid,
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          participants: [
            { actorId: observer.gid, role: 'OBSERVER' },
            { actorId: contributor.gid, role: 'CONTRIBUTOR' },
          ],
        },
      }),
    ).createResponsePlan.responsePlan;
    expect(plan).toMatchObject({
      title: 'Protection of civilians in Upper Nile',
      summary: null,
      status: 'DRAFT',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      version: 1,
      situation: { name: 'South Sudan' },
      leadActor: { name: 'United Nations Mission in South Sudan' },
    });
    expect(plan.participants.map((p: Participant) => [p.role, p.actor.name])).toEqual([
      ['LEAD', 'United Nations Mission in South Sudan'],
      ['CONTRIBUTOR', 'Intergovernmental Authority on Development'],
      ['OBSERVER', 'African Union'],
    ]);

    const read = ok(await api.gql(PLAN, { id: plan.id })).responsePlan;
    expect(read.participants).toEqual(
      plan.participants.map((p: Participant) => ({ ...p, actor: expect.objectContaining(p.actor) })),
    );
    const nodes = ok(
      await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
        ids: [plan.id, plan.participants[0].id],
      }),
    ).nodes;
    expect(nodes).toEqual([
      { __typename: 'ResponsePlan', id: plan.id },
      { __typename: 'PlanParticipant', id: plan.participants[0].id },
    ]);
  });

  it('answers a missing plan with NOT_FOUND', async () => {
    const missing = Buffer.from('ResponsePlan:00000000-0000-0000-0000-000000000000').toString('base64url');
    expect(errorCode(await api.gql(PLAN, { id: missing }))).toBe('NOT_FOUND');
  });

  it('updates only the fields sent, and refuses a stale version with CONFLICT, keeping the first edit', async () => {
    const plan = await makePlan(api.db, { summary: 'Early warning in Jonglei' });
    const first = ok(
      await api.gql(UPDATE, { input: { id: plan.gid, expectedVersion: 1, status: 'IN_REVIEW' } }),
    );
    expect(first.updateResponsePlan.responsePlan).toMatchObject({
      status: 'IN_REVIEW',
      summary: 'Early warning in Jonglei',
      title: plan.title,
      version: 2,
    });

    const stale = await api.gql(UPDATE, {
      input: { id: plan.gid, expectedVersion: 1, status: 'CANCELLED', title: 'Lost' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    const after = ok(await api.gql(PLAN, { id: plan.gid })).responsePlan;
    expect(after).toMatchObject({ status: 'IN_REVIEW', title: plan.title, version: 2 });
  });

  it('filters by status, situation, lead, participant and search, and orders by title both ways', async () => {
    const tag = `Filter ${Date.now()}`;
    const situation = await makeSituation(api.db);
    const lead = await makeActor(api.db);
    const partner = await makeActor(api.db);
    await makePlan(api.db, {
      title: `${tag} A`,
      status: 'ACTIVE',
      situationId: situation.id,
      leadActorId: lead.id,
    });
    await makePlan(api.db, { title: `${tag} B`, status: 'DRAFT', situationId: situation.id });
    const c = await makePlan(api.db, {
      title: `${tag} C`,
      status: 'ACTIVE',
      summary: 'cross-border displacement',
    });
    await makeParticipant(api.db, c.id, partner.id, 'OBSERVER');

    const list = async (filter: object, orderBy?: object) =>
      titles(ok(await api.gql(PLANS, { first: 10, filter, orderBy })).responsePlans);
    expect(await list({ search: tag }, { field: 'TITLE' })).toEqual([`${tag} A`, `${tag} B`, `${tag} C`]);
    expect(await list({ search: tag }, { field: 'TITLE', direction: 'DESC' })).toEqual([
      `${tag} C`,
      `${tag} B`,
      `${tag} A`,
    ]);
    expect(await list({ search: tag, statuses: ['ACTIVE'] }, { field: 'TITLE' })).toEqual([
      `${tag} A`,
      `${tag} C`,
    ]);
    expect(await list({ situationId: situation.gid }, { field: 'TITLE' })).toEqual([`${tag} A`, `${tag} B`]);
    expect(await list({ leadActorId: lead.gid })).toEqual([`${tag} A`]);
    expect(await list({ participantActorId: partner.gid })).toEqual([`${tag} C`]);
    expect(await list({ participantActorId: lead.gid })).toEqual([`${tag} A`]);
    expect(await list({ search: 'CROSS-BORDER' })).toEqual([`${tag} C`]);
    // Newest first by default.
    expect(await list({ search: tag })).toEqual([`${tag} C`, `${tag} B`, `${tag} A`]);
  });

  it('pages plans forwards and backwards without gaps or repeats', async () => {
    const tag = `Paging ${Date.now()}`;
    for (const letter of ['A', 'B', 'C', 'D', 'E']) await makePlan(api.db, { title: `${tag} ${letter}` });
    const args = { filter: { search: tag }, orderBy: { field: 'TITLE' } };
    const first = ok(await api.gql(PLANS, { first: 2, ...args })).responsePlans;
    expect(first.totalCount).toBe(5);
    expect(titles(first).map((t) => t.slice(-1))).toEqual(['A', 'B']);
    const next = ok(
      await api.gql(PLANS, { first: 2, after: first.pageInfo.endCursor, ...args }),
    ).responsePlans;
    expect(titles(next).map((t) => t.slice(-1))).toEqual(['C', 'D']);
    const back = ok(
      await api.gql(PLANS, { last: 2, before: next.pageInfo.endCursor, ...args }),
    ).responsePlans;
    expect(titles(back).map((t) => t.slice(-1))).toEqual(['B', 'C']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a malformed situation id', { situationId: 'nope' }, 'situationId'],
    ['a situation id of another type', { situationId: 'lead' }, 'situationId'],
    ['an end before the start', { startsOn: '2025-06-01', endsOn: '2025-01-01' }, 'endsOn'],
    [
      'a participant invited as LEAD',
      { participants: [{ actorId: 'partner', role: 'LEAD' }] },
      'participants.0.role',
    ],
    [
      'the lead listed again as a participant',
      { participants: [{ actorId: 'lead', role: 'OBSERVER' }] },
      'participants.0.actorId',
    ],
    [
      'the same participant twice',
      {
        participants: [
          { actorId: 'partner', role: 'OBSERVER' },
          { actorId: 'partner', role: 'CONTRIBUTOR' },
        ],
      },
      'participants.1.actorId',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, and creates nothing',
    async (_label, values, field) => {
      const situation = await makeSituation(api.db);
      const lead = await makeActor(api.db);
      const partner = await makeActor(api.db);
      const ids: Record<string, string> = { lead: lead.gid, partner: partner.gid };
      const resolve = (v: unknown): unknown =>
        typeof v === 'string' && ids[v]
          ? ids[v]
          : Array.isArray(v)
            ? v.map(resolve)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]))
              : v;
      const input = resolve({ title: 'Plan', situationId: situation.gid, leadActorId: lead.gid, ...values });
      const before = ok(await api.gql(PLANS, { first: 1 })).responsePlans.totalCount;
      const res = await api.gql(CREATE, { input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(ok(await api.gql(PLANS, { first: 1 })).responsePlans.totalCount).toBe(before);
    },
  );

  it('answers a lead actor that does not exist with NOT_FOUND naming leadActorId', async () => {
    const situation = await makeSituation(api.db);
    const missing = Buffer.from('Actor:00000000-0000-0000-0000-000000000000').toString('base64url');
    const res = await api.gql(CREATE, {
      input: { title: 'Plan', situationId: situation.gid, leadActorId: missing },
    });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].extensions?.field).toBe('leadActorId');
  });

  it('refuses a date patch that would end the plan before it starts, and changes nothing', async () => {
    const plan = await makePlan(api.db);
    ok(await api.gql(UPDATE, { input: { id: plan.gid, expectedVersion: 1, startsOn: '2025-06-01' } }));
    const res = await api.gql(UPDATE, { input: { id: plan.gid, expectedVersion: 2, endsOn: '2025-01-01' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('endsOn');
    expect(ok(await api.gql(PLAN, { id: plan.gid })).responsePlan.version).toBe(2);
  });
});

describe('plan participants', () => {
  it('adds a participant, refuses adding it twice, and removes it again', async () => {
    const plan = await makePlan(api.db);
    const partner = await makeActor(api.db, { name: 'Economic Community of West African States' });
    const added = ok(
      await api.gql(ADD, { input: { planId: plan.gid, actorId: partner.gid, role: 'CONTRIBUTOR' } }),
    );
    expect(added.addPlanParticipant.participant).toMatchObject({
      role: 'CONTRIBUTOR',
      actor: { name: 'Economic Community of West African States' },
      plan: { id: plan.gid },
    });

    const twice = await api.gql(ADD, { input: { planId: plan.gid, actorId: partner.gid, role: 'OBSERVER' } });
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].extensions?.field).toBe('actorId');

    const removed = ok(
      await api.gql(REMOVE, { input: { planId: plan.gid, actorId: partner.gid } }),
    ).removePlanParticipant;
    expect(removed.removedParticipantId).toBe(added.addPlanParticipant.participant.id);
    expect(removed.responsePlan.participants).toEqual([{ role: 'LEAD', actor: { id: plan.leadActorGid } }]);
  });

  it('refuses to remove the LEAD, and to invite anyone as LEAD', async () => {
    const plan = await makePlan(api.db);
    const lead = await api.gql(REMOVE, { input: { planId: plan.gid, actorId: plan.leadActorGid } });
    expect(errorCode(lead)).toBe('BAD_USER_INPUT');
    expect(lead.errors?.[0].extensions?.field).toBe('actorId');
    expect(lead.errors?.[0].message).toMatch(/LEAD/);

    const other = await makeActor(api.db);
    const asLead = await api.gql(ADD, { input: { planId: plan.gid, actorId: other.gid, role: 'LEAD' } });
    expect(errorCode(asLead)).toBe('BAD_USER_INPUT');
    expect(asLead.errors?.[0].extensions?.field).toBe('role');
    const after = ok(await api.gql(PLAN, { id: plan.gid })).responsePlan.participants;
    expect(after.map((p: Participant) => p.role)).toEqual(['LEAD']);
  });

  it('answers removing an actor that does not take part with NOT_FOUND', async () => {
    const plan = await makePlan(api.db);
    const stranger = await makeActor(api.db);
    const res = await api.gql(REMOVE, { input: { planId: plan.gid, actorId: stranger.gid } });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].extensions?.field).toBe('actorId');
  });
});

describe('phases', () => {
  it('creates phases after the last one unless placed, lists them by position, and updates them', async () => {
    const plan = await makePlan(api.db);
    const create = `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id title position kind version plan { id } } } }`;
    const prevention = ok(
      await api.gql(create, { input: { planId: plan.gid, kind: 'PREVENTION', title: 'Prevention' } }),
    ).createPhase.phase;
    const containment = ok(
      await api.gql(create, { input: { planId: plan.gid, kind: 'CONTAINMENT', title: 'Containment' } }),
    ).createPhase.phase;
    expect([prevention.position, containment.position]).toEqual([0, 1]);
    expect(prevention.plan.id).toBe(plan.gid);

    const update = `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { phase { title position version } } }`;
    const moved = ok(
      await api.gql(update, {
        input: { id: containment.id, expectedVersion: 1, position: 0, title: 'Early containment' },
      }),
    );
    expect(moved.updatePhase.phase).toEqual({ title: 'Early containment', position: 0, version: 2 });
    ok(await api.gql(update, { input: { id: prevention.id, expectedVersion: 1, position: 5 } }));
    const phases = ok(await api.gql(PLAN, { id: plan.gid })).responsePlan.phases;
    expect(phases.map((p: { title: string }) => p.title)).toEqual(['Early containment', 'Prevention']);

    const stale = await api.gql(update, { input: { id: containment.id, expectedVersion: 1, title: 'Lost' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { ... on Phase { title } } }`, { id: containment.id }),
    );
    expect(node.node.title).toBe('Early containment');
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a negative position', { position: -1 }, 'position'],
    ['an end before the start', { startsOn: '2025-02-01', endsOn: '2025-01-01' }, 'endsOn'],
  ])('refuses a phase with %s, and creates nothing', async (_label, values, field) => {
    const plan = await makePlan(api.db);
    const res = await api.gql(
      `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { phase { id } } }`,
      {
        input: { planId: plan.gid, kind: 'RECOVERY', title: 'Recovery', ...values },
      },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(PLAN, { id: plan.gid })).responsePlan.phases).toEqual([]);
  });
});

describe('objectives', () => {
  it('creates an objective tracing to a mandated task and naming risk factors, then replaces them', async () => {
    const plan = await makePlan(api.db);
    const phase = await makePhase(api.db, plan.id);
    const mandated = await makeMandatedTask(api.db);
    const f1 = await riskFactor(api.db, 1);
    const f2 = await riskFactor(api.db, 9);
    const f3 = await riskFactor(api.db, 14);
    const created = ok(
      await api.gql(CREATE_OBJECTIVE, {
        input: {
          planId: plan.gid,
          phaseId: phase.gid,
          title: 'Deter attacks on civilians',
          mandatedTaskId: mandated.gid,
          riskFactorIds: [f2.gid, f1.gid, f2.gid],
        },
      }),
    ).createObjective.objective;
    expect(created).toMatchObject({
      title: 'Deter attacks on civilians',
      version: 1,
      phase: { id: phase.gid },
      mandatedTask: { id: mandated.gid, paragraphRef: 'OP 3 (a)' },
      plan: { id: plan.gid },
    });
    expect(created.riskFactors.map((f: { number: number }) => f.number)).toEqual([f1.number, f2.number]);

    const updated = ok(
      await api.gql(UPDATE_OBJECTIVE, {
        input: {
          id: created.id,
          expectedVersion: 1,
          riskFactorIds: [f3.gid],
          phaseId: null,
          mandatedTaskId: null,
        },
      }),
    ).updateObjective.objective;
    expect(updated).toMatchObject({
      version: 2,
      phase: null,
      mandatedTask: null,
      title: 'Deter attacks on civilians',
    });
    expect(updated.riskFactors.map((f: { number: number }) => f.number)).toEqual([f3.number]);

    const stale = await api.gql(UPDATE_OBJECTIVE, {
      input: { id: created.id, expectedVersion: 1, riskFactorIds: [] },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    const kept = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Objective { version riskFactors { number } } } }`,
        {
          id: created.id,
        },
      ),
    ).node;
    expect(kept).toEqual({ version: 2, riskFactors: [{ number: f3.number }] });
  });

  it('pages a plan’s objectives and filters them by phase', async () => {
    const plan = await makePlan(api.db);
    const phase = await makePhase(api.db, plan.id);
    for (const title of ['O1', 'O2', 'O3']) await makeObjective(api.db, plan.id, { title });
    await makeObjective(api.db, plan.id, { title: 'O4', phaseId: phase.id });
    const query = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: ObjectiveFilter) {
      responsePlan(id: $id) {
        objectives(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount edges { node { title } } pageInfo { endCursor startCursor hasNextPage hasPreviousPage }
        }
      }
    }`;
    const first = ok(await api.gql(query, { id: plan.gid, first: 3 })).responsePlan.objectives;
    expect(titles(first)).toEqual(['O1', 'O2', 'O3']);
    expect(first.totalCount).toBe(4);
    const rest = ok(await api.gql(query, { id: plan.gid, first: 3, after: first.pageInfo.endCursor }))
      .responsePlan.objectives;
    expect(titles(rest)).toEqual(['O4']);
    const tail = ok(await api.gql(query, { id: plan.gid, last: 2 })).responsePlan.objectives;
    expect(titles(tail)).toEqual(['O3', 'O4']);
    const ofPhase = ok(await api.gql(query, { id: plan.gid, filter: { phaseId: phase.gid } })).responsePlan
      .objectives;
    expect(titles(ofPhase)).toEqual(['O4']);
  });

  it('refuses a phase of another plan, a missing risk factor and an empty title, changing nothing', async () => {
    const plan = await makePlan(api.db);
    const otherPhase = await makePhase(api.db, (await makePlan(api.db)).id);
    const missingFactor = Buffer.from('RiskFactor:00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    );
    const cases: [object, string, string][] = [
      [{ phaseId: otherPhase.gid }, 'BAD_USER_INPUT', 'phaseId'],
      [{ riskFactorIds: [missingFactor] }, 'NOT_FOUND', 'riskFactorIds'],
      [{ title: '' }, 'BAD_USER_INPUT', 'title'],
      [{ mandatedTaskId: 'garbage' }, 'BAD_USER_INPUT', 'mandatedTaskId'],
    ];
    for (const [values, code, field] of cases) {
      const res = await api.gql(CREATE_OBJECTIVE, {
        input: { planId: plan.gid, title: 'Objective', ...values },
      });
      expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual([code, field]);
    }
    const count = ok(
      await api.gql(`query($id: ID!) { responsePlan(id: $id) { objectives { totalCount } } }`, {
        id: plan.gid,
      }),
    );
    expect(count.responsePlan.objectives.totalCount).toBe(0);
  });
});

describe('nested reads', () => {
  // Its own server: the published cost limit is not what this measures.
  let big: TestApi;
  beforeAll(async () => {
    big = await startTestApi({
      limits: {
        ...defaultLimits,
        maxCost: 1_000_000_000,
        budget: { capacity: 1_000_000_000, refillPerSecond: 1_000_000 },
      },
    });
  });
  afterAll(() => big?.close());

  /** Statements this test's database ran during `run`, not counting the counting itself. */
  async function countStatements(run: () => Promise<unknown>): Promise<number> {
    const client = new pg.Client(big.databaseUrl);
    await client.connect();
    try {
      await client.query('SELECT pg_stat_statements_reset()');
      await run();
      const { rows } = await client.query<{ n: number }>(
        `SELECT COALESCE(sum(calls), 0)::int AS n FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  const query = `query($situation: ID!) {
    responsePlans(first: 100, filter: { situationId: $situation }) {
      edges { node { title tasks(first: 100) { edges { node { title assignments { edges { node { role actor { name } } } } } } } } }
    }
  }`;
  type Size = { plans: number; tasks: number; assignments: number };

  /** Reads a fresh graph of `size` as the administrator, or as whoever `asViewer` makes for its lead organisation. */
  const measure = async (size: Size, asViewer?: (leadActorId: string) => Promise<Record<string, string>>) => {
    const graph = await makePlanGraph(big.db, size);
    const [{ lead }] = await big.db.query<{ lead: string }>(
      'SELECT lead_actor_id AS lead FROM response_plan WHERE id = $1',
      [graph.planIds[0]],
    );
    const headers = asViewer ? await asViewer(lead) : undefined;
    const situation = Buffer.from(`Situation:${graph.situationId}`).toString('base64url');
    // What every request costs before any field resolves (session or token, budget): not part of the
    // read. A caller's first request also reads its budget into the process: warmed up first.
    ok(await big.gql('{ __typename }', {}, headers));
    const overhead = await countStatements(async () => ok(await big.gql('{ __typename }', {}, headers)));
    let data: NestedRead | undefined;
    const statements = await countStatements(async () => {
      data = ok(await big.gql<NestedRead>(query, { situation }, headers));
    });
    const plans = data?.responsePlans.edges ?? [];
    const tasks = plans.flatMap((p) => p.node.tasks.edges);
    const assignments = tasks.flatMap((t) => t.node.assignments.edges);
    return {
      statements: statements - overhead,
      plans: plans.length,
      tasks: tasks.length,
      assignments: assignments.length,
    };
  };

  it('reads plans → tasks → assignments → actor in a number of statements that does not grow with the data', async () => {
    const small = await measure({ plans: 2, tasks: 3, assignments: 2 });
    const large = await measure({ plans: 10, tasks: 6, assignments: 2 });
    expect(small).toMatchObject({ plans: 2, tasks: 6, assignments: 12 });
    expect(large).toMatchObject({ plans: 10, tasks: 60, assignments: 120 });
    // One statement per level: plans, tasks, assignments (their actors joined in).
    expect(small.statements).toBe(3);
    expect(large.statements).toBe(3);
  });

  it.each([
    // The lead organisation takes part in every plan of the graph: it reads them all.
    ['an integrator token of a participating organisation', 'VIEWER', ['READ_GRAPH'], 2],
    // The lead organisation also holds one assignment per task: a partner reads only those.
    [
      'a partner token, which reads through its assignments',
      'PARTNER',
      ['READ_GRAPH', 'WRITE_ASSIGNMENTS'],
      1,
    ],
  ] as const)('reads the same way, applying what %s may read', async (_name, role, scopes, perTask) => {
    const asToken = async (actorId: string) => {
      const maker = await signedInAs(big.db, role, actorId);
      const { secret } = ok(
        await big.gql(
          `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
          { input: { name: 'count', scopes, expiresInDays: 1 } },
          { cookie: maker.cookie },
        ),
      ).createApiToken;
      const headers = { authorization: `Bearer ${secret}` };
      // The first use of a token is recorded in the background: let that settle before counting.
      ok(await big.gql('{ __typename }', {}, headers));
      await expect
        .poll(() =>
          big.db.query('SELECT 1 FROM api_token WHERE last_used_at IS NOT NULL AND actor_id = $1', [actorId]),
        )
        .toHaveLength(1);
      return headers;
    };
    const small = await measure({ plans: 2, tasks: 3, assignments: 2 }, asToken);
    const large = await measure({ plans: 10, tasks: 6, assignments: 2 }, asToken);
    expect(small).toMatchObject({ plans: 2, tasks: 6, assignments: 6 * perTask });
    expect(large).toMatchObject({ plans: 10, tasks: 60, assignments: 60 * perTask });
    expect(small.statements).toBe(3);
    expect(large.statements).toBe(3);
  });
});
