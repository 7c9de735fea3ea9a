import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { countStatements, makePledge } from '../../../test/factories-graph';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const FIELDS = 'id capability quantity readinessDays validUntil notes version actor { id name }';
const PLEDGE = `mutation($input: PledgeCapabilityInput!) { pledgeCapability(input: $input) { capabilityPledge { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateCapabilityPledgeInput!) { updateCapabilityPledge(input: $input) { capabilityPledge { ${FIELDS} } } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename ... on CapabilityPledge { ${FIELDS} } } }`;
const PLEDGES = `query($id: ID!) { actor(id: $id) { capabilityPledges { capability quantity readinessDays } } }`;

const countAll = async () =>
  (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM capability_pledge'))[0].n;
const pledgesOf = async (actorGid: string) =>
  ok(await api.gql(PLEDGES, { id: actorGid })).actor.capabilityPledges;

const asNobody = async () => ({ cookie: '' });
const asRole = (role: 'VIEWER' | 'LIAISON' | 'PARTNER') => async () => ({
  cookie: (await signedInAs(api.db, role)).cookie,
});

describe('capability pledges', () => {
  it('records a pledge and reads it back through node() and on the actor', async () => {
    const rwanda = await makeActor(api.db, {
      name: 'Republic of Rwanda',
      kind: 'MEMBER_STATE',
      countryCode: 'RW',
    });
    const created = ok(
      await api.gql(PLEDGE, {
        input: {
          actorId: rwanda.gid,
          capability: 'FORMED_POLICE_UNIT',
          quantity: 2,
          readinessDays: 60,
          validUntil: '2027-12-31',
          notes: 'Peacekeeping Capability Readiness System, level 2',
        },
      }),
    ).pledgeCapability.capabilityPledge;
    expect(created).toMatchObject({
      capability: 'FORMED_POLICE_UNIT',
      quantity: 2,
      readinessDays: 60,
      validUntil: '2027-12-31',
      version: 1,
      actor: { id: rwanda.gid, name: 'Republic of Rwanda' },
    });
    expect(ok(await api.gql(NODE, { id: created.id })).node).toMatchObject({
      __typename: 'CapabilityPledge',
      quantity: 2,
    });
    expect(await pledgesOf(rwanda.gid)).toEqual([
      { capability: 'FORMED_POLICE_UNIT', quantity: 2, readinessDays: 60 },
    ]);
  });

  it("lists an actor's pledges grouped by capability, and only that actor's", async () => {
    const actor = await makeActor(api.db);
    const other = await makeActor(api.db);
    await makePledge(api.db, { actorId: actor.id, capability: 'HELICOPTER_UNIT', quantity: 3 });
    await makePledge(api.db, { actorId: actor.id, capability: 'INFANTRY_BATTALION', quantity: 1 });
    await makePledge(api.db, { actorId: actor.id, capability: 'HELICOPTER_UNIT', quantity: 1 });
    await makePledge(api.db, { actorId: other.id, capability: 'MEDIATORS', quantity: 4 });
    const pledges = await pledgesOf(actor.gid);
    expect(pledges.map((p: { capability: string; quantity: number }) => [p.capability, p.quantity])).toEqual([
      ['INFANTRY_BATTALION', 1],
      ['HELICOPTER_UNIT', 3],
      ['HELICOPTER_UNIT', 1],
    ]);
    expect(await pledgesOf((await makeActor(api.db)).gid)).toEqual([]);
  });

  it('reads the pledges of many actors in a number of statements that does not grow with the actors', async () => {
    const prefix = `Pledgers ${Math.random().toString(36).slice(2, 8)}`;
    const query = `query($search: String) { actors(first: 20, filter: { search: $search }) {
      edges { node { capabilityPledges { quantity actor { name } } } } } }`;
    const addPledger = async () => {
      const actor = await makeActor(api.db, { name: `${prefix} state`, kind: 'MEMBER_STATE' });
      await makePledge(api.db, { actorId: actor.id, capability: 'MEDICAL_UNIT' });
      await makePledge(api.db, { actorId: actor.id, capability: 'ENGINEERING_UNIT' });
    };
    const statementsFor = async () => {
      const { statements, result } = await countStatements(api.db, async () =>
        ok(await api.gql(query, { search: prefix })),
      );
      return { statements, actors: result.actors.edges };
    };
    await addPledger();
    // The caller's first request also reads its query budget into the process: not part of the read.
    await statementsFor();
    const few = await statementsFor();
    for (let i = 0; i < 5; i++) await addPledger();
    const many = await statementsFor();
    expect(
      many.actors.flatMap((e: { node: { capabilityPledges: unknown[] } }) => e.node.capabilityPledges),
    ).toHaveLength(12);
    expect(many.statements).toBe(few.statements);
  });

  it('updates only the fields sent, and refuses a stale expectedVersion with CONFLICT keeping the first write', async () => {
    const actor = await makeActor(api.db);
    const pledge = await makePledge(api.db, {
      actorId: actor.id,
      quantity: 1,
      readinessDays: 90,
      validUntil: '2026-06-30',
    });
    const updated = ok(
      await api.gql(UPDATE, {
        input: { id: pledge.gid, expectedVersion: 1, readinessDays: 30, validUntil: null },
      }),
    );
    expect(updated.updateCapabilityPledge.capabilityPledge).toMatchObject({
      capability: 'FORMED_POLICE_UNIT',
      quantity: 1,
      readinessDays: 30,
      validUntil: null,
      version: 2,
    });
    const stale = await api.gql(UPDATE, { input: { id: pledge.gid, expectedVersion: 1, quantity: 9 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(ok(await api.gql(NODE, { id: pledge.gid })).node).toMatchObject({
      quantity: 1,
      readinessDays: 30,
      version: 2,
    });
  });

  it.each([
    ['a quantity of zero', { quantity: 0 }, 'BAD_USER_INPUT', 'quantity'],
    ['a negative quantity', { quantity: -3 }, 'BAD_USER_INPUT', 'quantity'],
    ['a negative readiness', { readinessDays: -1 }, 'BAD_USER_INPUT', 'readinessDays'],
    ['a malformed actor id', { actorId: 'Rwanda' }, 'BAD_USER_INPUT', 'actorId'],
    [
      'a pledge id where the actor id is expected',
      { actorId: toGlobalId('CapabilityPledge', '00000000-0000-4000-8000-000000000000') },
      'BAD_USER_INPUT',
      'actorId',
    ],
    [
      'an actor that does not exist',
      { actorId: toGlobalId('Actor', '00000000-0000-4000-8000-000000000000') },
      'NOT_FOUND',
      'actorId',
    ],
  ])('refuses to pledge %s, naming the field, and records nothing', async (_label, override, code, field) => {
    const actor = await makeActor(api.db);
    const before = await countAll();
    const res = await api.gql(PLEDGE, {
      input: { actorId: actor.gid, capability: 'MEDIATORS', quantity: 2, readinessDays: 14, ...override },
    });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await pledgesOf(actor.gid)).toEqual([]);
    expect(await countAll()).toBe(before);
  });

  it.each([
    ['a quantity of zero', { quantity: 0 }, 'quantity'],
    ['a negative readiness', { readinessDays: -7 }, 'readinessDays'],
    ['an empty capability', { capability: null }, 'capability'],
    ['an actor id where the pledge id is expected', { id: 'ACTOR' }, 'id'],
  ])('refuses an update with %s, naming the field, and changes nothing', async (_label, override, field) => {
    const actor = await makeActor(api.db);
    const pledge = await makePledge(api.db, { actorId: actor.id, quantity: 5, readinessDays: 45 });
    const input: Record<string, unknown> = { id: pledge.gid, expectedVersion: 1, ...override };
    if (input.id === 'ACTOR') input.id = actor.gid;
    const res = await api.gql(UPDATE, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(ok(await api.gql(NODE, { id: pledge.gid })).node).toMatchObject({
      capability: 'FORMED_POLICE_UNIT',
      quantity: 5,
      readinessDays: 45,
      version: 1,
    });
  });

  it.each([
    ['nobody', asNobody, 'UNAUTHENTICATED'],
    ['a viewer', asRole('VIEWER'), 'FORBIDDEN'],
    ['a partner', asRole('PARTNER'), 'FORBIDDEN'],
  ])('refuses %s pledging or changing a pledge, and changes nothing', async (_label, as, code) => {
    const actor = await makeActor(api.db);
    const pledge = await makePledge(api.db, { actorId: actor.id, quantity: 5 });
    const headers = await as();
    const before = await countAll();
    const input = { actorId: actor.gid, capability: 'MEDIATORS', quantity: 2, readinessDays: 14 };
    expect(errorCode(await api.gql(PLEDGE, { input }, headers))).toBe(code);
    expect(
      errorCode(
        await api.gql(UPDATE, { input: { id: pledge.gid, expectedVersion: 1, quantity: 1 } }, headers),
      ),
    ).toBe(code);
    expect(await countAll()).toBe(before);
    expect(ok(await api.gql(NODE, { id: pledge.gid })).node).toMatchObject({ quantity: 5, version: 1 });
  });
});
