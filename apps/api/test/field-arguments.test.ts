import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '../src/common/ids';
import { partnerService } from '../src/modules/partnerships/partner.service';
import { errorCode, ok, startTestApi, type TestApi } from './api';
import { makeActor } from './factories';
import { makePartnership } from './factories-graph';
import { makePlanGraph } from './factories-plans';

/**
 * A field's arguments are built and validated once per execution and field of the document, then
 * reused for the other parent rows (src/common/field-arguments.ts): the same answers, the same
 * errors, and a new set for every request and for every field. Seen through an actor's partners,
 * whose resolver is called once per actor of the page.
 */
let api: TestApi;
let calls: { page: object; first: unknown }[] = [];
const original = partnerService.partners;
beforeAll(async () => {
  api = await startTestApi();
  await makePlanGraph(api.db, { plans: 2, tasks: 3, assignments: 2 });
  // Three actors found by name, each with two partners.
  for (let i = 0; i < 3; i++) {
    const hub = await makeActor(api.db, { name: `Arguments hub ${i}` });
    for (let j = 0; j < 2; j++) {
      const other = await makeActor(api.db, { name: `Arguments partner ${i}.${j}` });
      await makePartnership(api.db, { sourceId: hub.id, targetId: other.id });
    }
  }
  partnerService.partners = (ctx, actor, page, ...rest) => {
    calls.push({ page, first: page.first });
    return original(ctx, actor, page, ...rest);
  };
});
afterAll(async () => {
  partnerService.partners = original;
  await api.close();
});

const QUERY = `query($n: Int) {
  actors(first: 3, filter: {search: "Arguments hub"}, orderBy: {field: NAME, direction: ASC}) { edges { node {
    few: partners(first: 1) { edges { node { id } } }
    some: partners(first: $n) { edges { node { id } } }
  } } } }`;

describe('field arguments', () => {
  it('are built once per field of a request and reused for every parent row', async () => {
    calls = [];
    const data = ok(await api.gql(QUERY, { n: 2 }));
    const actors = data.actors.edges;
    expect(actors).toHaveLength(3);
    for (const { node } of actors) {
      expect(node.few.edges).toHaveLength(1);
      expect(node.some.edges).toHaveLength(2);
    }
    // Two fields (few, some), three actors: six calls, one argument object per field.
    expect(calls).toHaveLength(6);
    const pages = new Set(calls.map((c) => c.page));
    expect(pages.size).toBe(2);
    expect(new Set(calls.map((c) => c.first))).toEqual(new Set([1, 2]));
  });

  it('are built again for another request, with its own variables', async () => {
    calls = [];
    ok(await api.gql(QUERY, { n: 2 }));
    const before = new Set(calls.map((c) => c.page));
    calls = [];
    const data = ok(await api.gql(QUERY, { n: 1 }));
    for (const { node } of data.actors.edges) expect(node.some.edges).toHaveLength(1);
    expect(calls.every((c) => !before.has(c.page))).toBe(true);
    expect(new Set(calls.map((c) => c.first))).toEqual(new Set([1]));
  });

  it('still refuses invalid arguments, and the valid field beside them still answers', async () => {
    calls = [];
    const res = await api.gql(QUERY, { n: -1 });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]).toMatchObject({
      message: 'first: must be between 1 and 100',
      path: expect.arrayContaining(['some']),
    });
    // Page sizes are checked where the page is read, so both fields reached the resolver, each
    // with one argument object for all its rows.
    expect(new Set(calls.map((c) => c.first))).toEqual(new Set([1, -1]));
    expect(new Set(calls.map((c) => c.page)).size).toBe(2);
  });

  it("answers every row when the first row's arguments are refused before the resolver (no row left waiting)", async () => {
    calls = [];
    const res = await api.gql(
      `query($after: String) { actors(first: 3, filter: {search: "Arguments hub"}) { edges { node {
        partners(first: 1, after: $after) { edges { node { id } } } } } } }`,
      { after: 'cursor\u0000' },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/NUL/);
    expect(calls).toHaveLength(0);
  });
});

describe('field resolvers without arguments', () => {
  it("give every row its own parent: each task's plan is its own", async () => {
    const data = ok(
      await api.gql(
        `{ tasks(first: 6, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { id plan { id } } } } }`,
      ),
    );
    const rows = data.tasks.edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThan(3);
    const planIds = await api.db.query<{ id: string; planId: string }>(
      'SELECT id, plan_id AS "planId" FROM task WHERE id = ANY($1::uuid[])',
      [rows.map((r: any) => parseGlobalId(r.id)!.id)],
    );
    const planOf = new Map(planIds.map((r) => [r.id, r.planId]));
    for (const row of rows) {
      const taskId = parseGlobalId(row.id)!.id;
      expect(parseGlobalId(row.plan.id)).toEqual({ type: 'ResponsePlan', id: planOf.get(taskId) });
    }
    expect(new Set(rows.map((r: any) => r.plan.id)).size).toBeGreaterThan(1);
  });
});

describe('child lists', () => {
  it('are worked out once per field, not per parent row, and still give each parent its own page', async () => {
    const { assignmentService } = await import('../src/modules/assignments/assignment.service');
    const ofTasks = assignmentService.ofTasks;
    let made = 0;
    assignmentService.ofTasks = (...args) => {
      made++;
      return ofTasks(...args);
    };
    try {
      const data = ok(
        await api.gql(`{ responsePlans(first: 2) { edges { node { tasks(first: 3) { edges { node { id
          few: assignments(first: 1) { edges { node { id } } }
          all: assignments(first: 5) { edges { node { id task { id } } } } } } } } } } }`),
      );
      const tasks = data.responsePlans.edges.flatMap((p: any) => p.node.tasks.edges.map((e: any) => e.node));
      expect(tasks).toHaveLength(6);
      for (const task of tasks) {
        expect(task.few.edges).toHaveLength(1);
        expect(task.all.edges).toHaveLength(2);
        for (const edge of task.all.edges) expect(edge.node.task.id).toBe(task.id);
      }
      expect(made).toBe(2);
    } finally {
      assignmentService.ofTasks = ofTasks;
    }
  });
});
