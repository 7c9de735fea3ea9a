import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { countStatements, makePartnership } from '../../../test/factories-graph';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

let tagCounter = 0;
const tag = () => `P${++tagCounter}-${Math.random().toString(36).slice(2, 6)}`;

const PARTNERS = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String,
    $kind: PartnershipKind, $kinds: [PartnershipKind!], $asOf: LocalDate, $status: PartnershipStatus) {
  actor(id: $id) {
    partners(first: $first, after: $after, last: $last, before: $before, kind: $kind, kinds: $kinds, asOf: $asOf, status: $status) {
      totalCount
      edges { cursor direction node { id name } partnership { id kind source { name } target { name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

async function partners(id: string, args: Record<string, unknown> = {}): Promise<PartnerPage> {
  return ok(await api.gql(PARTNERS, { id, first: 20, ...args })).actor.partners;
}

type PartnerEdge = {
  cursor: string;
  direction: 'OUTGOING' | 'INCOMING';
  node: { id: string; name: string };
  partnership: { id: string; kind: string; source: { name: string }; target: { name: string } };
};
type PartnerPage = {
  totalCount: number;
  edges: PartnerEdge[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

const names = (connection: PartnerPage) => connection.edges.map((e) => e.node.name);

/** The UNMISS neighbourhood: edges pointing both into and out of the mission. */
async function unmissGraph() {
  const t = tag();
  const unmiss = await makeActor(api.db, { name: `${t} UNMISS`, kind: 'UN_PEACE_OPERATION' });
  const southSudan = await makeActor(api.db, { name: `${t} South Sudan`, kind: 'MEMBER_STATE' });
  const council = await makeActor(api.db, { name: `${t} Security Council`, kind: 'UN_PRINCIPAL_ORGAN' });
  const ocha = await makeActor(api.db, { name: `${t} OCHA`, kind: 'UN_AGENCY_FUND_PROGRAMME' });
  const hosts = await makePartnership(api.db, {
    sourceId: southSudan.id,
    targetId: unmiss.id,
    kind: 'HOSTS',
    validFrom: '2011-07-09',
  });
  const authorizes = await makePartnership(api.db, {
    sourceId: council.id,
    targetId: unmiss.id,
    kind: 'AUTHORIZES',
    validFrom: '2011-07-08',
  });
  const coordinates = await makePartnership(api.db, {
    sourceId: unmiss.id,
    targetId: ocha.id,
    kind: 'COORDINATES_WITH',
    status: 'SUSPENDED',
  });
  return { t, unmiss, southSudan, council, ocha, hosts, authorizes, coordinates };
}

describe('Actor.partners', () => {
  it('lists partners in both directions of each partnership, reporting the direction seen from the actor', async () => {
    const g = await unmissGraph();
    const result = await partners(g.unmiss.gid);
    expect(result.totalCount).toBe(3);
    expect(result.edges.map((e) => [e.node.name, e.direction, e.partnership.kind])).toEqual([
      [`${g.t} OCHA`, 'OUTGOING', 'COORDINATES_WITH'],
      [`${g.t} Security Council`, 'INCOMING', 'AUTHORIZES'],
      [`${g.t} South Sudan`, 'INCOMING', 'HOSTS'],
    ]);
    expect(result.edges[2].partnership).toMatchObject({
      id: g.hosts.gid,
      source: { name: `${g.t} South Sudan` },
      target: { name: `${g.t} UNMISS` },
    });

    const fromHost = await partners(g.southSudan.gid);
    expect(fromHost.edges.map((e) => [e.node.id, e.direction])).toEqual([[g.unmiss.gid, 'OUTGOING']]);
  });

  it('filters partners by kind, by any of several kinds, and by status', async () => {
    const g = await unmissGraph();
    expect(names(await partners(g.unmiss.gid, { kind: 'HOSTS' }))).toEqual([`${g.t} South Sudan`]);
    expect(names(await partners(g.unmiss.gid, { kinds: ['HOSTS', 'AUTHORIZES'] }))).toEqual([
      `${g.t} Security Council`,
      `${g.t} South Sudan`,
    ]);
    expect(names(await partners(g.unmiss.gid, { kind: 'COORDINATES_WITH', kinds: ['HOSTS'] }))).toEqual([
      `${g.t} OCHA`,
      `${g.t} South Sudan`,
    ]);
    const suspended = await partners(g.unmiss.gid, { status: 'SUSPENDED' });
    expect(names(suspended)).toEqual([`${g.t} OCHA`]);
    expect(suspended.totalCount).toBe(1);
  });

  it('answers "as of" a date: a bounded partnership only inside its range, an open-ended one from its start on', async () => {
    const t = tag();
    const mission = await makeActor(api.db, { name: `${t} mission` });
    const bounded = await makeActor(api.db, { name: `${t} bounded` });
    const open = await makeActor(api.db, { name: `${t} open` });
    await makePartnership(api.db, {
      sourceId: bounded.id,
      targetId: mission.id,
      validFrom: '2011-01-01',
      validTo: '2022-12-31',
    });
    await makePartnership(api.db, { sourceId: mission.id, targetId: open.id, validFrom: '2011-07-09' });

    expect(names(await partners(mission.gid, { asOf: '2015-06-30' }))).toEqual([`${t} bounded`, `${t} open`]);
    expect(names(await partners(mission.gid, { asOf: '2022-12-31' }))).toEqual([`${t} bounded`, `${t} open`]);
    expect(names(await partners(mission.gid, { asOf: '2023-01-01' }))).toEqual([`${t} open`]);
    expect(names(await partners(mission.gid, { asOf: '2099-01-01' }))).toEqual([`${t} open`]);
    expect(names(await partners(mission.gid, { asOf: '2011-07-08' }))).toEqual([`${t} bounded`]);
    expect(names(await partners(mission.gid, { asOf: '2010-12-31' }))).toEqual([]);
    const undated = await partners(mission.gid);
    expect(names(undated)).toEqual([`${t} bounded`, `${t} open`]);
    expect((await partners(mission.gid, { asOf: '2023-01-01' })).totalCount).toBe(1);
  });

  it('pages partners forwards and backwards, listing a partner once per partnership', async () => {
    const t = tag();
    const hub = await makeActor(api.db, { name: `${t} hub` });
    for (const letter of ['C', 'A', 'E', 'B', 'D']) {
      const other = await makeActor(api.db, { name: `${t} ${letter}` });
      await makePartnership(api.db, { sourceId: hub.id, targetId: other.id, kind: 'FUNDS' });
      if (letter === 'B')
        await makePartnership(api.db, { sourceId: other.id, targetId: hub.id, kind: 'SUPPORTS' });
    }
    const letters = (c: PartnerPage) => c.edges.map((e) => e.node.name.slice(-1));

    const first = await partners(hub.gid, { first: 2 });
    expect(letters(first)).toEqual(['A', 'B']);
    expect(first.totalCount).toBe(6);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await partners(hub.gid, { first: 2, after: first.pageInfo.endCursor });
    expect(letters(second)).toEqual(['B', 'C']);
    const third = await partners(hub.gid, { first: 2, after: second.pageInfo.endCursor });
    expect(letters(third)).toEqual(['D', 'E']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const directionsOfB = [first.edges[1], second.edges[0]].map((e) => e.direction).sort();
    expect(directionsOfB).toEqual(['INCOMING', 'OUTGOING']);

    const tail = await partners(hub.gid, { first: undefined, last: 2 });
    expect(letters(tail)).toEqual(['D', 'E']);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const back = await partners(hub.gid, { first: undefined, last: 3, before: tail.pageInfo.startCursor });
    expect(letters(back)).toEqual(['B', 'B', 'C']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = await partners(hub.gid, { first: undefined, last: 3, before: back.pageInfo.startCursor });
    expect(letters(start)).toEqual(['A']);
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it('refuses a forged cursor and an oversized page', async () => {
    const hub = await makeActor(api.db);
    for (const [args, field] of [
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
      [{ first: 101 }, 'first'],
    ] as const) {
      const res = await api.gql(PARTNERS, { id: hub.gid, ...args });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
    }
  });

  it('reads the partners of many actors in a number of statements that does not grow with the actors', async () => {
    const t = tag();
    const query = `query($search: String) { actors(first: 10, filter: { search: $search }) { edges { node {
      name partners(first: 3) { totalCount edges { direction node { name } partnership { kind source { name } target { name } } } }
    } } } }`;
    const addActorWithPartners = async () => {
      const actor = await makeActor(api.db, { name: `${t} member` });
      const a = await makeActor(api.db, { name: `${t}-x partner` });
      const b = await makeActor(api.db, { name: `${t}-x partner` });
      await makePartnership(api.db, { sourceId: actor.id, targetId: a.id });
      await makePartnership(api.db, { sourceId: b.id, targetId: actor.id });
    };
    const statementsFor = async () => {
      const { statements, result } = await countStatements(api.db, async () =>
        ok(await api.gql(query, { search: `${t} member` })),
      );
      return { statements, rows: result.actors.edges };
    };

    await addActorWithPartners();
    await addActorWithPartners();
    const few = await statementsFor();
    for (let i = 0; i < 6; i++) await addActorWithPartners();
    const many = await statementsFor();
    expect(many.rows).toHaveLength(8);
    expect(
      many.rows.every(
        (r: { node: { partners: PartnerPage } }) =>
          r.node.partners.totalCount === 2 && r.node.partners.edges.length === 2,
      ),
    ).toBe(true);
    expect(many.statements).toBe(few.statements);
  });
});
