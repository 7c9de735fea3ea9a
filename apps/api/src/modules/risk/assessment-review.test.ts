import type { AssessmentStatus } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { indicatorGid } from '../../../test/factories-early-warning';
import { countStatements } from '../../../test/factories-graph';
import {
  makeAssessment,
  makeSituation,
  makeStagedSituation,
  riskFactorGid,
} from '../../../test/factories-situations';
import { fromGlobalId, toGlobalId } from '../../common/ids';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const FIELDS = 'id version status overallLevel';
const M = {
  submit: `mutation($input: SubmitRiskAssessmentInput!) { submitRiskAssessment(input: $input) { riskAssessment { ${FIELDS} } } }`,
  return: `mutation($input: ReturnRiskAssessmentInput!) { returnRiskAssessment(input: $input) { riskAssessment { ${FIELDS} returnReason } } }`,
  publish: `mutation($input: PublishRiskAssessmentInput!) {
    publishRiskAssessment(input: $input) { riskAssessment { ${FIELDS} } superseded { ${FIELDS} } alert { id } }
  }`,
};
const UPDATE = `mutation($input: UpdateRiskAssessmentInput!) { updateRiskAssessment(input: $input) { riskAssessment { ${FIELDS} summary } } }`;
const SCORE = `mutation($input: ScoreRiskFactorInput!) { scoreRiskFactor(input: $input) { riskAssessment { ${FIELDS} } } }`;
const EVIDENCE = `mutation($input: SetIndicatorEvidenceInput!) {
  setIndicatorEvidence(input: $input) {
    riskAssessment { ${FIELDS} }
    score { id riskFactor { number } indicators { present note indicator { code } } }
    evidence { present note indicator { code } }
  }
}`;
const CREATE = `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { riskAssessment { id } } }`;

const stored = async (id: string) =>
  (
    await api.db.query<{ status: AssessmentStatus; version: number }>(
      'SELECT status, version FROM risk_assessment WHERE id = $1',
      [id],
    )
  )[0];

const inputFor = (step: keyof typeof M, gid: string, version = 1) =>
  step === 'return'
    ? { id: gid, expectedVersion: version, reason: 'Factor 9 needs sources' }
    : { id: gid, expectedVersion: version };

