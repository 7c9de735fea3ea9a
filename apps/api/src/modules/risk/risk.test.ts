import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAssessment, makeSituation, riskFactorGid, rowCounts } from '../../../test/factories-situations';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const ASSESSMENT_FIELDS = `id version status assessedOn overallLevel summary
  situation { id } authorActor { id name }
  scores { id level trend confidence rationale version riskFactor { number } }`;
const CREATE = `mutation($input: CreateRiskAssessmentInput!) {
  createRiskAssessment(input: $input) { riskAssessment { ${ASSESSMENT_FIELDS} } }
}`;
const UPDATE = `mutation($input: UpdateRiskAssessmentInput!) {
  updateRiskAssessment(input: $input) { riskAssessment { ${ASSESSMENT_FIELDS} } }
}`;
const SCORE = `mutation($input: ScoreRiskFactorInput!) {
  scoreRiskFactor(input: $input) {
    riskAssessment { ${ASSESSMENT_FIELDS} }
    score { id level trend confidence rationale version riskFactor { number } }
  }
}`;
const READ = `query($id: ID!) { node(id: $id) { ... on RiskAssessment { ${ASSESSMENT_FIELDS} } } }`;
const TABLES = ['risk_assessment', 'risk_factor_score'];

const read = async (gid: string) => ok(await api.gql(READ, { id: gid })).node;
const levels = (assessment: any) => assessment.scores.map((s: any) => [s.riskFactor.number, s.level]);

