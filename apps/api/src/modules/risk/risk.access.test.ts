import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import type { Made } from '../../../test/factories';
import { countStatements } from '../../../test/factories-graph';
import {
  GROUPS,
  type Group,
  makeAccessWorld,
  makeAssessment,
  makeStagedSituation,
  riskFactorGid,
} from '../../../test/factories-situations';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
let world: Awaited<ReturnType<typeof makeAccessWorld>>;

/** Assessments of the staged situation, newest first, and one of the quiet situation. */
const STAGED = ['confidential', 'restricted', 'participants', 'public'] as const;
type Key = (typeof STAGED)[number] | 'authored';
const assessment = {} as Record<Key, Made & { scoreGid: string }>;

beforeAll(async () => {
  api = await startTestApi();
  world = await makeAccessWorld(api);
  const make = async (key: Key, values: Parameters<typeof makeAssessment>[1]) => {
    const made = await makeAssessment(api.db, {
      status: 'PUBLISHED',
      summary: `${key} summary`,
      scores: [{ factor: 1, level: 'HIGH', rationale: `${key} rationale` }],
      ...values,
    });
    const [score] = await api.db.query<{ id: string }>(
      'SELECT id FROM risk_factor_score WHERE assessment_id = $1',
      [made.id],
    );
    assessment[key] = { ...made, scoreGid: toGlobalId('RiskFactorScore', score.id) };
  };
  const on = world.situation.id;
  await make('public', { situationId: on, classification: 'PUBLIC', assessedOn: '2024-01-01' });
  await make('participants', { situationId: on, classification: 'PARTICIPANTS', assessedOn: '2024-02-01' });
  await make('restricted', { situationId: on, classification: 'RESTRICTED', assessedOn: '2024-03-01' });
  await make('confidential', {
    situationId: on,
    classification: 'CONFIDENTIAL',
    assessedOn: '2024-04-01',
    authorActorId: world.org.lead.id,
  });
  await make('authored', {
    situationId: world.quiet.id,
    classification: 'RESTRICTED',
    authorActorId: world.org.unrelated.id,
  });
});
afterAll(() => api?.close());

/** What each group may read: by clearance within the plan's organisations, or as the author. */
const READABLE: Record<Group, readonly Key[]> = {
  anonymous: [],
  viewer: ['participants', 'public'],
  partnerAssigned: ['public'],
  partnerUnrelated: ['public'],
  liaisonLead: ['confidential', 'restricted', 'participants', 'public'],
  liaisonContributor: ['restricted', 'participants', 'public'],
  liaisonUnrelated: ['public', 'authored'],
  admin: ['confidential', 'restricted', 'participants', 'public', 'authored'],
  tokenReadGraph: [],
  tokenReadAssessments: ['participants', 'public'],
  tokenWriteAssignments: [],
};
const KEYS = [...STAGED, 'authored'] as const;
const keyOf = (gid: string) => KEYS.find((k) => assessment[k].gid === gid);

