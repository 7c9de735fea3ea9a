import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeMandate, makePartnership } from '../../../test/factories-graph';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

let tagCounter = 0;
/** A name prefix no other test uses, so ordered lists are predictable. */
const tag = () => `T${++tagCounter}-${Math.random().toString(36).slice(2, 6)}`;

const PARTNERSHIPS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: PartnershipFilter, $orderBy: PartnershipOrder) {
  partnerships(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id kind status validFrom validTo instrument source { name } target { name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const CREATE = `mutation($input: CreatePartnershipInput!) {
  createPartnership(input: $input) {
    partnership { id kind status validFrom validTo instrument notes version source { id name } target { id name } }
  }
}`;

const UPDATE = `mutation($input: UpdatePartnershipInput!) {
  updatePartnership(input: $input) { partnership { kind status validFrom validTo instrument notes version source { name } target { name } } }
}`;

const PARTNERSHIP = `query($id: ID!) {
  node(id: $id) { ... on Partnership { kind status validFrom validTo instrument notes version source { name } target { name } } }
}`;

type Edge = { node: { id: string; kind: string; validFrom: string | null } };

const countAll = async () =>
  ok(await api.gql(`{ partnerships(first: 1) { totalCount } }`)).partnerships.totalCount;

const asNobody = async () => ({ cookie: '' });
const asRole = (role: 'VIEWER' | 'LIAISON' | 'PARTNER') => async () => ({
  cookie: (await signedInAs(api.db, role)).cookie,
});

describe('partnerships', () => {
  it('creates a partnership with its instrument, ACTIVE by default, and reads it back through node()', async () => {
    const southSudan = await makeActor(api.db, {
      name: 'Republic of South Sudan',
      kind: 'MEMBER_STATE',
      countryCode: 'SS',
    });
    const unmiss = await makeActor(api.db, { name: 'UNMISS', kind: 'UN_PEACE_OPERATION' });
    const created = ok(
      await api.gql(CREATE, {
        input: {
          sourceId: southSudan.gid,
          targetId: unmiss.gid,
          kind: 'HOSTS',
          validFrom: '2011-08-08',
          instrument: 'Status of Forces Agreement',
        },
      }),
    ).createPartnership.partnership;
    expect(created).toMatchObject({
      kind: 'HOSTS',
      status: 'ACTIVE',
      validFrom: '2011-08-08',
      validTo: null,
      instrument: 'Status of Forces Agreement',
      version: 1,
      source: { id: southSudan.gid, name: 'Republic of South Sudan' },
      target: { id: unmiss.gid, name: 'UNMISS' },
    });
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: created.id }),
    ).node;
    expect(node).toEqual({ __typename: 'Partnership', id: created.id });
  });

  it('filters by kind, status, an actor at either end, and the date the partnership is valid on', async () => {
    const t = tag();
    const hub = await makeActor(api.db, { name: `${t} hub` });
    const a = await makeActor(api.db, { name: `${t} a` });
    const b = await makeActor(api.db, { name: `${t} b` });
    await makePartnership(api.db, {
      sourceId: hub.id,
      targetId: a.id,
      kind: 'FUNDS',
      validFrom: '2011-01-01',
      validTo: '2022-12-31',
    });
    await makePartnership(api.db, { sourceId: b.id, targetId: hub.id, kind: 'HOSTS', status: 'SUSPENDED' });
    await makePartnership(api.db, { sourceId: a.id, targetId: b.id, kind: 'FUNDS' });
    const kinds = async (filter: Record<string, unknown>) =>
      ok(await api.gql(PARTNERSHIPS, { first: 10, filter: { actorId: hub.gid, ...filter } }))
        .partnerships.edges.map((e: Edge) => e.node.kind)
        .sort();

    expect(await kinds({})).toEqual(['FUNDS', 'HOSTS']);
    expect(await kinds({ kinds: ['HOSTS'] })).toEqual(['HOSTS']);
    expect(await kinds({ statuses: ['ACTIVE'] })).toEqual(['FUNDS']);
    expect(await kinds({ asOf: '2015-06-01' })).toEqual(['FUNDS', 'HOSTS']);
    expect(await kinds({ asOf: '2023-01-01' })).toEqual(['HOSTS']);
    expect(await kinds({ asOf: '2010-12-31' })).toEqual(['HOSTS']);
    const onlyA = ok(await api.gql(PARTNERSHIPS, { first: 10, filter: { actorId: a.gid } })).partnerships;
    expect(onlyA.totalCount).toBe(2);
  });

  it('orders by start of validity with open starts first, pages without gaps, and orders by creation', async () => {
    const t = tag();
    const hub = await makeActor(api.db, { name: `${t} hub` });
    const starts = ['2015-01-01', null, '2011-07-09', '2020-03-01', '2011-07-09'];
    const made = [];
    for (const validFrom of starts) {
      const other = await makeActor(api.db, { name: `${t} other` });
      made.push(await makePartnership(api.db, { sourceId: hub.id, targetId: other.id, validFrom }));
    }
    const filter = { actorId: hub.gid };
    const orderBy = { field: 'VALID_FROM', direction: 'ASC' };
    const first = ok(await api.gql(PARTNERSHIPS, { first: 2, filter, orderBy })).partnerships;
    const second = ok(
      await api.gql(PARTNERSHIPS, { first: 2, after: first.pageInfo.endCursor, filter, orderBy }),
    ).partnerships;
    const third = ok(
      await api.gql(PARTNERSHIPS, { first: 2, after: second.pageInfo.endCursor, filter, orderBy }),
    ).partnerships;
    const dates = [...first.edges, ...second.edges, ...third.edges].map((e: Edge) => e.node.validFrom);
    expect(dates).toEqual([null, '2011-07-09', '2011-07-09', '2015-01-01', '2020-03-01']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(first.totalCount).toBe(5);

    const back = ok(
      await api.gql(PARTNERSHIPS, { last: 2, before: third.pageInfo.startCursor, filter, orderBy }),
    ).partnerships;
    expect(back.edges.map((e: Edge) => e.node.id)).toEqual(second.edges.map((e: Edge) => e.node.id));

    const desc = ok(
      await api.gql(PARTNERSHIPS, { first: 5, filter, orderBy: { field: 'VALID_FROM', direction: 'DESC' } }),
    );
    expect(desc.partnerships.edges.map((e: Edge) => e.node.validFrom)).toEqual(dates.reverse());

    const byCreation = ok(
      await api.gql(PARTNERSHIPS, { first: 5, filter, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }),
    );
    expect(byCreation.partnerships.edges.map((e: Edge) => e.node.id)).toEqual(made.map((m) => m.gid));
  });

  it('updates only the fields sent, including clearing a date', async () => {
    const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
    const edge = await makePartnership(api.db, {
      sourceId: a.id,
      targetId: b.id,
      kind: 'CONTRIBUTES_TROOPS',
      validFrom: '2014-01-01',
      validTo: '2016-01-01',
      instrument: 'Memorandum of Understanding',
    });
    const updated = ok(
      await api.gql(UPDATE, {
        input: { id: edge.gid, expectedVersion: 1, status: 'EXPIRED', validTo: null, notes: 'Rotated out' },
      }),
    ).updatePartnership.partnership;
    expect(updated).toMatchObject({
      kind: 'CONTRIBUTES_TROOPS',
      status: 'EXPIRED',
      validFrom: '2014-01-01',
      validTo: null,
      instrument: 'Memorandum of Understanding',
      notes: 'Rotated out',
      version: 2,
    });
  });

  it('refuses a stale expectedVersion with CONFLICT, and the first write survives', async () => {
    const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
    const edge = await makePartnership(api.db, { sourceId: a.id, targetId: b.id, kind: 'SUPPORTS' });
    ok(await api.gql(UPDATE, { input: { id: edge.gid, expectedVersion: 1, notes: 'first' } }));
    const stale = await api.gql(UPDATE, { input: { id: edge.gid, expectedVersion: 1, notes: 'second' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(PARTNERSHIP, { id: edge.gid })).node).toMatchObject({
      notes: 'first',
      version: 2,
    });
  });

  it.each([
    [
      'an actor partnered with itself',
      (ids: Ids) => ({ sourceId: ids.a, targetId: ids.a }),
      'BAD_USER_INPUT',
      'targetId',
    ],
    [
      'a validity that ends before it starts',
      (ids: Ids) => ({ validFrom: '2022-01-01', validTo: '2011-01-01', sourceId: ids.a, targetId: ids.b }),
      'BAD_USER_INPUT',
      'validTo',
    ],
    [
      'a malformed source id',
      (ids: Ids) => ({ sourceId: 'nope', targetId: ids.b }),
      'BAD_USER_INPUT',
      'sourceId',
    ],
    [
      'a mandate id where an actor id is expected',
      (ids: Ids) => ({ sourceId: ids.a, targetId: ids.mandate }),
      'BAD_USER_INPUT',
      'targetId',
    ],
    [
      'a target that does not exist',
      (ids: Ids) => ({ sourceId: ids.a, targetId: ids.missing }),
      'NOT_FOUND',
      'targetId',
    ],
    [
      'an empty instrument',
      (ids: Ids) => ({ sourceId: ids.a, targetId: ids.b, instrument: '' }),
      'BAD_USER_INPUT',
      'instrument',
    ],
  ])('refuses to create %s, naming the field, and creates nothing', async (_label, input, code, field) => {
    const ids = await someIds();
    const before = await countAll();
    const res = await api.gql(CREATE, { input: { kind: 'SUPPORTS', ...input(ids) } });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await countAll()).toBe(before);
  });

  it.each([
    ['a validTo before the stored validFrom', { validTo: '2010-01-01' }, 'BAD_USER_INPUT', 'validTo'],
    ['a validFrom after the stored validTo', { validFrom: '2030-01-01' }, 'BAD_USER_INPUT', 'validTo'],
    ['a target equal to the stored source', { targetId: 'SOURCE' }, 'BAD_USER_INPUT', 'targetId'],
    ['an empty kind', { kind: null }, 'BAD_USER_INPUT', 'kind'],
    ['an actor id where a partnership id is expected', { id: 'SOURCE' }, 'BAD_USER_INPUT', 'id'],
  ])(
    'refuses an update with %s, naming the field, and changes nothing',
    async (_label, patch, code, field) => {
      const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
      const edge = await makePartnership(api.db, {
        sourceId: a.id,
        targetId: b.id,
        validFrom: '2011-07-09',
        validTo: '2022-12-31',
      });
      const input: Record<string, unknown> = { id: edge.gid, expectedVersion: 1, ...patch };
      for (const key of Object.keys(input)) if (input[key] === 'SOURCE') input[key] = a.gid;
      const res = await api.gql(UPDATE, { input });
      expect(errorCode(res)).toBe(code);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(ok(await api.gql(PARTNERSHIP, { id: edge.gid })).node).toMatchObject({
        kind: 'SUPPORTS',
        validFrom: '2011-07-09',
        validTo: '2022-12-31',
        version: 1,
        target: { name: b.name },
      });
    },
  );

  it('lets anyone read partnerships without signing in', async () => {
    const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
    await makePartnership(api.db, { sourceId: a.id, targetId: b.id, kind: 'MEMBER_OF' });
    const res = await api.gql(PARTNERSHIPS, { first: 5, filter: { actorId: a.gid } }, { cookie: '' });
    expect(ok(res).partnerships.edges.map((e: Edge) => e.node.kind)).toEqual(['MEMBER_OF']);
  });

  it.each([
    ['nobody', asNobody, 'UNAUTHENTICATED'],
    ['a viewer', asRole('VIEWER'), 'FORBIDDEN'],
    ['a liaison officer', asRole('LIAISON'), 'FORBIDDEN'],
  ])('refuses %s creating or changing a partnership, and changes nothing', async (_label, as, code) => {
    const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
    const edge = await makePartnership(api.db, { sourceId: a.id, targetId: b.id });
    const headers = await as();
    const before = await countAll();
    expect(
      errorCode(
        await api.gql(CREATE, { input: { sourceId: b.gid, targetId: a.gid, kind: 'FUNDS' } }, headers),
      ),
    ).toBe(code);
    expect(
      errorCode(await api.gql(UPDATE, { input: { id: edge.gid, expectedVersion: 1, notes: 'x' } }, headers)),
    ).toBe(code);
    expect(await countAll()).toBe(before);
    expect(ok(await api.gql(PARTNERSHIP, { id: edge.gid })).node).toMatchObject({ notes: null, version: 1 });
  });
});

type Ids = { a: string; b: string; mandate: string; missing: string };

async function someIds(): Promise<Ids> {
  const [a, b] = [await makeActor(api.db), await makeActor(api.db)];
  const mandate = await makeMandate(api.db, { authorizingActorId: a.id, missionActorId: b.id });
  return {
    a: a.gid,
    b: b.gid,
    mandate: mandate.gid,
    missing: toGlobalId('Actor', '00000000-0000-4000-8000-000000000000'),
  };
}
