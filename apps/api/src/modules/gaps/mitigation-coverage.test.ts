import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeMandate, makeObjective } from '../../../test/factories-early-warning';
import { countStatements } from '../../../test/factories-graph';
import { makeAssignment, makeParticipant, makePlan, makeTask } from '../../../test/factories-plans';
import { makeAssessment, makeSituation } from '../../../test/factories-situations';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const GAPS = `query($id: ID!) { situation(id: $id) { mitigationGaps {
  level explanation riskFactor { number } score { level } assessment { id } objectives { id title }
} } }`;

describe('Situation.mitigationGaps', () => {
  async function scenario() {
    const situation = await makeSituation(api.db);
    const lead = await makeActor(api.db);
    const contributor = await makeActor(api.db);
    const active = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: lead.id,
      status: 'ACTIVE',
    });
    await makeParticipant(api.db, active.id, contributor.id, 'CONTRIBUTOR');
    const closed = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: lead.id,
      status: 'CLOSED',
    });
    // Only the lead takes part in this one: what it holds is hidden from the contributor.
    const confidential = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: lead.id,
      status: 'ACTIVE',
      classification: 'CONFIDENTIAL',
    });

    await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'SUPERSEDED',
      assessedOn: '2024-03-31',
      classification: 'PARTICIPANTS',
      scores: [{ factor: 13, level: 'VERY_HIGH' }],
    });
    const latest = await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'PUBLISHED',
      assessedOn: '2024-06-30',
      overallLevel: 'VERY_HIGH',
      classification: 'PARTICIPANTS',
      scores: [
        { factor: 1, level: 'VERY_HIGH' },
        { factor: 4, level: 'HIGH' },
        { factor: 7, level: 'HIGH' },
        { factor: 9, level: 'HIGH' },
        { factor: 10, level: 'HIGH' },
        { factor: 12, level: 'HIGH' },
        { factor: 2, level: 'MODERATE' },
      ],
    });
    await makeAssessment(api.db, {
      situationId: situation.id,
      status: 'DRAFT',
      assessedOn: '2024-07-31',
      classification: 'PARTICIPANTS',
      scores: [{ factor: 14, level: 'VERY_HIGH' }],
    });

    const live = await makeObjective(api.db, active.id, {
      title: 'Deter attacks on IDP sites',
      riskFactors: [1],
    });
    await makeTask(api.db, active.id, { objectiveId: live.id, status: 'IN_PROGRESS' });
    const abandoned = await makeObjective(api.db, active.id, {
      title: 'Counter recruitment',
      riskFactors: [4, 2],
    });
    await makeTask(api.db, active.id, { objectiveId: abandoned.id, status: 'CANCELLED' });
    const empty = await makeObjective(api.db, active.id, {
      title: 'Secure weapons stockpiles',
      riskFactors: [7],
    });
    const inClosed = await makeObjective(api.db, closed.id, {
      title: 'Old mediation track',
      riskFactors: [9],
    });
    await makeTask(api.db, closed.id, { objectiveId: inClosed.id, status: 'IN_PROGRESS' });
    const done = await makeObjective(api.db, active.id, { title: 'Document hate speech', riskFactors: [10] });
    await makeTask(api.db, active.id, { objectiveId: done.id, status: 'COMPLETED' });
    const hidden = await makeObjective(api.db, confidential.id, {
      title: 'Protect witnesses',
      riskFactors: [12],
    });
    await makeTask(api.db, confidential.id, { objectiveId: hidden.id, status: 'ACCEPTED' });
    return { situation, latest, lead, contributor, abandoned, empty };
  }

  const factor = {
    4: 'Risk factor 4 (Motives or incentives) is HIGH in the assessment published for 2024-06-30',
    7: 'Risk factor 7 (Enabling circumstances or preparatory action) is HIGH in the assessment published for 2024-06-30',
    9: 'Risk factor 9 (Intergroup tensions or patterns of discrimination against protected groups) is HIGH in the assessment published for 2024-06-30',
    12: 'Risk factor 12 (Signs of a plan or policy to attack any civilian population) is HIGH in the assessment published for 2024-06-30',
  };

  it('lists the HIGH and VERY_HIGH factors of the latest published assessment that no live objective mitigates', async () => {
    const s = await scenario();
    const gaps = ok(await api.gql(GAPS, { id: s.situation.gid })).situation.mitigationGaps;
    expect(gaps).toEqual([
      {
        level: 'HIGH',
        riskFactor: { number: 4 },
        score: { level: 'HIGH' },
        assessment: { id: s.latest.gid },
        objectives: [{ id: s.abandoned.gid, title: 'Counter recruitment' }],
        explanation: `${factor[4]}; 1 objective of open plans names it ("Counter recruitment"), but none has a task that is not cancelled.`,
      },
      {
        level: 'HIGH',
        riskFactor: { number: 7 },
        score: { level: 'HIGH' },
        assessment: { id: s.latest.gid },
        objectives: [{ id: s.empty.gid, title: 'Secure weapons stockpiles' }],
        explanation: `${factor[7]}; 1 objective of open plans names it ("Secure weapons stockpiles"), but none has a task that is not cancelled.`,
      },
      {
        level: 'HIGH',
        riskFactor: { number: 9 },
        score: { level: 'HIGH' },
        assessment: { id: s.latest.gid },
        objectives: [],
        explanation: `${factor[9]}, and no objective of an open response plan of this situation names it.`,
      },
    ]);
  });

  it('counts only what the reader can see: mitigation in a plan it cannot read leaves the gap open to it', async () => {
    const s = await scenario();
    const viewer = await signedInAs(api.db, 'VIEWER', s.contributor.id);
    const gaps = ok(await api.gql(GAPS, { id: s.situation.gid }, { cookie: viewer.cookie })).situation
      .mitigationGaps;
    expect(gaps.map((g: { riskFactor: { number: number } }) => g.riskFactor.number)).toEqual([4, 7, 9, 12]);
    expect(gaps[3]).toEqual({
      level: 'HIGH',
      riskFactor: { number: 12 },
      score: { level: 'HIGH' },
      assessment: { id: s.latest.gid },
      objectives: [],
      explanation: `${factor[12]}, and no objective of an open response plan of this situation names it.`,
    });

    const stranger = await signedInAs(api.db, 'LIAISON', (await makeActor(api.db)).id);
    expect(
      ok(await api.gql(GAPS, { id: s.situation.gid }, { cookie: stranger.cookie })).situation.mitigationGaps,
    ).toEqual([]);
  });

  it('has no gaps while nothing is published, and reads gaps of many situations in a constant number of statements', async () => {
    const quiet = await makeSituation(api.db);
    await makeAssessment(api.db, {
      situationId: quiet.id,
      status: 'IN_REVIEW',
      scores: [{ factor: 1, level: 'VERY_HIGH' }],
    });
    expect(ok(await api.gql(GAPS, { id: quiet.gid })).situation.mitigationGaps).toEqual([]);

    const LIST = `{ situations(first: 50) { edges { node { mitigationGaps { riskFactor { number } objectives { id } assessment { id } score { id } } } } } }`;
    await scenario();
    const few = (await countStatements(api.db, async () => ok(await api.gql(LIST)))).statements;
    await scenario();
    await scenario();
    expect((await countStatements(api.db, async () => ok(await api.gql(LIST)))).statements).toBe(few);
  });
});

