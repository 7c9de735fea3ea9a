import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import type { Made } from '../../../test/factories';
import {
  GROUPS,
  type Group,
  makeAccessWorld,
  makeObservation,
  makeSituation,
  makeStagedSituation,
} from '../../../test/factories-situations';

let api: TestApi;
let world: Awaited<ReturnType<typeof makeAccessWorld>>;

/** Observations of the staged situation, most recent first. They have no author organisation. */
const KEYS = ['confidential', 'restricted', 'participants', 'public'] as const;
type Key = (typeof KEYS)[number];
const observation = {} as Record<Key, Made>;

beforeAll(async () => {
  api = await startTestApi();
  world = await makeAccessWorld(api);
  const classes = {
    confidential: 'CONFIDENTIAL',
    restricted: 'RESTRICTED',
    participants: 'PARTICIPANTS',
    public: 'PUBLIC',
  } as const;
  for (const [i, key] of KEYS.entries()) {
    observation[key] = await makeObservation(api.db, {
      situationId: world.situation.id,
      occurredOn: `2024-0${9 - i}-01`,
      classification: classes[key],
    });
  }
});
afterAll(() => api?.close());

/** Situations: every signed-in reader of the graph. Observations: by clearance within the plan's organisations. */
const READS: Record<Group, { situations: boolean; observations: readonly Key[] }> = {
  anonymous: { situations: false, observations: [] },
  viewer: { situations: true, observations: ['participants', 'public'] },
  partnerAssigned: { situations: true, observations: ['public'] },
  partnerUnrelated: { situations: true, observations: ['public'] },
  liaisonLead: { situations: true, observations: ['restricted', 'participants', 'public'] },
  liaisonContributor: { situations: true, observations: ['restricted', 'participants', 'public'] },
  liaisonUnrelated: { situations: true, observations: ['public'] },
  admin: { situations: true, observations: KEYS },
  tokenReadGraph: { situations: true, observations: [] },
  tokenReadAssessments: { situations: true, observations: ['participants', 'public'] },
  tokenWriteAssignments: { situations: false, observations: [] },
};
const keyOf = (gid: string) => KEYS.find((k) => observation[k].gid === gid);