describe('the review workflow', () => {
  const TRANSITIONS: [keyof typeof M, AssessmentStatus, AssessmentStatus | 'CONFLICT'][] = [
    ['submit', 'DRAFT', 'IN_REVIEW'],
    ['submit', 'IN_REVIEW', 'CONFLICT'],
    ['submit', 'PUBLISHED', 'CONFLICT'],
    ['submit', 'SUPERSEDED', 'CONFLICT'],
    ['return', 'DRAFT', 'CONFLICT'],
    ['return', 'IN_REVIEW', 'DRAFT'],
    ['return', 'PUBLISHED', 'CONFLICT'],
    ['return', 'SUPERSEDED', 'CONFLICT'],
    ['publish', 'DRAFT', 'CONFLICT'],
    ['publish', 'IN_REVIEW', 'PUBLISHED'],
    ['publish', 'PUBLISHED', 'CONFLICT'],
    ['publish', 'SUPERSEDED', 'CONFLICT'],
  ];

  it.each(TRANSITIONS)('%s from %s: %s', async (step, from, outcome) => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, { situationId: situation.id, status: from });
    const res = await api.gql(M[step], { input: inputFor(step, a.gid) });
    if (outcome === 'CONFLICT') {
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions).toMatchObject({ currentState: from, currentVersion: 1 });
      expect(await stored(a.id)).toEqual({ status: from, version: 1 });
    } else {
      const data = ok(res);
      const moved = Object.values(data)[0] as { riskAssessment: { status: string; version: number } };
      expect(moved.riskAssessment).toMatchObject({ status: outcome, version: 2 });
      expect(await stored(a.id)).toEqual({ status: outcome, version: 2 });
    }
  });

  it.each(['submit', 'return', 'publish'] as const)(
    'refuses %s with a stale version as CONFLICT carrying the current version, changing nothing',
    async (step) => {
      const situation = await makeSituation(api.db);
      const from = step === 'submit' ? 'DRAFT' : 'IN_REVIEW';
      const a = await makeAssessment(api.db, { situationId: situation.id, status: from });
      await api.db.query('UPDATE risk_assessment SET version = 3 WHERE id = $1', [a.id]);
      const res = await api.gql(M[step], { input: inputFor(step, a.gid, 2) });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.currentVersion).toBe(3);
      expect(await stored(a.id)).toEqual({ status: from, version: 3 });
    },
  );

  it('publishes, superseding the situation’s previously published assessment in the same transaction', async () => {
    const situation = await makeSituation(api.db);
    const other = await makeSituation(api.db);
    const old = await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'PUBLISHED',
      assessedOn: '2024-01-01',
    });
    const elsewhere = await makeAssessment(api.db, { situationId: other.id, status: 'PUBLISHED' });
    const next = await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'IN_REVIEW',
      assessedOn: '2024-04-01',
    });

    const result = ok(
      await api.gql(M.publish, { input: { id: next.gid, expectedVersion: 1 } }),
    ).publishRiskAssessment;
    expect(result.riskAssessment).toMatchObject({ id: next.gid, status: 'PUBLISHED', version: 2 });
    expect(result.superseded).toMatchObject({ id: old.gid, status: 'SUPERSEDED', version: 2 });
    expect(result.alert).toBeNull();
    expect(await stored(old.id)).toEqual({ status: 'SUPERSEDED', version: 2 });
    expect(await stored(elsewhere.id)).toEqual({ status: 'PUBLISHED', version: 1 });
    const latest = ok(
      await api.gql(`query($id: ID!) { situation(id: $id) { latestAssessment { id status } } }`, {
        id: situation.gid,
      }),
    ).situation.latestAssessment;
    expect(latest).toEqual({ id: next.gid, status: 'PUBLISHED' });
  });

  it('leaves exactly one published assessment when two of a situation are published at once', async () => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, { situationId: situation.id, status: 'IN_REVIEW' });
    const b = await makeAssessment(api.db, { situationId: situation.id, status: 'IN_REVIEW' });
    const results = await Promise.all(
      [a, b].map((x) => api.gql(M.publish, { input: { id: x.gid, expectedVersion: 1 } })),
    );
    for (const r of results) ok(r);
    const rows = await api.db.query<{ status: string }>(
      'SELECT status FROM risk_assessment WHERE situation_id = $1 ORDER BY status',
      [situation.id],
    );
    expect(rows.map((r) => r.status).sort()).toEqual(['PUBLISHED', 'SUPERSEDED']);
  });

  it('returns an assessment to its author with the reason, which the author’s liaisons read and a viewer does not', async () => {
    const org = await makeActor(api.db);
    const situation = await makeSituation(api.db);
    await api.db.query(
      `WITH p AS (INSERT INTO response_plan (title, situation_id, lead_actor_id) VALUES ('Plan', $1, $2) RETURNING id)
       INSERT INTO plan_participant (plan_id, actor_id, role) SELECT id, $2, 'LEAD' FROM p`,
      [situation.id, org.id],
    );
    const a = await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'IN_REVIEW',
      authorActorId: org.id,
      classification: 'PARTICIPANTS',
    });
    const returned = ok(
      await api.gql(M.return, {
        input: { id: a.gid, expectedVersion: 1, reason: '  Factor 9 needs a second source.  ' },
      }),
    ).returnRiskAssessment.riskAssessment;
    expect(returned).toMatchObject({
      status: 'DRAFT',
      version: 2,
      returnReason: 'Factor 9 needs a second source.',
    });

    const READ = `query($id: ID!) { node(id: $id) { ... on RiskAssessment { status returnReason } } }`;
    const liaison = await signedInAs(api.db, 'LIAISON', org.id);
    const viewer = await signedInAs(api.db, 'VIEWER', org.id);
    expect(ok(await api.gql(READ, { id: a.gid }, { cookie: liaison.cookie })).node).toEqual({
      status: 'DRAFT',
      returnReason: 'Factor 9 needs a second source.',
    });
    expect(ok(await api.gql(READ, { id: a.gid }, { cookie: viewer.cookie })).node).toEqual({
      status: 'DRAFT',
      returnReason: null,
    });
  });

  it.each([
    ['an empty reason', '', 'reason'],
    ['a blank reason', '   ', 'reason'],
    ['a reason over 2,000 characters', 'x'.repeat(2001), 'reason'],
  ])('refuses a return with %s, naming the field, and changes nothing', async (_label, reason, field) => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, { situationId: situation.id, status: 'IN_REVIEW' });
    const res = await api.gql(M.return, { input: { id: a.gid, expectedVersion: 1, reason } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await stored(a.id)).toEqual({ status: 'IN_REVIEW', version: 1 });
  });
});