describe('reading assessments', () => {
  it.each(GROUPS)(
    'node(s) answers %s with the readable assessments and scores, null for the rest',
    async (group) => {
      const res = ok(
        await api.gql(
          `query($ids: [ID!]!, $scores: [ID!]!) {
          nodes(ids: $ids) { ... on RiskAssessment { id } }
          scores: nodes(ids: $scores) { ... on RiskFactorScore { id } }
        }`,
          { ids: KEYS.map((k) => assessment[k].gid), scores: KEYS.map((k) => assessment[k].scoreGid) },
          world.as[group],
        ),
      );
      const readable = KEYS.filter((k) => READABLE[group].includes(k));
      expect(
        res.nodes
          .map((n: { id: string } | null) => n && keyOf(n.id))
          .filter(Boolean)
          .sort(),
      ).toEqual([...readable].sort());
      expect(res.scores.map((n: { id: string } | null) => n?.id ?? null)).toEqual(
        KEYS.map((k) => (READABLE[group].includes(k) ? assessment[k].scoreGid : null)),
      );
    },
  );

  const SITUATIONS = `query($search: String) {
    situations(first: 10, filter: { search: $search }) { edges { node {
      name
      latestAssessment { id }
      assessments(first: 10) { totalCount edges { node { id scores { id } } } }
    } } }
  }`;

  it.each(GROUPS.filter((g) => g !== 'anonymous' && g !== 'tokenWriteAssignments'))(
    'shows %s only readable assessments in situation.assessments, its totalCount and latestAssessment',
    async (group) => {
      const edges = ok(await api.gql(SITUATIONS, { search: world.tag }, world.as[group])).situations.edges;
      const staged = edges.find((e: { node: { name: string } }) => e.node.name.endsWith('staged')).node;
      const expected = STAGED.filter((k) => READABLE[group].includes(k));
      expect(staged.assessments.edges.map((e: { node: { id: string } }) => keyOf(e.node.id))).toEqual(
        expected,
      );
      expect(staged.assessments.totalCount).toBe(expected.length);
      for (const { node } of staged.assessments.edges) {
        expect(node.scores).toEqual([{ id: assessment[keyOf(node.id) as Key].scoreGid }]);
      }
      expect(staged.latestAssessment?.id ?? null).toBe(expected.length ? assessment[expected[0]].gid : null);
      const quiet = edges.find((e: { node: { name: string } }) => e.node.name.endsWith('quiet')).node;
      expect(quiet.assessments.totalCount).toBe(READABLE[group].includes('authored') ? 1 : 0);
    },
  );

  it('refuses the situation lists to an anonymous caller and hides situations from a token without read:graph', async () => {
    expect(errorCode(await api.gql(SITUATIONS, { search: world.tag }, world.as.anonymous))).toBe(
      'UNAUTHENTICATED',
    );
    const res = ok(await api.gql(SITUATIONS, { search: world.tag }, world.as.tokenWriteAssignments));
    expect(res.situations.edges).toEqual([]);
    const one = await api.gql(
      `query($id: ID!) { situation(id: $id) { id } }`,
      { id: world.situation.gid },
      world.as.tokenWriteAssignments,
    );
    expect(errorCode(one)).toBe('NOT_FOUND');
  });

  it.each([
    ['viewer', false],
    ['partnerAssigned', false],
    ['partnerUnrelated', false],
    ['liaisonLead', true],
    ['liaisonContributor', true],
    ['liaisonUnrelated', true],
    ['admin', true],
    ['tokenReadAssessments', false],
  ] as const)(
    'gives %s the summary and rationales only when cleared for texts (%s)',
    async (group, cleared) => {
      const node = ok(
        await api.gql(
          `query($id: ID!) { node(id: $id) { ... on RiskAssessment { overallLevel summary scores { level rationale } } } }`,
          { id: assessment.public.gid },
          world.as[group],
        ),
      ).node;
      expect(node).toEqual({
        overallLevel: 'MODERATE',
        summary: cleared ? 'public summary' : null,
        scores: [{ level: 'HIGH', rationale: cleared ? 'public rationale' : null }],
      });
    },
  );

  it('reads assessments of many situations as a viewer in a number of statements that does not grow', async () => {
    const tag = `Batch ${Math.random().toString(36).slice(2, 8)}`;
    const addSituation = async () => {
      const s = await makeStagedSituation(api.db, world.org, `${tag} staged`);
      for (const classification of ['PUBLIC', 'PARTICIPANTS', 'RESTRICTED'] as const) {
        await makeAssessment(api.db, {
          situationId: s.id,
          classification,
          scores: [{ factor: 2, level: 'LOW' }],
        });
      }
    };
    const read = () =>
      countStatements(api.db, async () => ok(await api.gql(SITUATIONS, { search: tag }, world.as.viewer)));
    await addSituation();
    const few = await read();
    for (let i = 0; i < 4; i++) await addSituation();
    const many = await read();
    const edges = many.result.situations.edges;
    expect(edges).toHaveLength(5);
    for (const { node } of edges) expect(node.assessments.totalCount).toBe(2);
    expect(many.statements).toBe(few.statements);
  });
});

const CREATE = `mutation($input: CreateRiskAssessmentInput!) {
  createRiskAssessment(input: $input) { riskAssessment { id authorActor { id } } }
}`;
const UPDATE = `mutation($input: UpdateRiskAssessmentInput!) { updateRiskAssessment(input: $input) { riskAssessment { version } } }`;
const SCORE = `mutation($input: ScoreRiskFactorInput!) { scoreRiskFactor(input: $input) { riskAssessment { version } } }`;

