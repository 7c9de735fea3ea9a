import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApi, statementsOf, type TestApi } from './api';
import { makeActor } from './factories';
import { makePartnership } from './factories-graph';
import { makePlanGraph } from './factories-plans';

/**
 * Hot lists read only the columns a query asks for (plus keys and internal state); any field
 * resolver that may read other columns brings every column back. The answers stay the same.
 */
let api: TestApi;
let situation: string;
beforeAll(async () => {
  api = await startTestApi();
  const graph = await makePlanGraph(api.db, { plans: 3, tasks: 4, assignments: 2 });
  situation = Buffer.from(`Situation:${graph.situationId}`).toString('base64url');
});
afterAll(() => api.close());

const plans = (taskFields: string, assignmentFields = 'role actor { name }') => `query($situation: ID!) {
  responsePlans(first: 10, filter: { situationId: $situation }, orderBy: { field: CREATED_AT, direction: ASC }) {
    edges { node { id title tasks(first: 10, orderBy: { field: CREATED_AT, direction: ASC }) {
      edges { node { ${taskFields} assignments(first: 5) { edges { node { ${assignmentFields} } } } } } } } } } }`;

const taskStatement = (texts: string[]) =>
  texts.find((t) => /FROM task t\b/.test(t) && t.includes('LATERAL'));
const actorStatement = (texts: string[]) => texts.find((t) => /FROM actor a\b/.test(t));
const taskById = `query($id: ID!) { task(id: $id) { id title plan { id title } } }`;