const COVERAGE_GAPS = `query($id: ID!) { mandate(id: $id) { coverageGaps {
  covered explanation mandatedTask { paragraphRef } mandate { id } objectives { title } leadAssignments { id }
} } }`;

describe('Mandate.coverageGaps and Actor.mandateCoverage', () => {
  async function scenario() {
    const mission = await makeActor(api.db, { kind: 'UN_PEACE_OPERATION' });
    const mandate = await makeMandate(api.db, {
      missionActorId: mission.id,
      symbol: `S/RES/${Math.floor(Math.random() * 1e6)} (2024)`,
      tasks: [
        { paragraphRef: 'OP 3 (d)', kind: 'DDR', priority: 3 },
        { paragraphRef: 'OP 3 (a)', kind: 'PROTECTION_OF_CIVILIANS', priority: 1 },
        { paragraphRef: 'OP 3 (b)', kind: 'HUMAN_RIGHTS_MONITORING', priority: 2 },
        { paragraphRef: 'OP 3 (c)', kind: 'HUMANITARIAN_ACCESS', priority: 2 },
      ],
    });
    const [d, a, b, c] = mandate.tasks;
    const expired = await makeMandate(api.db, {
      missionActorId: mission.id,
      adoptedOn: '2011-07-08',
      expiresOn: '2012-07-08',
      tasks: [{ paragraphRef: 'OP 1' }],
    });
    const situation = await makeSituation(api.db);
    const plan = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: mission.id,
      status: 'ACTIVE',
    });
    const cancelled = await makePlan(api.db, {
      situationId: situation.id,
      leadActorId: mission.id,
      status: 'CANCELLED',
    });
    const lead = await makeActor(api.db);

    const oa = await makeObjective(api.db, plan.id, {
      title: 'Protect Malakal PoC site',
      mandatedTaskId: a.id,
    });
    const ta = await makeTask(api.db, plan.id, { objectiveId: oa.id, status: 'IN_PROGRESS' });
    const accepted = await makeAssignment(api.db, ta.id, lead.id, { role: 'LEAD', status: 'ACCEPTED' });
    const ob = await makeObjective(api.db, plan.id, { title: 'Monitor detentions', mandatedTaskId: b.id });
    const tb = await makeTask(api.db, plan.id, { objectiveId: ob.id });
    await makeAssignment(api.db, tb.id, lead.id, { role: 'LEAD', status: 'PROPOSED' });
    await makeAssignment(api.db, tb.id, (await makeActor(api.db)).id, {
      role: 'SUPPORT',
      status: 'ACCEPTED',
    });
    const oc = await makeObjective(api.db, plan.id, {
      title: 'Open the Renk corridor',
      mandatedTaskId: c.id,
    });
    const tc = await makeTask(api.db, plan.id, { objectiveId: oc.id, status: 'CANCELLED' });
    await makeAssignment(api.db, tc.id, lead.id, { role: 'LEAD', status: 'ACCEPTED' });
    const od = await makeObjective(api.db, cancelled.id, { title: 'Disarm militias', mandatedTaskId: d.id });
    const td = await makeTask(api.db, cancelled.id, { objectiveId: od.id });
    await makeAssignment(api.db, td.id, lead.id, { role: 'LEAD', status: 'ACCEPTED' });
    return { mission, mandate, expired, accepted, lead };
  }

  it('lists the mandated tasks nobody has accepted to lead, by priority, each with why', async () => {
    const s = await scenario();
    const gaps = ok(await api.gql(COVERAGE_GAPS, { id: s.mandate.gid })).mandate.coverageGaps;
    const of = `of ${s.mandate.symbol}`;
    expect(gaps).toEqual([
      {
        covered: false,
        mandatedTask: { paragraphRef: 'OP 3 (b)' },
        mandate: { id: s.mandate.gid },
        objectives: [{ title: 'Monitor detentions' }],
        leadAssignments: [],
        explanation: `OP 3 (b) (HUMAN_RIGHTS_MONITORING) ${of} is not covered: 1 objective traces to it ("Monitor detentions"), but no task of it has an accepted LEAD assignment.`,
      },
      {
        covered: false,
        mandatedTask: { paragraphRef: 'OP 3 (c)' },
        mandate: { id: s.mandate.gid },
        objectives: [{ title: 'Open the Renk corridor' }],
        leadAssignments: [],
        explanation: `OP 3 (c) (HUMANITARIAN_ACCESS) ${of} is not covered: 1 objective traces to it ("Open the Renk corridor"), but no task of it has an accepted LEAD assignment.`,
      },
      {
        covered: false,
        mandatedTask: { paragraphRef: 'OP 3 (d)' },
        mandate: { id: s.mandate.gid },
        objectives: [],
        leadAssignments: [],
        explanation: `OP 3 (d) (DDR) ${of} is not covered: no objective of an open response plan traces to it.`,
      },
    ]);
  });

  it('shows a mission the coverage of every task of its mandates in force, covered ones with their lead', async () => {
    const s = await scenario();
    const coverage = ok(
      await api.gql(
        `query($id: ID!) { actor(id: $id) {
          all: mandateCoverage { covered mandatedTask { paragraphRef } leadAssignments { id } explanation }
          gaps: mandateCoverage(onlyGaps: true) { mandatedTask { paragraphRef } }
        } }`,
        { id: s.mission.gid },
      ),
    ).actor;
    expect(
      coverage.all.map((c: { mandatedTask: { paragraphRef: string }; covered: boolean }) => [
        c.mandatedTask.paragraphRef,
        c.covered,
      ]),
    ).toEqual([
      ['OP 3 (a)', true],
      ['OP 3 (b)', false],
      ['OP 3 (c)', false],
      ['OP 3 (d)', false],
    ]);
    expect(coverage.all[0]).toEqual({
      covered: true,
      mandatedTask: { paragraphRef: 'OP 3 (a)' },
      leadAssignments: [{ id: s.accepted.gid }],
      explanation: `OP 3 (a) (PROTECTION_OF_CIVILIANS) of ${s.mandate.symbol} is covered: 1 accepted LEAD assignment on tasks of objectives that trace to it ("Protect Malakal PoC site").`,
    });
    expect(
      coverage.gaps.map((c: { mandatedTask: { paragraphRef: string } }) => c.mandatedTask.paragraphRef),
    ).toEqual(['OP 3 (b)', 'OP 3 (c)', 'OP 3 (d)']);
  });

  it('counts only plans the reader can see, and is refused to an anonymous caller though mandates are public', async () => {
    const s = await scenario();
    const stranger = await signedInAs(api.db, 'LIAISON', (await makeActor(api.db)).id);
    const gaps = ok(await api.gql(COVERAGE_GAPS, { id: s.mandate.gid }, { cookie: stranger.cookie })).mandate
      .coverageGaps;
    expect(gaps.map((g: { mandatedTask: { paragraphRef: string } }) => g.mandatedTask.paragraphRef)).toEqual([
      'OP 3 (a)',
      'OP 3 (b)',
      'OP 3 (c)',
      'OP 3 (d)',
    ]);
    for (const gap of gaps) expect(gap.objectives).toEqual([]);

    const anonymous = await api.gql(COVERAGE_GAPS, { id: s.mandate.gid }, { cookie: '' });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
