import { Agent, request } from 'node:http';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api';
import { makeActor } from './factories';
import { makePartnership } from './factories-graph';
import { makePlanGraph } from './factories-plans';

/**
 * A request's objects must die young. V8's young-generation collector keeps alive what an object
 * of the old generation points to, dead or not, and the value of a WeakMap entry whose key is young.
 * Three things once made every request's whole graph (context, loaders, rows, answer) survive two
 * young collections, so that it was promoted and left for the next full collection: Apollo's gateway
 * request context (an object literal with its own getter closures, so a hidden class per request),
 * module-level WeakMaps keyed by an execution's objects whose values led back to their key (field
 * arguments), and a partner page built as an object literal with a getter. Under load that was a
 * full collection about four times a second, each stalling the server for ≈ 100 ms on one CPU.
 *
 * Measured here in this process, where the API runs: the old-generation garbage that a run of
 * requests leaves behind, with young collections forced between them, per request.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;

const oldGeneration = () =>
  getHeapSpaceStatistics()
    .filter((s) => s.space_name === 'old_space' || s.space_name === 'large_object_space')
    .reduce((n, s) => n + s.space_used_size, 0);

async function promotedGarbagePerRequest(send: () => Promise<unknown>, requests = 200): Promise<number> {
  for (let i = 0; i < 30; i++) await send();
  gc({ type: 'major', execution: 'sync' });
  const before = oldGeneration();
  for (let i = 0; i < requests; i++) {
    await send();
    if (i % 10 === 9) gc({ type: 'minor', execution: 'sync' });
  }
  gc({ type: 'minor', execution: 'sync' });
  gc({ type: 'minor', execution: 'sync' });
  const withGarbage = oldGeneration();
  gc({ type: 'major', execution: 'sync' });
  expect(withGarbage).toBeGreaterThan(before * 0.5);
  const perRequest = (withGarbage - oldGeneration()) / requests;
  console.log('PER_REQUEST', perRequest);
  return perRequest;
}

/**
 * A GraphQL request over node:http (fetch's own pooling keeps objects of each exchange alive for a
 * while in this process, which is the client's, not the server's).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function post(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: any; errors?: unknown[] }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      api.url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: api.adminCookie,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The data of an answer that must have no errors. */
function ok(answer: { data?: any; errors?: unknown[] }): any {
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** Bytes per request; a request promoted whole leaves ≈ 10–60 KB here. */
const LIMIT = 2_000;

let api: TestApi;
let taskId: string;
let hubId: string;
beforeAll(async () => {
  api = await startTestApi();
  await makePlanGraph(api.db, { plans: 2, tasks: 3, assignments: 2 });
  const [{ id }] = await api.db.query<{ id: string }>('SELECT id FROM task LIMIT 1');
  taskId = Buffer.from(`Task:${id}`).toString('base64url');
  const hub = await makeActor(api.db, { name: 'Young hub' });
  for (let i = 0; i < 3; i++) {
    const partner = await makeActor(api.db, { name: `Young partner ${i}` });
    await makePartnership(api.db, { sourceId: hub.id, targetId: partner.id, kind: 'SUPPORTS' });
  }
  hubId = hub.gid;
});
afterAll(async () => {
  agent.destroy();
  await api.close();
});

describe("a request's objects die young", () => {
  // Assertions stay out of the measured loop (the test runner keeps what they allocate).
  it('through Apollo and the compiled execution', async () => {
    const send = () => post('{ __typename }');
    expect(ok(await send())).toEqual({ __typename: 'Query' });
    expect(await promotedGarbagePerRequest(send)).toBeLessThan(LIMIT);
  });

  it('with a field resolver whose arguments are reused across rows', async () => {
    const send = () =>
      post('query($id: ID!) { task(id: $id) { id title plan { id title } } }', { id: taskId });
    expect(ok(await send()).task.plan.title).toMatch(/\S/);
    expect(await promotedGarbagePerRequest(send)).toBeLessThan(LIMIT);
  });

  it("with a page of an actor's partners", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Actor {
      partners(first: 5) { totalCount edges { cursor direction node { name } } } } } }`;
    const send = () => post(query, { id: hubId });
    expect(ok(await send()).node.partners).toMatchObject({ totalCount: 3, edges: [{}, {}, {}] });
    expect(await promotedGarbagePerRequest(send)).toBeLessThan(LIMIT);
  });
});