describe('column projection of hot lists', () => {
  it('selects the columns asked for, keys included, and leaves the others out', async () => {
    const { texts, result } = await statementsOf(api.db, async () =>
      ok(await api.gql(plans('id title status'), { situation })),
    );
    const tasks = taskStatement(texts)!;
    expect(tasks).toMatch(/t\.title AS "title"/);
    expect(tasks).toMatch(/t\.plan_id AS "planId"/);
    expect(tasks).not.toMatch(/t\.description AS/);
    expect(tasks).not.toMatch(/t\.created_at AS "createdAt"/);
    const actors = actorStatement(texts)!;
    expect(actors).toMatch(/a\.name AS "(__j\d+\.)?name"/);
    expect(actors).not.toMatch(/a\.description AS/);
    const plansRead = result.responsePlans.edges;
    expect(plansRead).toHaveLength(3);
    expect(plansRead[0].node.tasks.edges[0].node.assignments.edges[0].node.actor.name).toMatch(
      /^Graph actor/,
    );
  });

  it('reads a to-one relation the query asks for in the statement of the rows that point to it', async () => {
    const [{ id }] = await api.db.query<{ id: string }>('SELECT id FROM task LIMIT 1');
    const gid = Buffer.from(`Task:${id}`).toString('base64url');
    // The session lookup of the signed-in administrator aside.
    const reads = (texts: string[]) => texts.filter((t) => !/FROM session s/.test(t));
    const joined = await statementsOf(api.db, async () => ok(await api.gql(taskById, { id: gid })));
    expect(reads(joined.texts)).toHaveLength(1);
    expect(reads(joined.texts)[0]).toMatch(
      /LEFT JOIN LATERAL \(SELECT p\.id AS "__j0\.id", p\.title AS "__j0\.title"/,
    );
    expect(joined.result.task.plan.title).toMatch(/\S/);
    // Without the relation, no join.
    const alone = await statementsOf(api.db, async () =>
      ok(await api.gql(`query($id: ID!) { task(id: $id) { id title } }`, { id: gid })),
    );
    expect(reads(alone.texts)).toHaveLength(1);
    expect(reads(alone.texts)[0]).not.toMatch(/JOIN LATERAL/);
  });

  it("reads an actor's assignments with their tasks and the tasks' plans in one statement", async () => {
    const [{ actorId }] = await api.db.query<{ actorId: string }>(
      `SELECT ta.actor_id AS "actorId" FROM task_assignment ta JOIN actor a ON a.id = ta.actor_id
       WHERE a.name LIKE 'Graph actor %' LIMIT 1`,
    );
    const query = `query($id: ID!) { node(id: $id) { ... on Actor {
      assignments(first: 20) { edges { node { status task { title plan { title } } } } } } } }`;
    const id = Buffer.from(`Actor:${actorId}`).toString('base64url');
    const reads = (texts: string[]) => texts.filter((t) => !/FROM session s/.test(t));
    const { texts, result } = await statementsOf(api.db, async () => ok(await api.gql(query, { id })));
    const assignments = reads(texts).filter((t) => /FROM task_assignment ta\b/.test(t));
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatch(
      /FROM task t LEFT JOIN LATERAL \(SELECT p\.id AS "__j0_0\.id", p\.title AS "__j0_0\.title"/,
    );
    expect(
      reads(texts).filter((t) => /FROM (task t|response_plan p)\b/.test(t) && !/task_assignment/.test(t)),
    ).toEqual([]);
    const expected = await api.db.query<{ title: string; plan: string }>(
      `SELECT t.title, p.title AS plan FROM task_assignment ta JOIN task t ON t.id = ta.task_id
       JOIN response_plan p ON p.id = t.plan_id WHERE ta.actor_id = $1 ORDER BY ta.created_at, ta.id LIMIT 20`,
      [actorId],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      result.node.assignments.edges.map((e: any) => ({
        title: e.node.task.title,
        plan: e.node.task.plan.title,
      })),
    ).toEqual(expected.map((r) => ({ title: r.title, plan: r.plan })));
  });

  it('reads every column when a field resolver that may use any of them is asked for', async () => {
    const { texts } = await statementsOf(api.db, async () =>
      ok(await api.gql(plans('id title lease { expiresAt }'), { situation })),
    );
    expect(taskStatement(texts)).toMatch(/t\.description AS "description"/);
  });

  it("reads only the partners' and partnerships' columns asked for, and every one when a resolver may need it", async () => {
    const hub = await makeActor(api.db, { name: 'Projection hub' });
    const other = await makeActor(api.db, { name: 'Projection partner', acronym: 'PP' });
    await makePartnership(api.db, {
      sourceId: hub.id,
      targetId: other.id,
      kind: 'SUPPORTS',
      instrument: 'MoU',
    });
    const partners = (fields: string) =>
      statementsOf(api.db, async () =>
        ok(
          await api.gql(
            `query($id: ID!) { node(id: $id) { ... on Actor { partners(first: 5) { edges { ${fields} } } } } }`,
            { id: hub.gid },
          ),
        ),
      );
    const partnerStatement = (texts: string[]) => texts.find((t) => t.includes('UNION ALL'))!;
    const lean = await partners('direction node { name } partnership { kind }');
    expect(partnerStatement(lean.texts)).toMatch(/a\.name AS "a:name"/);
    expect(partnerStatement(lean.texts)).not.toMatch(/a\.description AS|e\.notes AS/);
    const edge = {
      direction: 'OUTGOING',
      node: { name: 'Projection partner' },
      partnership: { kind: 'SUPPORTS' },
    };
    expect(lean.result.node.partners.edges).toEqual([edge]);
    // Without the partnership, only its id (the cursor's tiebreak) is read of it.
    const bare = await partners('node { name }');
    expect(partnerStatement(bare.texts)).toMatch(/e\.id AS "p:id"/);
    expect(partnerStatement(bare.texts)).not.toMatch(/e\.kind AS|e\.instrument AS/);
    expect(bare.result.node.partners.edges).toEqual([{ node: { name: 'Projection partner' } }]);
    const full = await partners(
      'direction node { name acronym } partnership { kind instrument source { name } }',
    );
    expect(partnerStatement(full.texts)).toMatch(/e\.notes AS "p:notes"/);
    expect(full.result.node.partners.edges).toEqual([
      {
        ...edge,
        node: { name: 'Projection partner', acronym: 'PP' },
        partnership: { kind: 'SUPPORTS', instrument: 'MoU', source: { name: 'Projection hub' } },
      },
    ]);
  });

  it('reads no row past a page unless the query reads its pageInfo', async () => {
    const page = (pageInfo: string) => `query($situation: ID!) {
      responsePlans(first: 10, filter: { situationId: $situation }) { edges { node {
        tasks(first: 3, orderBy: { field: CREATED_AT, direction: ASC }) { ${pageInfo} edges { node { id } } } } } } }`;
    const lean = await statementsOf(api.db, async () => ok(await api.gql(page(''), { situation })));
    expect(taskStatement(lean.texts)).toMatch(/LIMIT 3\b/);
    const probed = await statementsOf(api.db, async () =>
      ok(await api.gql(page('pageInfo { hasNextPage }'), { situation })),
    );
    expect(taskStatement(probed.texts)).toMatch(/LIMIT 4\b/);
    // Four tasks per plan: three shown, and one more that pageInfo reports.
    for (const { node } of probed.result.responsePlans.edges) {
      expect(node.tasks.edges).toHaveLength(3);
      expect(node.tasks.pageInfo.hasNextPage).toBe(true);
    }
    expect(lean.result.responsePlans.edges.map((e: any) => e.node.tasks.edges)).toEqual(
      probed.result.responsePlans.edges.map((e: any) => e.node.tasks.edges),
    );
  });

  it('reads each row’s sort key only when the query reads a cursor', async () => {
    const page = (connection: string) => `query($situation: ID!) {
      responsePlans(first: 10, filter: { situationId: $situation }, orderBy: { field: CREATED_AT, direction: ASC }) {
        edges { node { tasks(first: 2, orderBy: { field: CREATED_AT, direction: ASC }) { ${connection} } } } } }
      ${connection.includes('...Cursors') ? 'fragment Cursors on TaskConnection { edges { cursor } }' : ''}`;
    const planStatement = (texts: string[]) => texts.find((t) => /FROM response_plan p\b/.test(t))!;
    const read = async (connection: string) => {
      const run = await statementsOf(api.db, async () => ok(await api.gql(page(connection), { situation })));
      return { sorted: /"__sort"/.test(taskStatement(run.texts)!), result: run.result };
    };
    expect((await read('edges { node { id } }')).sorted).toBe(false);
    expect((await read('pageInfo { hasNextPage } edges { node { id } }')).sorted).toBe(false);
    expect((await read('pageInfo { endCursor } edges { node { id } }')).sorted).toBe(true);
    expect((await read('...Cursors edges { node { id } }')).sorted).toBe(true);
    const withCursors = await read('pageInfo { endCursor } edges { cursor node { id } }');
    expect(withCursors.sorted).toBe(true);
    // The cursors read are those of the rows: the next page starts after the last one.
    const first = withCursors.result.responsePlans.edges[0].node.tasks;
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
    const next = ok(
      await api.gql(
        `query($situation: ID!, $after: String) { responsePlans(first: 1, filter: { situationId: $situation }, orderBy: { field: CREATED_AT, direction: ASC }) {
          edges { node { tasks(first: 2, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id } } } } } } }`,
        { situation, after: first.pageInfo.endCursor },
      ),
    );
    const all = (await read('edges { node { id } }')).result;
    expect(all.responsePlans.edges[0].node.tasks.edges.map((e: any) => e.node.id)).toEqual(
      first.edges.map((e: any) => e.node.id),
    );
    expect(next.responsePlans.edges[0].node.tasks.edges).toHaveLength(2);
    expect(next.responsePlans.edges[0].node.tasks.edges.map((e: any) => e.node.id)).not.toContain(
      first.edges[0].node.id,
    );
    // A top-level list too.
    const root = async (fields: string) =>
      planStatement(
        (
          await statementsOf(api.db, async () =>
            ok(await api.gql(`{ responsePlans(first: 2) { ${fields} } }`)),
          )
        ).texts,
      );
    expect(await root('edges { node { id } }')).not.toMatch(/"__sort"/);
    expect(await root('edges { cursor }')).toMatch(/"__sort"/);
  });

  it('tells whether more follow where a field shared through a fragment also reads pageInfo', async () => {
    const hub = await makeActor(api.db, { name: 'Fragment hub' });
    for (const name of ['Fragment partner A', 'Fragment partner B']) {
      await makePartnership(api.db, { sourceId: hub.id, targetId: (await makeActor(api.db, { name })).id });
    }
    // Both paths get one arguments object (the fragment's field node is the first of each); only
    // the second path merges a selection of pageInfo into it.
    const query = `query($id: ID!) {
      lean: node(id: $id) { ...Partners }
      probed: node(id: $id) { ...Partners ... on Actor { partners(first: 1) { pageInfo { hasNextPage } } } }
    }
    fragment Partners on Actor { partners(first: 1) { edges { node { name } } } }`;
    const data = ok(await api.gql(query, { id: hub.gid }));
    expect(data.lean.partners.edges).toEqual([{ node: { name: 'Fragment partner A' } }]);
    expect(data.probed.partners).toEqual({
      edges: [{ node: { name: 'Fragment partner A' } }],
      pageInfo: { hasNextPage: true },
    });
  });

  it('answers the same, field for field, whatever else the query asks for', async () => {
    const lean = ok(await api.gql(plans('id title status dueOn'), { situation }));
    const full = ok(
      await api.gql(plans('id title status dueOn description createdAt lease { expiresAt }'), { situation }),
    );
    const pick = (data: typeof lean) =>
      data.responsePlans.edges.flatMap((p: any) =>
        p.node.tasks.edges.map((t: any) => ({
          id: t.node.id,
          title: t.node.title,
          status: t.node.status,
          dueOn: t.node.dueOn,
          assignments: t.node.assignments,
        })),
      );
    expect(pick(lean)).toEqual(pick(full));
    expect(pick(lean).length).toBe(12);
  });
});