describe('what was published stays as it was published', () => {
  const EDITS: [
    string,
    (gid: string, scoreGid: string, indicator: string) => [string, Record<string, unknown>],
  ][] = [
    ['updateRiskAssessment', (gid) => [UPDATE, { id: gid, expectedVersion: 1, summary: 'rewritten' }]],
    [
      'scoreRiskFactor',
      (gid) => [
        SCORE,
        { assessmentId: gid, expectedVersion: 1, riskFactorId: riskFactorGid(2), level: 'VERY_HIGH' },
      ],
    ],
    [
      'setIndicatorEvidence',
      (_gid, scoreGid, indicator) => [
        EVIDENCE,
        { scoreId: scoreGid, indicatorId: indicator, expectedVersion: 1, present: true },
      ],
    ],
  ];
  const STATES: [AssessmentStatus, 'OK' | 'CONFLICT'][] = [
    ['DRAFT', 'OK'],
    ['IN_REVIEW', 'OK'],
    ['PUBLISHED', 'CONFLICT'],
    ['SUPERSEDED', 'CONFLICT'],
  ];
  const cases = EDITS.flatMap(([name, make]) =>
    STATES.map(([state, outcome]) => [name, state, outcome, make] as const),
  );

  it.each(cases)('%s on a %s assessment: %s', async (_name, state, outcome, make) => {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, {
      situationId: situation.id,
      status: state,
      summary: 'as published',
      scores: [{ factor: 1, level: 'HIGH' }],
    });
    const [score] = await api.db.query<{ id: string }>(
      'SELECT id FROM risk_factor_score WHERE assessment_id = $1',
      [a.id],
    );
    const [query, input] = make(
      a.gid,
      toGlobalId('RiskFactorScore', score.id),
      await indicatorGid(api.db, '1.1'),
    );
    const res = await api.gql(query, { input });
    const [row] = await api.db.query<{ version: number; summary: string; scores: number; evidence: number }>(
      `SELECT version, summary, (SELECT count(*)::int FROM risk_factor_score WHERE assessment_id = $1) AS scores,
         (SELECT count(*)::int FROM score_indicator WHERE score_id = $2) AS evidence
       FROM risk_assessment WHERE id = $1`,
      [a.id, score.id],
    );
    if (outcome === 'OK') {
      ok(res);
      expect(row.version).toBe(2);
    } else {
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.currentState).toBe(state);
      expect(row).toEqual({ version: 1, summary: 'as published', scores: 1, evidence: 0 });
    }
  });
});

