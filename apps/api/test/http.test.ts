import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../src/common/limits';
import { ok, startTestApi, type TestApi } from './api';

let api: TestApi;
let prod: TestApi;
beforeAll(async () => {
  api = await startTestApi({ limits: { ...defaultLimits, budget: { capacity: 3_000, refillPerSecond: 1 } } });
  prod = await startTestApi({ production: true });
});
afterAll(async () => {
  await api?.close();
  await prod?.close();
});

async function send(
  target: TestApi,
  init: { method?: string; body?: string; headers?: Record<string, string>; query?: string },
) {
  const url = init.query ? `${target.url}?${init.query}` : target.url;
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: {
      cookie: target.adminCookie,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // asserted below
  }
  return { status: response.status, json, text, headers: response.headers };
}

const actorCount = async () =>
  (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actor'))[0].n;

describe('bad requests get a JSON error with a code and change nothing', () => {
  it.each([
    ['malformed JSON', { body: '{"query": "mutation {' }, 400, 'BAD_USER_INPUT'],
    [
      'a body over the size limit',
      {
        body: JSON.stringify({
          query: `mutation { createActor(input: {name: "${'x'.repeat(1_100_000)}", kind: MEMBER_STATE}) { actor { id } } }`,
        }),
      },
      413,
      'BAD_USER_INPUT',
    ],
    [
      'a batched array',
      { body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) },
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a wrong content type',
      { body: 'query { __typename }', headers: { 'content-type': 'text/plain' } },
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a mutation over GET',
      {
        method: 'GET',
        query: `query=${encodeURIComponent('mutation { createActor(input: {name: "GET", kind: MEMBER_STATE}) { actor { id } } }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      },
      405,
      'BAD_USER_INPUT',
    ],
    [
      'a syntax error',
      { body: JSON.stringify({ query: '{ actors(first: 1) { edges { node { name } }' }) },
      400,
      'BAD_USER_INPUT',
    ],
    ['an unknown field', { body: JSON.stringify({ query: '{ actorz { id } }' }) }, 400, 'BAD_USER_INPUT'],
  ])('%s', async (_label, init, status, code) => {
    const before = await actorCount();
    const res = await send(api, init as any);
    expect(res.status).toBe(status);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.text).not.toMatch(/<html|at .*\.ts:\d+|SELECT /i);
    expect(await actorCount()).toBe(before);
  });

  it('answers a query over GET', async () => {
    const res = await send(api, {
      method: 'GET',
      query: `query=${encodeURIComponent('{ actors(first: 1) { totalCount } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.actors.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses a GET without a preflight header (cross-site request forgery), and answers one with it', async () => {
    const query = `query=${encodeURIComponent('{ __typename }')}`;
    const refused = await send(api, { method: 'GET', query });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const answered = await send(api, {
      method: 'GET',
      query,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(answered.json).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['application/json; charset=utf-8', 200],
    ['text/plain; charset=utf-8', 400],
    ['multipart/form-data; boundary=x', 400],
  ])('answers a POST with Content-Type %s with %i', async (type, status) => {
    const res = await send(api, {
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-type': type },
    });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('speaks application/graphql-response+json when asked', async () => {
    const res = await send(api, {
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
  });

  it.each([
    ['application/json', 200, 'application/json; charset=utf-8'],
    ['*/*', 200, 'application/json; charset=utf-8'],
    ['text/html', 406, null],
  ])('answers Accept: %s with %i %s', async (accept, status, type) => {
    const res = await send(api, { body: JSON.stringify({ query: '{ __typename }' }), headers: { accept } });
    expect(res.status).toBe(status);
    if (type) expect(res.headers.get('content-type')).toBe(type);
  });
});

describe('limits are checked before execution', () => {
  const deep = `{ actors(first: 1) { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } } } }`;
  const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ')} }`;
  const tokens = `{ actors(first: 1) { edges { node { ${'name '.repeat(5000)} } } } }`;
  const costly = `{ actors(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { edges { node { name } } } } } } } } } }`;

  it.each([
    ['depth', deep],
    ['aliases', aliases],
    ['tokens', tokens],
    ['cost', costly],
  ])('refuses a query over the %s limit with QUERY_TOO_COMPLEX', async (_label, query) => {
    const res = await send(api, { body: JSON.stringify({ query }) });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts page sizes given as variables', async () => {
    const query = `query($n: Int) { actors(first: $n) { edges { node { children(first: $n) { edges { node { children(first: $n) { edges { node { name } } } } } } } } } }`;
    const res = await send(api, { body: JSON.stringify({ query, variables: { n: 100 } }) });
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const small = await send(api, { body: JSON.stringify({ query, variables: { n: 2 } }) });
    expect(small.status).toBe(200);
    expect(small.json.errors).toBeUndefined();
    // Costs are remembered per document and variables, not per document alone.
    const again = await send(api, { body: JSON.stringify({ query, variables: { n: 100 } }) });
    expect(again.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const smaller = await send(api, { body: JSON.stringify({ query, variables: { n: 1 } }) });
    expect(Number(smaller.headers.get('x-ratelimit-cost'))).toBeLessThan(
      Number(small.headers.get('x-ratelimit-cost')),
    );
  });

  it('charges the cost against a budget, reports it in headers and rateLimit, and refuses when spent', async () => {
    const query = `{ rateLimit { cost limit remaining } actors(first: 100) { edges { node { parent { name } } } } }`;
    const first = await send(api, { body: JSON.stringify({ query }) });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-cost')).toBe(String(first.json.data.rateLimit.cost));
    expect(first.json.data.rateLimit).toMatchObject({ limit: 3000 });
    expect(first.json.data.rateLimit.cost).toBeGreaterThan(100);
    let last = first;
    for (let i = 0; i < 20 && last.status === 200; i++)
      last = await send(api, { body: JSON.stringify({ query }) });
    expect(last.status).toBe(429);
    expect(last.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('in production', () => {
  it('refuses introspection to anonymous callers but not to signed-in ones', async () => {
    const anonymous = await send(prod, {
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      headers: { cookie: '' },
    });
    expect(anonymous.status).toBe(401);
    const signedIn = ok(await prod.gql('{ __schema { queryType { name } } }'));
    expect(signedIn.__schema.queryType.name).toBe('Query');
  });

  it('does not suggest field names', async () => {
    const res = await send(prod, { body: JSON.stringify({ query: '{ actorss(first: 1) { totalCount } }' }) });
    expect(res.json.errors[0].message).not.toMatch(/Did you mean/);
  });
});
