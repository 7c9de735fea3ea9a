import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/common/ids';
import { ok, signedInAs, startTestApi, statementsOf, type TestApi } from './api';
import { makeActor } from './factories';
import { makePlanGraph } from './factories-plans';

/**
 * Hot statements are prepared once per connection; PostgreSQL re-plans a prepared statement on
 * every execution unless its generic plan is as cheap as the custom ones. `x = ANY($1)` with a
 * one-element array is estimated as several rows and keeps it re-planning (most of the statement's
 * cost for a lookup by id), so one id is sent as a scalar. These tests run the statements the API
 * sent, as it prepares them, and read PostgreSQL's own count of generic and custom plans.
 */
let api: TestApi;
let taskId: string;
let leadActorId: string;
beforeAll(async () => {
  api = await startTestApi();
  const graph = await makePlanGraph(api.db, { plans: 2, tasks: 3, assignments: 1 });
  const [task] = await api.db.query<{ id: string; lead: string }>(
    `SELECT t.id, p.lead_actor_id AS lead FROM task t JOIN response_plan p ON p.id = t.plan_id
     WHERE t.plan_id = $1 LIMIT 1`,
    [graph.planIds[0]],
  );
  taskId = task.id;
  leadActorId = task.lead;
});
afterAll(() => api.close());

const TASK_BY_ID = `query($id: ID!) { task(id: $id) { id title plan { id title } } }`;

/** Runs `text` as one prepared statement, once per parameter list; then PostgreSQL's plan counts. */
async function preparedPlans(text: string, paramLists: unknown[][]) {
  const client = new pg.Client(api.databaseUrl);
  await client.connect();
  try {
    for (const values of paramLists) await client.query({ name: 'under_test', text, values });
    const {
      rows: [counts],
    } = await client.query(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = 'under_test'`,
    );
    return counts as { generic: number; custom: number };
  } finally {
    await client.end();
  }
}

/** The statement that read the task, run `times` times as one prepared statement; its plan counts. */
async function plansOf(cookie: string, times = 8) {
  const { statements, result } = await statementsOf(api.db, () =>
    api.gql(TASK_BY_ID, { id: toGlobalId('Task', taskId) }, { cookie }),
  );
  expect(ok(result).task.plan.title).toMatch(/^Graph plan/);
  const read = statements.find((s) => /FROM task t\b/.test(s.text))!;
  return { text: read.text, ...(await preparedPlans(read.text, Array(times).fill(read.params))) };
}

describe('prepared statements settle on a generic plan', () => {
  it('a task by id, read by a member of one organisation, is planned a few times, not on every execution', async () => {
    const viewer = await signedInAs(api.db, 'VIEWER', leadActorId);
    const counts = await plansOf(viewer.cookie);
    expect(counts.text).not.toMatch(/ANY\(/);
    expect(counts.generic).toBeGreaterThan(0);
    expect(counts.custom).toBeLessThan(8);
  });

  it('a viewer of several organisations is still answered (its ids as an array)', async () => {
    const viewer = await signedInAs(api.db, 'VIEWER', leadActorId);
    const other = await makeActor(api.db);
    await api.db.query(`INSERT INTO membership (user_id, actor_id, role) VALUES ($1, $2, 'VIEWER')`, [
      viewer.userId,
      other.id,
    ]);
    const counts = await plansOf(viewer.cookie, 2);
    expect(counts.text).toMatch(/ANY\(\$\d+::uuid\[\]\)/);
  });

  it('a page of tasks per plan keeps its generic plan whatever the number of plans in the batch', async () => {
    const { statements } = await statementsOf(api.db, async () =>
      ok(
        await api.gql(
          `{ responsePlans(first: 2) { edges { node { tasks(first: 2) { edges { node { id } } } } } } }`,
        ),
      ),
    );
    const page = statements.find((s) => /FROM task t\b/.test(s.text) && s.text.includes('LATERAL'))!;
    const [keys, ...rest] = page.params as [string[], ...unknown[]];
    // Batches of 1, 2, 1, 2, … plans: each size would otherwise be planned anew.
    const batches = Array.from({ length: 8 }, (_, i) => [keys.slice(0, 1 + (i % 2)), ...rest]);
    const counts = await preparedPlans(page.text, batches);
    expect(counts.generic).toBeGreaterThan(0);
    expect(counts.custom).toBeLessThan(8);
  });

  it('a one-status filter and its totalCount settle on a generic plan; several statuses are still answered', async () => {
    const viewer = await signedInAs(api.db, 'VIEWER', leadActorId);
    const [{ planId }] = await api.db.query<{ planId: string }>(
      'SELECT plan_id AS "planId" FROM task WHERE id = $1',
      [taskId],
    );
    const filtered = (statuses: string[]) =>
      statementsOf(api.db, async () =>
        ok(
          await api.gql(
            `query($f: TaskListFilter) { tasks(filter: $f, first: 2) { totalCount edges { node { id } } } }`,
            { f: { planId: toGlobalId('ResponsePlan', planId), statuses } },
            viewer,
          ),
        ),
      );
    const one = await filtered(['DRAFT']);
    const several = await filtered(['DRAFT', 'IN_PROGRESS']);
    expect(several.result.tasks.totalCount).toBeGreaterThanOrEqual(one.result.tasks.totalCount);
    const count = one.statements.find((s) => /count\(\*\)/.test(s.text) && /FROM task t\b/.test(s.text))!;
    expect(count.text).toMatch(/t\.status = \$\d+::task_status\b/);
    const counts = await preparedPlans(count.text, Array(8).fill(count.params));
    expect(counts.generic).toBeGreaterThan(0);
    expect(counts.custom).toBeLessThan(8);
    const severalCount = several.statements.find((s) => /count\(\*\)/.test(s.text))!;
    expect(severalCount.text).toMatch(/t\.status = ANY\(\$\d+::task_status\[\]\)/);
  });
});

describe('read rules check a page row by row', () => {
  it('a page of plans probes participation per plan instead of hashing every participation', async () => {
    const viewer = await signedInAs(api.db, 'VIEWER', leadActorId);
    const { statements } = await statementsOf(api.db, async () =>
      ok(await api.gql(`{ responsePlans(first: 1) { totalCount edges { node { id } } } }`, {}, viewer)),
    );
    const page = statements.find((s) => /FROM response_plan p\b/.test(s.text) && s.text.includes('LIMIT'))!;
    const count = statements.find((s) => /count\(\*\)/.test(s.text) && s.text.includes('response_plan'))!;
    expect(page.text).toMatch(/plan_participant vp WHERE[^)]*OFFSET 0/);
    // A count reads every plan: there the planner may hash.
    expect(count.text).not.toMatch(/OFFSET 0/);
    const client = new pg.Client(api.databaseUrl);
    await client.connect();
    try {
      // Even with the statistics of a large table, where a hash looks cheap to the planner.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN ${page.text}`, page.params);
      await client.query('ROLLBACK');
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/SubPlan/);
      expect(plan).not.toMatch(/hashed SubPlan/);
    } finally {
      await client.end();
    }
  });
});