describe('the overall level explains itself', () => {
  const READ = `query($id: ID!) {
    node(id: $id) { ... on RiskAssessment { overallLevel overallExplanation drivers { riskFactor { number } level } } }
  }`;

  async function assessed(scores: { riskFactorNumber: number; level: string }[]) {
    const situation = await makeSituation(api.db);
    return ok(
      await api.gql(CREATE, { input: { situationId: situation.gid, assessedOn: '2024-06-30', scores } }),
    ).createRiskAssessment.riskAssessment.id as string;
  }

  it('names the factors at the overall level, their present indicators, and that none is higher', async () => {
    const id = await assessed([
      { riskFactorNumber: 9, level: 'HIGH' },
      { riskFactorNumber: 1, level: 'HIGH' },
      { riskFactorNumber: 4, level: 'HIGH' },
      { riskFactorNumber: 2, level: 'MODERATE' },
    ]);
    const [score] = await api.db.query<{ id: string }>(
      `SELECT sc.id FROM risk_factor_score sc JOIN risk_factor rf ON rf.id = sc.risk_factor_id
       WHERE sc.assessment_id = $1 AND rf.number = 1`,
      [fromGlobalId('RiskAssessment', id)],
    );
    for (const [code, present] of [
      ['1.3', true],
      ['1.1', true],
      ['1.2', false],
    ] as const) {
      const version = ok(await api.gql(READ.replace('overallLevel', 'overallLevel version'), { id })).node
        .version;
      ok(
        await api.gql(EVIDENCE, {
          input: {
            scoreId: toGlobalId('RiskFactorScore', score.id),
            indicatorId: await indicatorGid(api.db, code),
            expectedVersion: version,
            present,
          },
        }),
      );
    }
    const node = ok(await api.gql(READ, { id })).node;
    expect(node.overallLevel).toBe('HIGH');
    expect(node.drivers).toEqual([
      { riskFactor: { number: 1 }, level: 'HIGH' },
      { riskFactor: { number: 4 }, level: 'HIGH' },
      { riskFactor: { number: 9 }, level: 'HIGH' },
    ]);
    expect(node.overallExplanation).toBe(
      'HIGH because 3 factors are HIGH: 1 Situations of armed conflict or other forms of instability (indicators 1.1, 1.3 present), ' +
        '4 Motives or incentives, 9 Intergroup tensions or patterns of discrimination against protected groups; no factor is VERY_HIGH',
    );
  });

  it.each([
    [
      [{ riskFactorNumber: 10, level: 'VERY_HIGH' }],
      'VERY_HIGH because 1 factor is VERY_HIGH: 10 Signs of an intent to destroy in whole or in part a protected group',
      [10],
    ],
    [
      [
        { riskFactorNumber: 3, level: 'MODERATE' },
        { riskFactorNumber: 5, level: 'LOW' },
      ],
      'MODERATE because 1 factor is MODERATE: 3 Weakness of State structures; no factor is HIGH or VERY_HIGH',
      [3],
    ],
    [
      [{ riskFactorNumber: 6, level: 'LOW' }],
      'LOW because 1 factor is LOW: 6 Absence of mitigating factors; no factor is MODERATE, HIGH or VERY_HIGH',
      [6],
    ],
    [[], 'NONE because no risk factor has been scored', []],
    [
      [
        { riskFactorNumber: 7, level: 'NONE' },
        { riskFactorNumber: 8, level: 'NONE' },
      ],
      'NONE because all 2 scored factors are NONE',
      [],
    ],
  ])('explains %j as "%s"', async (scores, explanation, drivers) => {
    const id = await assessed(scores);
    const node = ok(await api.gql(READ, { id })).node;
    expect(node.overallExplanation).toBe(explanation);
    expect(node.drivers.map((d: { riskFactor: { number: number } }) => d.riskFactor.number)).toEqual(drivers);
  });

  it('reads drivers and explanations of many assessments in a constant number of statements', async () => {
    const situation = await makeSituation(api.db);
    const LIST = `query($id: ID!) { situation(id: $id) { assessments(first: 20) { edges { node {
      overallExplanation drivers { level indicators { present } } } } } } }`;
    const measure = async () =>
      (await countStatements(api.db, async () => ok(await api.gql(LIST, { id: situation.gid })))).statements;
    await makeAssessment(api.db, {
      situationId: situation.id,
      overallLevel: 'HIGH',
      scores: [{ factor: 1, level: 'HIGH' }],
    });
    const few = await measure();
    for (let i = 0; i < 6; i++) {
      await makeAssessment(api.db, {
        situationId: situation.id,
        overallLevel: 'HIGH',
        scores: [
          { factor: 1, level: 'HIGH' },
          { factor: 2, level: 'HIGH' },
        ],
      });
    }
    expect(await measure()).toBe(few);
  });
});