describe('risk factors', () => {
  it('lists exactly the 14 factors of the Framework, in order, with their categories', async () => {
    const factors = ok(await api.gql(`{ riskFactors { id number name category description } }`)).riskFactors;
    expect(factors.map((f: any) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(factors.map((f: any) => f.category)).toEqual([
      ...Array(8).fill('COMMON'),
      'GENOCIDE',
      'GENOCIDE',
      'CRIMES_AGAINST_HUMANITY',
      'CRIMES_AGAINST_HUMANITY',
      'WAR_CRIMES',
      'WAR_CRIMES',
    ]);
    expect(factors[0]).toMatchObject({
      id: riskFactorGid(1),
      name: 'Situations of armed conflict or other forms of instability',
    });
    expect(factors[9].name).toBe('Signs of an intent to destroy in whole or in part a protected group');
    for (const factor of factors) expect(factor.description.length).toBeGreaterThan(20);
  });

  it('orders indicators by their number, so 1.2 comes before 1.10, and links each back to its factor', async () => {
    const factors = ok(
      await api.gql(`{ riskFactors { number indicators { id code text riskFactor { number } } } }`),
    ).riskFactors;
    const first = factors[0];
    expect(first.indicators.map((i: any) => i.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '1.9',
      '1.10',
      '1.11',
    ]);
    expect(first.indicators[0].text).toBe('International or non-international armed conflict.');
    for (const factor of factors) {
      for (const indicator of factor.indicators) {
        expect(indicator.riskFactor.number).toBe(factor.number);
        expect(indicator.code.startsWith(`${factor.number}.`)).toBe(true);
      }
    }
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename ... on RiskIndicator { code } } }`, {
        id: first.indicators[9].id,
      }),
    ).node;
    expect(node).toEqual({ __typename: 'RiskIndicator', code: '1.10' });
  });

  it('resolves a risk factor through node() and offers no way to change the reference data', async () => {
    const node = ok(
      await api.gql(`query($id: ID!) { node(id: $id) { __typename ... on RiskFactor { number } } }`, {
        id: riskFactorGid(13),
      }),
    ).node;
    expect(node).toEqual({ __typename: 'RiskFactor', number: 13 });
    const mutations = ok(await api.gql(`{ __type(name: "Mutation") { fields { name } } }`)).__type.fields.map(
      (f: any) => f.name,
    );
    expect(mutations.filter((name: string) => /RiskFactor$|RiskIndicator/.test(name))).toEqual([
      'scoreRiskFactor',
    ]);
  });
});

describe('createRiskAssessment', () => {
  it('creates an assessment whose overall level is the highest factor level, scores in factor order', async () => {
    const situation = await makeSituation(api.db);
    const author = await makeActor(api.db, {
      name: 'Office on Genocide Prevention and the Responsibility to Protect',
    });
    const created = ok(
      await api.gql(CREATE, {
        input: {
          situationId: situation.gid,
          assessedOn: '2024-06-30',
          summary: 'Quarterly review',
          authorActorId: author.gid,
          scores: [
            {
              riskFactorNumber: 9,
              level: 'MODERATE',
              trend: 'DETERIORATING',
              confidence: 'HIGH',
              rationale: 'Hate speech',
            },
            { riskFactorId: riskFactorGid(1), level: 'HIGH' },
            { riskFactorNumber: 3, level: 'LOW' },
          ],
        },
      }),
    ).createRiskAssessment.riskAssessment;

    expect(created).toMatchObject({
      version: 1,
      status: 'DRAFT',
      assessedOn: '2024-06-30',
      overallLevel: 'HIGH',
      summary: 'Quarterly review',
      situation: { id: situation.gid },
      authorActor: {
        id: author.gid,
        name: 'Office on Genocide Prevention and the Responsibility to Protect',
      },
    });
    expect(levels(created)).toEqual([
      [1, 'HIGH'],
      [3, 'LOW'],
      [9, 'MODERATE'],
    ]);
    expect(created.scores[2]).toMatchObject({
      trend: 'DETERIORATING',
      confidence: 'HIGH',
      rationale: 'Hate speech',
    });
    expect(created.scores[0]).toMatchObject({ trend: 'STABLE', confidence: 'MEDIUM', rationale: null });
    expect(await read(created.id)).toEqual(created);
  });

  it('gives an assessment with no scores the overall level NONE', async () => {
    const situation = await makeSituation(api.db);
    const created = ok(
      await api.gql(CREATE, { input: { situationId: situation.gid, assessedOn: '2024-01-01', scores: [] } }),
    ).createRiskAssessment.riskAssessment;
    expect(created).toMatchObject({ overallLevel: 'NONE', scores: [], authorActor: null });
  });

  it('keeps right-to-left text and emoji in summaries and rationales', async () => {
    const situation = await makeSituation(api.db);
    const summary = 'تقييم المخاطر — סיכון 🔥';
    const rationale = 'خطاب الكراهية 📢 في ازدياد';
    const created = ok(
      await api.gql(CREATE, {
        input: {
          situationId: situation.gid,
          assessedOn: '2024-01-01',
          summary,
          scores: [{ riskFactorNumber: 8, level: 'HIGH', rationale }],
        },
      }),
    ).createRiskAssessment.riskAssessment;
    expect((await read(created.id)).summary).toBe(summary);
    expect((await read(created.id)).scores[0].rationale).toBe(rationale);
  });

  const base = (situationId: string) => ({ situationId, assessedOn: '2024-01-01' });
  const badId = Buffer.from('RiskFactor:00000000-0000-4000-8000-000000000099').toString('base64url');
  it.each([
    [
      'the same factor scored twice',
      {
        scores: [
          { riskFactorNumber: 2, level: 'LOW' },
          { riskFactorNumber: 2, level: 'HIGH' },
        ],
      },
      'BAD_USER_INPUT',
      'scores',
    ],
    [
      'the same factor named once by number and once by id',
      {
        scores: [
          { riskFactorNumber: 4, level: 'LOW' },
          { riskFactorId: riskFactorGid(4), level: 'LOW' },
        ],
      },
      'BAD_USER_INPUT',
      'scores',
    ],
    [
      'a factor number above 14',
      { scores: [{ riskFactorNumber: 15, level: 'LOW' }] },
      'BAD_USER_INPUT',
      'scores.0.riskFactorNumber',
    ],
    [
      'a factor number of 0',
      { scores: [{ riskFactorNumber: 0, level: 'LOW' }] },
      'BAD_USER_INPUT',
      'scores.0.riskFactorNumber',
    ],
    [
      'a score naming no factor',
      { scores: [{ level: 'LOW' }] },
      'BAD_USER_INPUT',
      'scores.0.riskFactorNumber',
    ],
    [
      'a score naming its factor twice',
      { scores: [{ riskFactorNumber: 1, riskFactorId: riskFactorGid(1), level: 'LOW' }] },
      'BAD_USER_INPUT',
      'scores.0.riskFactorNumber',
    ],
    [
      'a malformed factor id',
      { scores: [{ riskFactorId: 'nope', level: 'LOW' }] },
      'BAD_USER_INPUT',
      'scores.0.riskFactorId',
    ],
    [
      'a factor id that points nowhere',
      { scores: [{ riskFactorId: badId, level: 'LOW' }] },
      'NOT_FOUND',
      'scores.0.riskFactorId',
    ],
    [
      'a rationale longer than 10,000 characters',
      { scores: [{ riskFactorNumber: 1, level: 'LOW', rationale: 'x'.repeat(10_001) }] },
      'BAD_USER_INPUT',
      'scores.0.rationale',
    ],
    [
      'an assessment date in the future',
      { assessedOn: '2999-01-01', scores: [] },
      'BAD_USER_INPUT',
      'assessedOn',
    ],
    ['a malformed author id', { authorActorId: 'nope', scores: [] }, 'BAD_USER_INPUT', 'authorActorId'],
    [
      'an author that does not exist',
      {
        authorActorId: Buffer.from('Actor:00000000-0000-4000-8000-000000000999').toString('base64url'),
        scores: [],
      },
      'NOT_FOUND',
      'authorActorId',
    ],
    [
      'a situation that does not exist',
      {
        situationId: Buffer.from('Situation:00000000-0000-4000-8000-000000000999').toString('base64url'),
        scores: [],
      },
      'NOT_FOUND',
      'situationId',
    ],
  ])('refuses %s, naming the field, and creates nothing', async (_label, input, code, field) => {
    const situation = await makeSituation(api.db);
    const before = await rowCounts(api.db, TABLES);
    const res = await api.gql(CREATE, { input: { ...base(situation.gid), ...input } });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await rowCounts(api.db, TABLES)).toEqual(before);
  });
});

describe('updateRiskAssessment', () => {
  it('changes only the fields sent and bumps the version', async () => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, {
      situationId: situation.id,
      summary: 'draft text',
      scores: [{ factor: 1, level: 'LOW' }],
    });
    const updated = ok(
      await api.gql(UPDATE, {
        input: { id: a.gid, expectedVersion: 1, assessedOn: '2024-02-02' },
      }),
    ).updateRiskAssessment.riskAssessment;
    expect(updated).toMatchObject({
      status: 'DRAFT',
      assessedOn: '2024-02-02',
      summary: 'draft text',
      version: 2,
    });
    const cleared = ok(await api.gql(UPDATE, { input: { id: a.gid, expectedVersion: 2, summary: null } }))
      .updateRiskAssessment.riskAssessment;
    expect(cleared).toMatchObject({ status: 'DRAFT', summary: null, version: 3 });
  });

  it('refuses a stale version with CONFLICT carrying the current version, and changes nothing', async () => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, { situationId: situation.id });
    ok(await api.gql(UPDATE, { input: { id: a.gid, expectedVersion: 1, summary: 'first' } }));
    const stale = await api.gql(UPDATE, { input: { id: a.gid, expectedVersion: 1, summary: 'second' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await read(a.gid)).toMatchObject({ summary: 'first', version: 2 });
  });

  it.each([
    ['a null assessment date', { assessedOn: null }, 'assessedOn'],
    ['a null classification', { classification: null }, 'classification'],
    ['an assessment date in the future', { assessedOn: '2999-12-31' }, 'assessedOn'],
    ['a malformed id', { id: 'nope' }, 'id'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, patch, field) => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'DRAFT',
      assessedOn: '2024-01-15',
    });
    const res = await api.gql(UPDATE, { input: { id: a.gid, expectedVersion: 1, ...patch } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await read(a.gid)).toMatchObject({ status: 'DRAFT', assessedOn: '2024-01-15', version: 1 });
  });
});

describe('scoreRiskFactor', () => {
  async function assessment() {
    const situation = await makeSituation(api.db);
    return ok(
      await api.gql(CREATE, {
        input: {
          situationId: situation.gid,
          assessedOn: '2024-01-01',
          scores: [
            { riskFactorNumber: 1, level: 'MODERATE', trend: 'DETERIORATING', rationale: 'Fighting spreads' },
            { riskFactorNumber: 7, level: 'LOW' },
          ],
        },
      }),
    ).createRiskAssessment.riskAssessment;
  }

  it('adds a score for a new factor, recomputes the overall level and bumps the version once', async () => {
    const a = await assessment();
    const result = ok(
      await api.gql(SCORE, {
        input: {
          assessmentId: a.id,
          expectedVersion: 1,
          riskFactorId: riskFactorGid(10),
          level: 'VERY_HIGH',
        },
      }),
    ).scoreRiskFactor;
    expect(result.riskAssessment).toMatchObject({ overallLevel: 'VERY_HIGH', version: 2 });
    expect(result.score).toMatchObject({
      level: 'VERY_HIGH',
      trend: 'STABLE',
      confidence: 'MEDIUM',
      version: 1,
    });
    expect(result.score.riskFactor.number).toBe(10);
    expect(levels(await read(a.id))).toEqual([
      [1, 'MODERATE'],
      [7, 'LOW'],
      [10, 'VERY_HIGH'],
    ]);
  });

  it('changes an existing score, keeping what is not sent, and can lower the overall level', async () => {
    const a = await assessment();
    const result = ok(
      await api.gql(SCORE, {
        input: {
          assessmentId: a.id,
          expectedVersion: 1,
          riskFactorId: riskFactorGid(1),
          level: 'NONE',
          confidence: 'LOW',
        },
      }),
    ).scoreRiskFactor;
    expect(result.score).toMatchObject({
      level: 'NONE',
      trend: 'DETERIORATING',
      confidence: 'LOW',
      rationale: 'Fighting spreads',
      version: 2,
    });
    expect(result.riskAssessment).toMatchObject({ overallLevel: 'LOW', version: 2 });
    expect((await read(a.id)).scores).toHaveLength(2);

    const cleared = ok(
      await api.gql(SCORE, {
        input: {
          assessmentId: a.id,
          expectedVersion: 2,
          riskFactorId: riskFactorGid(1),
          level: 'NONE',
          rationale: null,
        },
      }),
    ).scoreRiskFactor;
    expect(cleared.score.rationale).toBeNull();
    expect(cleared.riskAssessment.version).toBe(3);
  });

  it('refuses a stale assessment version with CONFLICT and leaves scores and level untouched', async () => {
    const a = await assessment();
    ok(await api.gql(UPDATE, { input: { id: a.id, expectedVersion: 1, summary: 'edited meanwhile' } }));
    const before = await read(a.id);
    const stale = await api.gql(SCORE, {
      input: { assessmentId: a.id, expectedVersion: 1, riskFactorId: riskFactorGid(12), level: 'VERY_HIGH' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await read(a.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent scorings of the same version win', async () => {
    const a = await assessment();
    const send = (factor: number) =>
      api.gql(SCORE, {
        input: { assessmentId: a.id, expectedVersion: 1, riskFactorId: riskFactorGid(factor), level: 'HIGH' },
      });
    const results = await Promise.all([send(11), send(12), send(13)]);
    const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const after = await read(a.id);
    expect(after.version).toBe(2);
    expect(after.scores).toHaveLength(3);
  });

  const missing = (type: string) =>
    Buffer.from(`${type}:00000000-0000-4000-8000-000000000999`).toString('base64url');
  it.each([
    [
      'an assessment that does not exist',
      { assessmentId: missing('RiskAssessment') },
      'NOT_FOUND',
      'assessmentId',
    ],
    ['a malformed assessment id', { assessmentId: 'nope' }, 'BAD_USER_INPUT', 'assessmentId'],
    ['a factor that does not exist', { riskFactorId: missing('RiskFactor') }, 'NOT_FOUND', 'riskFactorId'],
    [
      'a situation id in place of a factor id',
      { riskFactorId: missing('Situation') },
      'BAD_USER_INPUT',
      'riskFactorId',
    ],
    ['a null trend', { trend: null }, 'BAD_USER_INPUT', 'trend'],
    [
      'a rationale longer than 10,000 characters',
      { rationale: 'x'.repeat(10_001) },
      'BAD_USER_INPUT',
      'rationale',
    ],
  ])('refuses %s, naming the field, and changes nothing', async (_label, patch, code, field) => {
    const a = await assessment();
    const before = await rowCounts(api.db, TABLES);
    const res = await api.gql(SCORE, {
      input: {
        assessmentId: a.id,
        expectedVersion: 1,
        riskFactorId: riskFactorGid(5),
        level: 'HIGH',
        ...patch,
      },
    });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await rowCounts(api.db, TABLES)).toEqual(before);
    expect(await read(a.id)).toMatchObject({ version: 1, overallLevel: 'MODERATE' });
  });

  it('resolves a score through node()', async () => {
    const a = await assessment();
    const scoreId = a.scores[0].id;
    const node = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { __typename ... on RiskFactorScore { level riskFactor { number } } } }`,
        {
          id: scoreId,
        },
      ),
    ).node;
    expect(node).toEqual({ __typename: 'RiskFactorScore', level: 'MODERATE', riskFactor: { number: 1 } });
  });
});