describe('reading situations and observations', () => {
  it.each(GROUPS)(
    'node(s) answers %s with readable situations and observations, null for the rest',
    async (group) => {
      const ids = [world.situation.gid, world.quiet.gid, ...KEYS.map((k) => observation[k].gid)];
      const nodes = ok(
        await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, world.as[group]),
      ).nodes.map((n: { id: string } | null) => n?.id ?? null);
      const { situations, observations } = READS[group];
      expect(nodes).toEqual([
        situations ? world.situation.gid : null,
        situations ? world.quiet.gid : null,
        ...KEYS.map((k) => (observations.includes(k) ? observation[k].gid : null)),
      ]);
    },
  );

  const LIST = `query($search: String) {
    situations(first: 10, filter: { search: $search }) {
      totalCount
      edges { node { id observations(first: 10) { totalCount edges { node { id situation { id } } } } } }
    }
  }`;

  it.each(GROUPS.filter((g) => g !== 'anonymous'))(
    'lists to %s the readable situations, and in situation.observations only readable ones with a matching totalCount',
    async (group) => {
      const { situations } = ok(await api.gql(LIST, { search: world.tag }, world.as[group]));
      const { observations } = READS[group];
      if (!READS[group].situations) {
        expect(situations).toEqual({ totalCount: 0, edges: [] });
        return;
      }
      expect(situations.totalCount).toBe(2);
      const staged = situations.edges.find(
        (e: { node: { id: string } }) => e.node.id === world.situation.gid,
      ).node;
      expect(staged.observations.edges.map((e: { node: { id: string } }) => keyOf(e.node.id))).toEqual(
        observations,
      );
      expect(staged.observations.totalCount).toBe(observations.length);
      for (const { node } of staged.observations.edges) expect(node.situation.id).toBe(world.situation.gid);
    },
  );

  it.each([
    ['situations', `{ situations(first: 1) { totalCount } }`],
    ['situation', `query($id: ID!) { situation(id: $id) { id } }`],
  ])('refuses %s to an anonymous caller', async (_name, query) => {
    expect(errorCode(await api.gql(query, { id: world.situation.gid }, world.as.anonymous))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers situation(id) with NOT_FOUND to a token that may not read the graph, as for a missing one', async () => {
    const res = await api.gql(
      `query($id: ID!) { situation(id: $id) { id } }`,
      { id: world.situation.gid },
      world.as.tokenWriteAssignments,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});

const CREATE = `mutation($input: CreateSituationInput!) { createSituation(input: $input) { situation { id } } }`;
const UPDATE = `mutation($input: UpdateSituationInput!) { updateSituation(input: $input) { situation { version } } }`;
const RECORD = `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id classification } } }`;
const UPDATE_OBSERVATION = `mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { observation { version } } }`;

const situationRow = async (id: string) =>
  (await api.db.query('SELECT name, version FROM situation WHERE id = $1', [id]))[0];
const situationsNamed = async (name: string) =>
  (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM situation WHERE name = $1', [name]))[0]
    .n;
const observationsOf = async (situationId: string) =>
  (
    await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation WHERE situation_id = $1', [
      situationId,
    ])
  )[0].n;

/** Managing situations and recording evidence: liaisons and administrators. */
const MANAGE: readonly (readonly [Group, string])[] = [
  ['anonymous', 'UNAUTHENTICATED'],
  ['viewer', 'FORBIDDEN'],
  ['partnerAssigned', 'FORBIDDEN'],
  ['partnerUnrelated', 'FORBIDDEN'],
  ['liaisonLead', 'OK'],
  ['liaisonUnrelated', 'OK'],
  ['admin', 'OK'],
  ['tokenReadGraph', 'FORBIDDEN'],
  ['tokenWriteAssignments', 'FORBIDDEN'],
];

describe('writing situations and observations', () => {
  it.each(MANAGE)('createSituation and updateSituation as %s: %s', async (group, outcome) => {
    const name = `Created by ${group} ${Math.random().toString(36).slice(2, 8)}`;
    const created = await api.gql(CREATE, { input: { name, countryCode: 'SD' } }, world.as[group]);
    const existing = await makeSituation(api.db, { name: 'As written' });
    const updated = await api.gql(
      UPDATE,
      { input: { id: existing.gid, expectedVersion: 1, name: 'Changed' } },
      world.as[group],
    );
    if (outcome === 'OK') {
      ok(created);
      ok(updated);
      expect(await situationsNamed(name)).toBe(1);
      expect(await situationRow(existing.id)).toEqual({ name: 'Changed', version: 2 });
    } else {
      expect([errorCode(created), errorCode(updated)]).toEqual([outcome, outcome]);
      expect(await situationsNamed(name)).toBe(0);
      expect(await situationRow(existing.id)).toEqual({ name: 'As written', version: 1 });
    }
  });

  it.each(MANAGE)('recordObservation as %s: %s', async (group, outcome) => {
    const situation = await makeStagedSituation(api.db, world.org);
    const input = {
      situationId: situation.gid,
      occurredOn: '2024-03-03',
      title: 'Shelling reported',
      classification: 'RESTRICTED',
    };
    const res = await api.gql(RECORD, { input }, world.as[group]);
    if (outcome === 'OK') expect(ok(res).recordObservation.observation.classification).toBe('RESTRICTED');
    else expect(errorCode(res)).toBe(outcome);
    expect(await observationsOf(situation.id)).toBe(outcome === 'OK' ? 1 : 0);
  });

  it.each([
    ...MANAGE.filter(([group]) => group !== 'liaisonUnrelated'),
    ['liaisonContributor', 'OK'],
    // A RESTRICTED observation of a plan its organisation has no part in is unknown to this liaison.
    ['liaisonUnrelated', 'NOT_FOUND'],
  ] as const)('updateObservation of a RESTRICTED observation as %s: %s', async (group, outcome) => {
    const situation = await makeStagedSituation(api.db, world.org);
    const o = await makeObservation(api.db, {
      situationId: situation.id,
      title: 'As written',
      classification: 'RESTRICTED',
    });
    const res = await api.gql(
      UPDATE_OBSERVATION,
      { input: { id: o.gid, expectedVersion: 1, title: 'Changed' } },
      world.as[group],
    );
    if (outcome === 'OK') expect(ok(res).updateObservation.observation.version).toBe(2);
    else expect(errorCode(res)).toBe(outcome);
    const [row] = await api.db.query('SELECT title, version FROM observation WHERE id = $1', [o.id]);
    expect(row).toEqual(
      outcome === 'OK' ? { title: 'Changed', version: 2 } : { title: 'As written', version: 1 },
    );
  });
});