describe('setIndicatorEvidence', () => {
  async function scored() {
    const situation = await makeSituation(api.db);
    const a = await makeAssessment(api.db, {
      situationId: situation.id,
      scores: [{ factor: 1, level: 'HIGH' }],
    });
    const [score] = await api.db.query<{ id: string }>(
      'SELECT id FROM risk_factor_score WHERE assessment_id = $1',
      [a.id],
    );
    return { ...a, scoreGid: toGlobalId('RiskFactorScore', score.id), scoreId: score.id };
  }

  it('records an indicator by score, then changes it by assessment and factor, bumping the assessment each time', async () => {
    const a = await scored();
    const indicator = await indicatorGid(api.db, '1.4');
    const first = ok(
      await api.gql(EVIDENCE, {
        input: {
          scoreId: a.scoreGid,
          indicatorId: indicator,
          expectedVersion: 1,
          present: true,
          note: 'Mobilisation reported',
        },
      }),
    ).setIndicatorEvidence;
    expect(first.riskAssessment.version).toBe(2);
    expect(first.evidence).toEqual({
      present: true,
      note: 'Mobilisation reported',
      indicator: { code: '1.4' },
    });
    expect(first.score.indicators).toEqual([
      { present: true, note: 'Mobilisation reported', indicator: { code: '1.4' } },
    ]);

    const second = ok(
      await api.gql(EVIDENCE, {
        input: {
          assessmentId: a.gid,
          riskFactorId: riskFactorGid(1),
          indicatorId: indicator,
          expectedVersion: 2,
          present: false,
        },
      }),
    ).setIndicatorEvidence;
    expect(second.riskAssessment.version).toBe(3);
    expect(second.score.indicators).toEqual([{ present: false, note: null, indicator: { code: '1.4' } }]);
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM score_indicator WHERE score_id = $1',
      [a.scoreId],
    );
    expect(n).toBe(1);
  });

  const missing = (type: string) => toGlobalId(type, '00000000-0000-4000-8000-000000000999');
  type Scored = { gid: string; scoreGid: string };
  const CASES: [string, (a: Scored) => Record<string, unknown>, string, string][] = [
    [
      'both a score and an assessment',
      (a) => ({ scoreId: a.scoreGid, assessmentId: a.gid, riskFactorId: riskFactorGid(1) }),
      'BAD_USER_INPUT',
      'scoreId',
    ],
    ['no score at all', () => ({}), 'BAD_USER_INPUT', 'scoreId'],
    ['an assessment without a factor', (a) => ({ assessmentId: a.gid }), 'BAD_USER_INPUT', 'riskFactorId'],
    [
      'a factor the assessment has not scored',
      (a) => ({ assessmentId: a.gid, riskFactorId: riskFactorGid(2), indicatorId: '2.1' }),
      'BAD_USER_INPUT',
      'riskFactorId',
    ],
    [
      'an indicator of another factor',
      (a) => ({ scoreId: a.scoreGid, indicatorId: '2.1' }),
      'BAD_USER_INPUT',
      'indicatorId',
    ],
    ['a score that does not exist', () => ({ scoreId: missing('RiskFactorScore') }), 'NOT_FOUND', 'scoreId'],
    [
      'an indicator that does not exist',
      (a) => ({ scoreId: a.scoreGid, indicatorId: missing('RiskIndicator') }),
      'NOT_FOUND',
      'indicatorId',
    ],
    [
      'a malformed indicator id',
      (a) => ({ scoreId: a.scoreGid, indicatorId: 'nope' }),
      'BAD_USER_INPUT',
      'indicatorId',
    ],
    [
      'a note over 10,000 characters',
      (a) => ({ scoreId: a.scoreGid, note: 'x'.repeat(10_001) }),
      'BAD_USER_INPUT',
      'note',
    ],
  ];
  it.each(CASES)('refuses %s, naming the field, and changes nothing', async (_label, make, code, field) => {
    const a = await scored();
    const input = { indicatorId: '1.1', expectedVersion: 1, present: true, ...make(a) };
    // Indicators are named by code in the table; real ids are looked up here.
    if (/^\d+\.\d+$/.test(String(input.indicatorId)))
      input.indicatorId = await indicatorGid(api.db, String(input.indicatorId));
    const res = await api.gql(EVIDENCE, { input });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await stored(a.id)).toMatchObject({ version: 1 });
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM score_indicator WHERE score_id = $1',
      [a.scoreId],
    );
    expect(n).toBe(0);
  });

  it('refuses an indicator of another factor than the score’s', async () => {
    const a = await scored();
    const res = await api.gql(EVIDENCE, {
      input: {
        scoreId: a.scoreGid,
        indicatorId: await indicatorGid(api.db, '2.1'),
        expectedVersion: 1,
        present: true,
      },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]).toMatchObject({ message: 'indicatorId: is not an indicator of risk factor 1' });
  });
});

describe('who may move an assessment through review', () => {
  const GROUPS = [
    ['a liaison of the author organisation', 'LIAISON', 'author', 'OK'],
    ['a liaison of another organisation in the plan', 'LIAISON', 'contributor', 'FORBIDDEN'],
    ['a viewer of the author organisation', 'VIEWER', 'author', 'FORBIDDEN'],
    ['a liaison of an unrelated organisation', 'LIAISON', 'unrelated', 'NOT_FOUND'],
  ] as const;
  const cases = (['submit', 'return', 'publish'] as const).flatMap((step) =>
    GROUPS.map((g) => [step, ...g] as const),
  );

  it.each(cases)('%s as %s: %s', async (step, _label, role, org, outcome) => {
    const orgs = {
      author: await makeActor(api.db),
      contributor: await makeActor(api.db),
      unrelated: await makeActor(api.db),
    };
    const staged = await makeStagedSituation(api.db, {
      lead: orgs.author,
      contributor: orgs.contributor,
      observer: await makeActor(api.db),
      assigned: await makeActor(api.db),
      unrelated: orgs.unrelated,
    });
    const from = step === 'submit' ? 'DRAFT' : 'IN_REVIEW';
    const a = await makeAssessment(api.db, {
      situationId: staged.id,
      status: from,
      authorActorId: orgs.author.id,
      classification: 'PARTICIPANTS',
    });
    const who = await signedInAs(api.db, role, orgs[org].id);
    const res = await api.gql(M[step], { input: inputFor(step, a.gid) }, { cookie: who.cookie });
    if (outcome === 'OK') {
      ok(res);
      expect((await stored(a.id)).version).toBe(2);
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(await stored(a.id)).toEqual({ status: from, version: 1 });
    }
  });
});
