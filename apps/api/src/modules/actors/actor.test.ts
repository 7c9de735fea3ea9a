import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const ACTORS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ActorFilter, $orderBy: ActorOrder) {
  actors(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name acronym kind } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('actors', () => {
  it('creates an actor and reads it back by id and through node()', async () => {
    const created = ok(
      await api.gql(
        `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id name acronym kind version countryCode } } }`,
        {
          input: {
            name: 'Intergovernmental Authority on Development',
            acronym: 'IGAD',
            kind: 'REGIONAL_ORGANIZATION',
          },
        },
      ),
    ).createActor.actor;
    expect(created).toMatchObject({
      name: 'Intergovernmental Authority on Development',
      acronym: 'IGAD',
      version: 1,
    });

    const byId = ok(await api.gql(`query($id: ID!) { actor(id: $id) { name } }`, { id: created.id }));
    expect(byId.actor.name).toBe('Intergovernmental Authority on Development');
    const byNode = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Actor { acronym } } }`, {
        id: created.id,
      }),
    );
    expect(byNode.node).toEqual({ __typename: 'Actor', id: created.id, acronym: 'IGAD' });
  });

  it('pages forwards and backwards with cursors, without gaps or repeats', async () => {
    const prefix = `Paging ${Date.now()}`;
    for (let i = 0; i < 7; i++) await makeActor(api.db, { name: `${prefix} ${String.fromCharCode(65 + i)}` });
    const filter = { search: prefix };

    const first = ok(await api.gql(ACTORS, { first: 3, filter })).actors;
    expect(first.totalCount).toBe(7);
    expect(first.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['A', 'B', 'C']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = ok(await api.gql(ACTORS, { first: 3, after: first.pageInfo.endCursor, filter })).actors;
    expect(second.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['D', 'E', 'F']);
    const third = ok(await api.gql(ACTORS, { first: 3, after: second.pageInfo.endCursor, filter })).actors;
    expect(third.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['G']);
    expect(third.pageInfo.hasNextPage).toBe(false);

    const back = ok(await api.gql(ACTORS, { last: 2, before: third.pageInfo.startCursor, filter })).actors;
    expect(back.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['E', 'F']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const tail = ok(await api.gql(ACTORS, { last: 2, filter })).actors;
    expect(tail.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['F', 'G']);

    const desc = ok(
      await api.gql(ACTORS, { first: 2, filter, orderBy: { field: 'NAME', direction: 'DESC' } }),
    ).actors;
    expect(desc.edges.map((e: any) => e.node.name.slice(-1))).toEqual(['G', 'F']);
  });

  it('filters by kind and searches acronyms case-insensitively, treating % literally', async () => {
    await makeActor(api.db, {
      name: 'Economic Community of West African States',
      acronym: 'ECOWAS',
      kind: 'REGIONAL_ORGANIZATION',
    });
    await makeActor(api.db, { name: 'Republic of Ghana', kind: 'MEMBER_STATE', countryCode: 'GH' });
    const found = ok(
      await api.gql(ACTORS, { first: 10, filter: { search: 'ecowas', kinds: ['REGIONAL_ORGANIZATION'] } }),
    ).actors;
    expect(found.edges.map((e: any) => e.node.acronym)).toEqual(['ECOWAS']);
    const none = ok(
      await api.gql(ACTORS, { first: 10, filter: { search: 'ecowas', kinds: ['MEMBER_STATE'] } }),
    ).actors;
    expect(none.totalCount).toBe(0);
    const wildcard = ok(await api.gql(ACTORS, { first: 10, filter: { search: '%' } })).actors;
    expect(wildcard.totalCount).toBe(0);
  });

  it('updates only the fields sent, and refuses a stale version with CONFLICT', async () => {
    const actor = await makeActor(api.db, { acronym: 'OLD', region: 'Africa' });
    const update = `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { acronym region version } } }`;
    const updated = ok(
      await api.gql(update, { input: { id: actor.gid, expectedVersion: 1, acronym: 'NEW' } }),
    );
    expect(updated.updateActor.actor).toEqual({ acronym: 'NEW', region: 'Africa', version: 2 });

    const stale = await api.gql(update, { input: { id: actor.gid, expectedVersion: 1, acronym: 'LOST' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    const after = ok(
      await api.gql(`query($id: ID!) { actor(id: $id) { acronym version } }`, { id: actor.gid }),
    );
    expect(after.actor).toEqual({ acronym: 'NEW', version: 2 });
  });

  it('refuses to make an actor its own ancestor', async () => {
    const parent = await makeActor(api.db);
    const child = await makeActor(api.db, { parentId: parent.id });
    const res = await api.gql(
      `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`,
      {
        input: { id: parent.gid, expectedVersion: 1, parentId: child.gid },
      },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('parentId');
  });

  it.each([
    ['a name that is empty', { name: '', kind: 'MEMBER_STATE' }, 'name'],
    [
      'a country code that is not ISO 3166',
      { name: 'X', kind: 'MEMBER_STATE', countryCode: 'Sudan' },
      'countryCode',
    ],
    [
      'a website that is not a URL',
      { name: 'X', kind: 'MEMBER_STATE', website: 'javascript:alert(1)' },
      'website',
    ],
    ['a parent id that is malformed', { name: 'X', kind: 'MEMBER_STATE', parentId: 'not-an-id' }, 'parentId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_label, input, field) => {
    const before = ok(await api.gql(ACTORS, { first: 1 })).actors.totalCount;
    const res = await api.gql(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      { input },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(ACTORS, { first: 1 })).actors.totalCount).toBe(before);
  });

  it.each([
    ['a page larger than 100', { first: 101 }, 'first'],
    ['a page of zero', { first: 0 }, 'first'],
    ['a forged cursor', { first: 5, after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['first together with last', { first: 5, last: 5 }, 'first'],
  ])('refuses %s', async (_label, variables, field) => {
    const res = await api.gql(ACTORS, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
  });

  it('answers a missing actor with NOT_FOUND and an unknown node with null', async () => {
    const missing = 'QWN0b3I6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw';
    expect(errorCode(await api.gql(`query($id: ID!) { actor(id: $id) { name } }`, { id: missing }))).toBe(
      'NOT_FOUND',
    );
    expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: missing })).node).toBeNull();
  });

  it('keeps names with emoji, right-to-left text and refuses NUL bytes cleanly', async () => {
    const name = 'الاتحاد الأفريقي 🌍';
    const created = ok(
      await api.gql(`mutation($input: CreateActorInput!) { createActor(input: $input) { actor { name } } }`, {
        input: { name, kind: 'REGIONAL_ORGANIZATION' },
      }),
    );
    expect(created.createActor.actor.name).toBe(name);
    const nul = await api.gql(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { name } } }`,
      {
        input: { name: 'bad\u0000name', kind: 'REGIONAL_ORGANIZATION' },
      },
    );
    expect(errorCode(nul)).toBe('BAD_USER_INPUT');
    expect(nul.errors?.[0].extensions?.field).toBe('name');
  });
});