const assessmentCount = async (situationId: string) =>
  (
    await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM risk_assessment WHERE situation_id = $1',
      [situationId],
    )
  )[0].n;
const stored = async (id: string) =>
  (
    await api.db.query(
      `SELECT ra.version, ra.summary, (SELECT count(*)::int FROM risk_factor_score sc WHERE sc.assessment_id = ra.id) AS scores
       FROM risk_assessment ra WHERE ra.id = $1`,
      [id],
    )
  )[0];

describe('writing assessments', () => {
  it.each([
    ['anonymous', 'UNAUTHENTICATED', null],
    ['viewer', 'FORBIDDEN', null],
    ['partnerAssigned', 'FORBIDDEN', null],
    ['partnerUnrelated', 'FORBIDDEN', null],
    ['liaisonLead', 'OK', 'lead'],
    ['liaisonContributor', 'OK', 'contributor'],
    ['liaisonUnrelated', 'OK', 'unrelated'],
    ['admin', 'OK', null],
    ['tokenReadGraph', 'FORBIDDEN', null],
    ['tokenReadAssessments', 'FORBIDDEN', null],
    ['tokenWriteAssignments', 'FORBIDDEN', null],
  ] as const)(
    'createRiskAssessment as %s: %s, authored by the liaison’s organisation',
    async (group, outcome, author) => {
      const situation = await makeStagedSituation(api.db, world.org);
      const input = {
        situationId: situation.gid,
        assessedOn: '2024-05-01',
        scores: [{ riskFactorNumber: 3, level: 'LOW' }],
      };
      const res = await api.gql(CREATE, { input }, world.as[group]);
      if (outcome === 'OK') {
        expect(ok(res).createRiskAssessment.riskAssessment.authorActor).toEqual(
          author ? { id: world.org[author].gid } : null,
        );
        expect(await assessmentCount(situation.id)).toBe(1);
      } else {
        expect(errorCode(res)).toBe(outcome);
        expect(await assessmentCount(situation.id)).toBe(0);
      }
    },
  );

  it.each([
    ['liaisonLead', 'lead', 'OK'],
    ['liaisonContributor', 'lead', 'FORBIDDEN'],
    ['liaisonUnrelated', 'contributor', 'FORBIDDEN'],
    ['admin', 'contributor', 'OK'],
  ] as const)('createRiskAssessment as %s naming %s as author: %s', async (group, author, outcome) => {
    const situation = await makeStagedSituation(api.db, world.org);
    const input = {
      situationId: situation.gid,
      assessedOn: '2024-05-01',
      authorActorId: world.org[author].gid,
      scores: [],
    };
    const res = await api.gql(CREATE, { input }, world.as[group]);
    if (outcome === 'OK')
      expect(ok(res).createRiskAssessment.riskAssessment.authorActor.id).toBe(world.org[author].gid);
    else expect(errorCode(res)).toBe(outcome);
    expect(await assessmentCount(situation.id)).toBe(outcome === 'OK' ? 1 : 0);
  });

  /** Who may change an assessment the lead organisation authored, and how a refusal reads. */
  const CHANGES = [
    ['anonymous', 'RESTRICTED', 'UNAUTHENTICATED'],
    ['viewer', 'RESTRICTED', 'FORBIDDEN'],
    ['partnerAssigned', 'RESTRICTED', 'FORBIDDEN'],
    ['partnerUnrelated', 'RESTRICTED', 'FORBIDDEN'],
    ['liaisonLead', 'RESTRICTED', 'OK'],
    ['liaisonContributor', 'RESTRICTED', 'FORBIDDEN'],
    ['liaisonUnrelated', 'RESTRICTED', 'NOT_FOUND'],
    ['admin', 'RESTRICTED', 'OK'],
    ['tokenReadGraph', 'RESTRICTED', 'FORBIDDEN'],
    ['tokenWriteAssignments', 'RESTRICTED', 'FORBIDDEN'],
    ['liaisonLead', 'CONFIDENTIAL', 'OK'],
    ['liaisonContributor', 'CONFIDENTIAL', 'NOT_FOUND'],
    ['viewer', 'PARTICIPANTS', 'FORBIDDEN'],
  ] as const;

  async function leadAssessment(classification: 'PARTICIPANTS' | 'RESTRICTED' | 'CONFIDENTIAL') {
    const situation = await makeStagedSituation(api.db, world.org);
    return makeAssessment(api.db, {
      situationId: situation.id,
      classification,
      summary: 'as written',
      authorActorId: world.org.lead.id,
      scores: [{ factor: 1, level: 'LOW' }],
    });
  }

  it.each(CHANGES)(
    'updateRiskAssessment as %s on a %s assessment of the lead: %s',
    async (group, classification, outcome) => {
      const a = await leadAssessment(classification);
      const res = await api.gql(
        UPDATE,
        { input: { id: a.gid, expectedVersion: 1, summary: 'changed' } },
        world.as[group],
      );
      if (outcome === 'OK') {
        expect(ok(res).updateRiskAssessment.riskAssessment.version).toBe(2);
        expect(await stored(a.id)).toEqual({ version: 2, summary: 'changed', scores: 1 });
      } else {
        expect(errorCode(res)).toBe(outcome);
        expect(await stored(a.id)).toEqual({ version: 1, summary: 'as written', scores: 1 });
      }
    },
  );

  it.each(CHANGES)(
    'scoreRiskFactor as %s on a %s assessment of the lead: %s',
    async (group, classification, outcome) => {
      const a = await leadAssessment(classification);
      const input = {
        assessmentId: a.gid,
        expectedVersion: 1,
        riskFactorId: riskFactorGid(9),
        level: 'VERY_HIGH',
      };
      const res = await api.gql(SCORE, { input }, world.as[group]);
      if (outcome === 'OK') {
        expect(ok(res).scoreRiskFactor.riskAssessment.version).toBe(2);
        expect(await stored(a.id)).toEqual({ version: 2, summary: 'as written', scores: 2 });
      } else {
        expect(errorCode(res)).toBe(outcome);
        if (outcome === 'NOT_FOUND') expect(res.errors?.[0].extensions?.field).toBe('assessmentId');
        expect(await stored(a.id)).toEqual({ version: 1, summary: 'as written', scores: 1 });
      }
    },
  );

  it.each([
    ['liaisonLead', 'FORBIDDEN'],
    ['admin', 'OK'],
  ] as const)(
    'lets only administrators change an assessment without an author organisation (%s: %s)',
    async (group, outcome) => {
      const situation = await makeStagedSituation(api.db, world.org);
      const a = await makeAssessment(api.db, {
        situationId: situation.id,
        classification: 'RESTRICTED',
        summary: 'as written',
      });
      const res = await api.gql(
        UPDATE,
        { input: { id: a.gid, expectedVersion: 1, summary: 'changed' } },
        world.as[group],
      );
      if (outcome === 'OK') ok(res);
      else expect(errorCode(res)).toBe(outcome);
      expect((await stored(a.id)).version).toBe(outcome === 'OK' ? 2 : 1);
    },
  );

  it('lets the author raise an assessment to CONFIDENTIAL, after which only its liaisons and administrators see it', async () => {
    const situation = await makeStagedSituation(api.db, world.org);
    const created = ok(
      await api.gql(
        CREATE,
        { input: { situationId: situation.gid, assessedOn: '2024-05-01', scores: [] } },
        world.as.liaisonLead,
      ),
    ).createRiskAssessment.riskAssessment;
    const visibleTo = async (group: Group) =>
      ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: created.id }, world.as[group]))
        .node !== null;
    expect(await visibleTo('liaisonContributor')).toBe(true);
    ok(
      await api.gql(
        UPDATE,
        { input: { id: created.id, expectedVersion: 1, classification: 'CONFIDENTIAL' } },
        world.as.liaisonLead,
      ),
    );
    expect(await visibleTo('liaisonContributor')).toBe(false);
    expect(await visibleTo('liaisonLead')).toBe(true);
    expect(await visibleTo('admin')).toBe(true);
  });
});
