import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeMandate } from '../../../test/factories-graph';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

let tagCounter = 0;
const tag = () => `M${++tagCounter}-${Math.random().toString(36).slice(2, 6)}`;
const missingMandate = toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000');
const missingActor = toGlobalId('Actor', '00000000-0000-4000-8000-000000000000');

const FIELDS = `id symbol title adoptedOn expiresOn chapterVii troopCeiling policeCeiling version
  missionActor { id name } authorizingActor { id name } renews { symbol } renewedBy { symbol }`;
const CREATE = `mutation($input: CreateMandateInput!) { createMandate(input: $input) { mandate { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateMandateInput!) { updateMandate(input: $input) { mandate { ${FIELDS} } } }`;
const MANDATE = `query($id: ID!) { mandate(id: $id) { ${FIELDS} } }`;
const MANDATES = `query($first: Int, $after: String, $last: Int, $before: String, $filter: MandateFilter, $orderBy: MandateOrder) {
  mandates(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { symbol adoptedOn } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const ACTOR_MANDATES = `query($id: ID!, $first: Int, $after: String, $filter: ActorMandateFilter, $orderBy: MandateOrder) {
  actor(id: $id) { mandates(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { symbol } } pageInfo { hasNextPage endCursor }
  } }
}`;

type Edge = { node: { symbol: string; adoptedOn: string } };
const symbols = (connection: { edges: Edge[] }) => connection.edges.map((e) => e.node.symbol);
const countAll = async () => ok(await api.gql(`{ mandates(first: 1) { totalCount } }`)).mandates.totalCount;

/** A mission with three successive mandates, each renewing the one before. */
async function unmissMandates() {
  const t = tag();
  const council = await makeActor(api.db, { name: `${t} Security Council`, kind: 'UN_PRINCIPAL_ORGAN' });
  const unmiss = await makeActor(api.db, { name: `${t} UNMISS`, kind: 'UN_PEACE_OPERATION' });
  const base = { authorizingActorId: council.id, missionActorId: unmiss.id };
  const m2011 = await makeMandate(api.db, {
    ...base,
    symbol: `${t} S/RES/1996 (2011)`,
    adoptedOn: '2011-07-08',
    expiresOn: '2012-07-09',
  });
  const m2013 = await makeMandate(api.db, {
    ...base,
    symbol: `${t} S/RES/2109 (2013)`,
    adoptedOn: '2013-07-11',
    expiresOn: '2014-07-15',
    renewsMandateId: m2011.id,
  });
  const m2014 = await makeMandate(api.db, {
    ...base,
    symbol: `${t} S/RES/2155 (2014)`,
    title: 'Reprioritisation of the UNMISS mandate towards protection of civilians',
    adoptedOn: '2014-05-27',
    renewsMandateId: m2013.id,
  });
  return { t, council, unmiss, m2011, m2013, m2014 };
}

const asNobody = async () => ({ cookie: '' });
const asRole = (role: 'VIEWER' | 'LIAISON' | 'PARTNER') => async () => ({
  cookie: (await signedInAs(api.db, role)).cookie,
});

describe('mandates', () => {
  it('creates a mandate and reads it back by id and through node(), with its mission and authorising body', async () => {
    const council = await makeActor(api.db, { name: 'Security Council', kind: 'UN_PRINCIPAL_ORGAN' });
    const unmiss = await makeActor(api.db, { name: 'UNMISS', kind: 'UN_PEACE_OPERATION' });
    const input = {
      symbol: 'S/RES/1996 (2011)',
      title: 'Establishment of the United Nations Mission in the Republic of South Sudan',
      authorizingActorId: council.gid,
      missionActorId: unmiss.gid,
      adoptedOn: '2011-07-08',
      expiresOn: '2012-07-09',
      chapterVii: true,
      troopCeiling: 7000,
      policeCeiling: 900,
    };
    const created = ok(await api.gql(CREATE, { input })).createMandate.mandate;
    const { authorizingActorId: _a, missionActorId: _m, ...scalars } = input;
    expect(created).toMatchObject({
      ...scalars,
      version: 1,
      missionActor: { id: unmiss.gid, name: 'UNMISS' },
      authorizingActor: { id: council.gid, name: 'Security Council' },
      renews: null,
      renewedBy: [],
    });
    expect(ok(await api.gql(MANDATE, { id: created.id })).mandate.symbol).toBe('S/RES/1996 (2011)');
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename ... on Mandate { troopCeiling } } }`, {
        id: created.id,
      }),
    );
    expect(node.node).toEqual({ __typename: 'Mandate', troopCeiling: 7000 });
  });

  it('follows the renewal chain both ways', async () => {
    const g = await unmissMandates();
    const renewal = ok(
      await api.gql(CREATE, {
        input: {
          symbol: `${g.t} S/RES/2187 (2014)`,
          title: 'Renewal',
          authorizingActorId: g.council.gid,
          missionActorId: g.unmiss.gid,
          adoptedOn: '2014-11-25',
          renewsMandateId: g.m2014.gid,
        },
      }),
    ).createMandate.mandate;
    expect(renewal.renews).toEqual({ symbol: `${g.t} S/RES/2155 (2014)` });
    const middle = ok(await api.gql(MANDATE, { id: g.m2013.gid })).mandate;
    expect(middle.renews).toEqual({ symbol: `${g.t} S/RES/1996 (2011)` });
    expect(middle.renewedBy).toEqual([{ symbol: `${g.t} S/RES/2155 (2014)` }]);
    expect(ok(await api.gql(MANDATE, { id: g.m2011.gid })).mandate.renews).toBeNull();
  });

  it('filters by mission, authorising body, symbol or title, and the date a mandate is in force on', async () => {
    const g = await unmissMandates();
    const other = await makeActor(api.db, { name: `${g.t} AU PSC`, kind: 'REGIONAL_ORGAN' });
    await makeMandate(api.db, {
      authorizingActorId: other.id,
      missionActorId: g.unmiss.id,
      symbol: `${g.t} PSC/PR/COMM`,
    });
    const list = async (filter: Record<string, unknown>) =>
      symbols(
        ok(await api.gql(MANDATES, { first: 10, filter: { missionActorId: g.unmiss.gid, ...filter } }))
          .mandates,
      );

    expect(await list({})).toHaveLength(4);
    expect(await list({ authorizingActorId: other.gid })).toEqual([`${g.t} PSC/PR/COMM`]);
    expect(await list({ search: '2109' })).toEqual([`${g.t} S/RES/2109 (2013)`]);
    expect(await list({ search: 'REPRIORITISATION' })).toEqual([`${g.t} S/RES/2155 (2014)`]);
    expect(await list({ search: '%' })).toEqual([]);
    expect(await list({ activeOn: '2012-01-01', authorizingActorId: g.council.gid })).toEqual([
      `${g.t} S/RES/1996 (2011)`,
    ]);
    expect(await list({ activeOn: '2012-07-10', authorizingActorId: g.council.gid })).toEqual([]);
    expect(await list({ activeOn: '2030-01-01', authorizingActorId: g.council.gid })).toEqual([
      `${g.t} S/RES/2155 (2014)`,
    ]);
  });

  it('orders newest adoption first by default, oldest first or by creation on request, and pages', async () => {
    const g = await unmissMandates();
    const filter = { authorizingActorId: g.council.gid };
    const newest = ok(await api.gql(MANDATES, { first: 2, filter })).mandates;
    expect(newest.edges.map((e: Edge) => e.node.adoptedOn)).toEqual(['2014-05-27', '2013-07-11']);
    expect(newest.totalCount).toBe(3);
    const rest = ok(await api.gql(MANDATES, { first: 2, after: newest.pageInfo.endCursor, filter })).mandates;
    expect(rest.edges.map((e: Edge) => e.node.adoptedOn)).toEqual(['2011-07-08']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const back = ok(await api.gql(MANDATES, { last: 2, before: rest.pageInfo.startCursor, filter })).mandates;
    expect(symbols(back)).toEqual(symbols(newest));

    const oldest = ok(
      await api.gql(MANDATES, { first: 3, filter, orderBy: { field: 'ADOPTED_ON', direction: 'ASC' } }),
    );
    expect(symbols(oldest.mandates)).toEqual([g.m2011, g.m2013, g.m2014].map((m) => m.symbol));
    const created = ok(
      await api.gql(MANDATES, { first: 3, filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }),
    );
    expect(symbols(created.mandates)).toEqual([g.m2014, g.m2013, g.m2011].map((m) => m.symbol));
  });

  it("lists a mission's mandates newest first, in force on a date, and pages them", async () => {
    const g = await unmissMandates();
    const all = ok(await api.gql(ACTOR_MANDATES, { id: g.unmiss.gid, first: 2 })).actor.mandates;
    expect(symbols(all)).toEqual([g.m2014.symbol, g.m2013.symbol]);
    expect(all.totalCount).toBe(3);
    const next = ok(
      await api.gql(ACTOR_MANDATES, { id: g.unmiss.gid, first: 2, after: all.pageInfo.endCursor }),
    ).actor.mandates;
    expect(symbols(next)).toEqual([g.m2011.symbol]);
    const inForce = ok(
      await api.gql(ACTOR_MANDATES, { id: g.unmiss.gid, filter: { activeOn: '2013-12-31' } }),
    ).actor.mandates;
    expect(symbols(inForce)).toEqual([g.m2013.symbol]);
    expect(inForce.totalCount).toBe(1);
    const oldest = ok(
      await api.gql(ACTOR_MANDATES, {
        id: g.unmiss.gid,
        first: 1,
        orderBy: { field: 'ADOPTED_ON', direction: 'ASC' },
      }),
    ).actor.mandates;
    expect(symbols(oldest)).toEqual([g.m2011.symbol]);
    const council = ok(await api.gql(ACTOR_MANDATES, { id: g.council.gid })).actor.mandates;
    expect(council.totalCount).toBe(0);
  });

  it('updates only the fields sent, and refuses a stale expectedVersion with CONFLICT keeping the first write', async () => {
    const g = await unmissMandates();
    const updated = ok(
      await api.gql(UPDATE, {
        input: { id: g.m2014.gid, expectedVersion: 1, troopCeiling: 12500, expiresOn: '2014-11-30' },
      }),
    ).updateMandate.mandate;
    expect(updated).toMatchObject({
      troopCeiling: 12500,
      expiresOn: '2014-11-30',
      adoptedOn: '2014-05-27',
      version: 2,
    });
    expect(updated.renews).toEqual({ symbol: g.m2013.symbol });

    const stale = await api.gql(UPDATE, { input: { id: g.m2014.gid, expectedVersion: 1, troopCeiling: 1 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(MANDATE, { id: g.m2014.gid })).mandate).toMatchObject({
      troopCeiling: 12500,
      version: 2,
    });
  });

  it('answers a missing mandate with NOT_FOUND and an actor id given as a mandate id with BAD_USER_INPUT', async () => {
    expect(errorCode(await api.gql(MANDATE, { id: missingMandate }))).toBe('NOT_FOUND');
    const wrongType = await api.gql(MANDATE, { id: missingActor });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0].extensions?.field).toBe('id');
  });

  // A duplicate symbol is the user's mistake (one resolution, one symbol), so it is BAD_USER_INPUT
  // naming `symbol`, not CONFLICT (which is kept for concurrent edits).
  it.each([
    [
      'an expiry before adoption',
      { adoptedOn: '2011-07-08', expiresOn: '2011-07-07' },
      'BAD_USER_INPUT',
      'expiresOn',
    ],
    ['a negative troop ceiling', { troopCeiling: -1 }, 'BAD_USER_INPUT', 'troopCeiling'],
    ['a negative police ceiling', { policeCeiling: -900 }, 'BAD_USER_INPUT', 'policeCeiling'],
    ['a symbol already used', { symbol: 'EXISTING' }, 'BAD_USER_INPUT', 'symbol'],
    ['an empty symbol', { symbol: '' }, 'BAD_USER_INPUT', 'symbol'],
    [
      'a mandate id where the mission actor id is expected',
      { missionActorId: 'MANDATE' },
      'BAD_USER_INPUT',
      'missionActorId',
    ],
    [
      'an actor id where the renewed mandate id is expected',
      { renewsMandateId: missingActor },
      'BAD_USER_INPUT',
      'renewsMandateId',
    ],
    [
      'a renewed mandate that does not exist',
      { renewsMandateId: missingMandate },
      'NOT_FOUND',
      'renewsMandateId',
    ],
    [
      'an authorising body that does not exist',
      { authorizingActorId: missingActor },
      'NOT_FOUND',
      'authorizingActorId',
    ],
  ])('refuses to create %s, naming the field, and creates nothing', async (_label, override, code, field) => {
    const g = await unmissMandates();
    const input: Record<string, unknown> = {
      symbol: `${g.t} new`,
      title: 'A mandate',
      authorizingActorId: g.council.gid,
      missionActorId: g.unmiss.gid,
      adoptedOn: '2015-01-01',
      ...override,
    };
    if (input.symbol === 'EXISTING') input.symbol = g.m2011.symbol;
    if (input.missionActorId === 'MANDATE') input.missionActorId = g.m2011.gid;
    const before = await countAll();
    const res = await api.gql(CREATE, { input });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await countAll()).toBe(before);
  });

  it.each([
    ['an expiry before the stored adoption', { expiresOn: '2013-01-01' }, 'expiresOn'],
    ['an adoption after the stored expiry', { adoptedOn: '2015-01-01' }, 'expiresOn'],
    ['a mandate renewing itself', { renewsMandateId: 'SELF' }, 'renewsMandateId'],
    ['a renewal that closes a loop in the chain', { renewsMandateId: 'LATER' }, 'renewsMandateId'],
    ['a symbol another mandate has', { symbol: 'OTHER' }, 'symbol'],
    ['an empty symbol', { symbol: null }, 'symbol'],
    ['a negative troop ceiling', { troopCeiling: -5 }, 'troopCeiling'],
    ['an actor id where the mandate id is expected', { id: missingActor }, 'id'],
  ])('refuses an update with %s, naming the field, and changes nothing', async (_label, override, field) => {
    const g = await unmissMandates();
    const input: Record<string, unknown> = { id: g.m2013.gid, expectedVersion: 1, ...override };
    if (input.renewsMandateId === 'SELF') input.renewsMandateId = g.m2013.gid;
    if (input.renewsMandateId === 'LATER') input.renewsMandateId = g.m2014.gid;
    if (input.symbol === 'OTHER') input.symbol = g.m2011.symbol;
    const res = await api.gql(UPDATE, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(MANDATE, { id: g.m2013.gid })).mandate).toMatchObject({
      symbol: g.m2013.symbol,
      adoptedOn: '2013-07-11',
      expiresOn: '2014-07-15',
      troopCeiling: null,
      renews: { symbol: g.m2011.symbol },
      version: 1,
    });
  });

  it('lets anyone read mandates without signing in', async () => {
    const g = await unmissMandates();
    const res = await api.gql(MANDATE, { id: g.m2013.gid }, { cookie: '' });
    expect(ok(res).mandate.symbol).toBe(g.m2013.symbol);
  });

  it.each([
    ['nobody', asNobody, 'UNAUTHENTICATED'],
    ['a viewer', asRole('VIEWER'), 'FORBIDDEN'],
    ['a liaison officer', asRole('LIAISON'), 'FORBIDDEN'],
  ])('refuses %s creating or changing a mandate, and changes nothing', async (_label, as, code) => {
    const g = await unmissMandates();
    const headers = await as();
    const before = await countAll();
    const input = {
      symbol: `${g.t} S/RES/2327 (2016)`,
      title: 'Renewal',
      authorizingActorId: g.council.gid,
      missionActorId: g.unmiss.gid,
      adoptedOn: '2016-12-16',
    };
    expect(errorCode(await api.gql(CREATE, { input }, headers))).toBe(code);
    expect(
      errorCode(
        await api.gql(UPDATE, { input: { id: g.m2014.gid, expectedVersion: 1, troopCeiling: 1 } }, headers),
      ),
    ).toBe(code);
    expect(await countAll()).toBe(before);
    expect(ok(await api.gql(MANDATE, { id: g.m2014.gid })).mandate).toMatchObject({
      troopCeiling: null,
      version: 1,
    });
  });
});
