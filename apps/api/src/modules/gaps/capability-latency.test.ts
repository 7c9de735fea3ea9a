import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAlert, makePledge, requireCapability } from '../../../test/factories-early-warning';
import { countStatements } from '../../../test/factories-graph';
import { makeAssignment, makeParticipant, makePlan, makeTask } from '../../../test/factories-plans';
import { makeSituation } from '../../../test/factories-situations';
import { median } from './latency';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CAPABILITY_GAPS = `query($id: ID!) { node(id: $id) { ... on ResponsePlan { capabilityGaps {
  task { title } capability required pledged proposed shortfall fastestReadinessDays pledges { id } explanation
} } } }`;

describe('ResponsePlan.capabilityGaps', () => {
  async function scenario() {
    const plan = await makePlan(api.db, { status: 'ACTIVE' });
    const [x, y, z, w] = [
      await makeActor(api.db),
      await makeActor(api.db),
      await makeActor(api.db),
      await makeActor(api.db),
    ];
    const t1 = await makeTask(api.db, plan.id, { title: 'Secure the Bentiu road' });
    await requireCapability(api.db, t1.id, 'FORMED_POLICE_UNIT', 3);
    await requireCapability(api.db, t1.id, 'HELICOPTER_UNIT', 2);
    await makeAssignment(api.db, t1.id, x.id, { role: 'LEAD', status: 'ACCEPTED' });
    await makeAssignment(api.db, t1.id, y.id, { role: 'SUPPORT', status: 'PROPOSED' });
    await makeAssignment(api.db, t1.id, z.id, {
      role: 'SUPPORT',
      status: 'DECLINED',
      reason: 'Committed elsewhere',
    });
    const xFpu = await makePledge(api.db, {
      actorId: x.id,
      capability: 'FORMED_POLICE_UNIT',
      quantity: 2,
      readinessDays: 30,
    });
    await makePledge(api.db, {
      actorId: x.id,
      capability: 'FORMED_POLICE_UNIT',
      quantity: 1,
      readinessDays: 14,
      validUntil: '2020-01-01',
    });
    await makePledge(api.db, {
      actorId: x.id,
      capability: 'HELICOPTER_UNIT',
      quantity: 2,
      readinessDays: 10,
    });
    const yFpu = await makePledge(api.db, {
      actorId: y.id,
      capability: 'FORMED_POLICE_UNIT',
      quantity: 1,
      readinessDays: 7,
    });
    await makePledge(api.db, {
      actorId: z.id,
      capability: 'FORMED_POLICE_UNIT',
      quantity: 5,
      readinessDays: 3,
    });

    const t2 = await makeTask(api.db, plan.id, { title: 'Convene the Yei peace conference' });
    await requireCapability(api.db, t2.id, 'MEDIATORS', 1);
    const t3 = await makeTask(api.db, plan.id, { title: 'Cancelled analysis', status: 'CANCELLED' });
    await requireCapability(api.db, t3.id, 'ANALYSTS', 4);
    const t4 = await makeTask(api.db, plan.id, { title: 'Monitor detention sites' });
    await requireCapability(api.db, t4.id, 'HUMAN_RIGHTS_MONITORS', 10);
    await makeAssignment(api.db, t4.id, w.id, { role: 'LEAD', status: 'ACCEPTED' });
    const wSlow = await makePledge(api.db, {
      actorId: w.id,
      capability: 'HUMAN_RIGHTS_MONITORS',
      quantity: 4,
      readinessDays: 21,
    });
    const wFast = await makePledge(api.db, {
      actorId: w.id,
      capability: 'HUMAN_RIGHTS_MONITORS',
      quantity: 3,
      readinessDays: 5,
      validUntil: '2999-12-31',
    });
    return { plan, y, xFpu, yFpu, wSlow, wFast };
  }

  it('lists what open tasks need beyond what accepted assignees pledged, largest shortfall first', async () => {
    const s = await scenario();
    const gaps = ok(await api.gql(CAPABILITY_GAPS, { id: s.plan.gid })).node.capabilityGaps;
    expect(gaps).toEqual([
      {
        task: { title: 'Monitor detention sites' },
        capability: 'HUMAN_RIGHTS_MONITORS',
        required: 10,
        pledged: 7,
        proposed: 0,
        shortfall: 3,
        fastestReadinessDays: 5,
        pledges: [{ id: s.wFast.gid }, { id: s.wSlow.gid }],
        explanation:
          'Task "Monitor detention sites" needs 10 HUMAN_RIGHTS_MONITORS; the actors that accepted it pledged 7, the fastest ready in 5 days: 3 short.',
      },
      {
        task: { title: 'Secure the Bentiu road' },
        capability: 'FORMED_POLICE_UNIT',
        required: 3,
        pledged: 2,
        proposed: 1,
        shortfall: 1,
        fastestReadinessDays: 30,
        pledges: [{ id: s.xFpu.gid }, { id: s.yFpu.gid }],
        explanation:
          'Task "Secure the Bentiu road" needs 3 FORMED_POLICE_UNIT; the actors that accepted it pledged 2, the fastest ready in 30 days: 1 short. ' +
          'Actors whose assignment is still proposed pledged 1 more.',
      },
      {
        task: { title: 'Convene the Yei peace conference' },
        capability: 'MEDIATORS',
        required: 1,
        pledged: 0,
        proposed: 0,
        shortfall: 1,
        fastestReadinessDays: null,
        pledges: [],
        explanation:
          'Task "Convene the Yei peace conference" needs 1 MEDIATORS; no actor that accepted it has pledged any: 1 short.',
      },
    ]);
  });

  it('shows a partner only the tasks and assignments it can see: its own task, counted from its own assignment', async () => {
    const s = await scenario();
    const partner = await signedInAs(api.db, 'PARTNER', s.y.id);
    const gaps = ok(await api.gql(CAPABILITY_GAPS, { id: s.plan.gid }, { cookie: partner.cookie })).node
      .capabilityGaps;
    expect(
      gaps.map(
        (g: {
          task: { title: string };
          capability: string;
          pledged: number;
          proposed: number;
          shortfall: number;
        }) => [g.task.title, g.capability, g.pledged, g.proposed, g.shortfall],
      ),
    ).toEqual([
      ['Secure the Bentiu road', 'FORMED_POLICE_UNIT', 0, 1, 3],
      ['Secure the Bentiu road', 'HELICOPTER_UNIT', 0, 0, 2],
    ]);
  });

  it('reads the gaps of many plans in a constant number of statements', async () => {
    const situation = await makeSituation(api.db);
    const LIST = `query($id: ID!) { situation(id: $id) { id } responsePlans(first: 50) { edges { node { capabilityGaps { task { id } pledges { id } } } } } }`;
    const add = async () => {
      const plan = await makePlan(api.db, { situationId: situation.id });
      const task = await makeTask(api.db, plan.id);
      await requireCapability(api.db, task.id, 'MEDIATORS', 2);
      const actor = await makeActor(api.db);
      await makeAssignment(api.db, task.id, actor.id, { status: 'ACCEPTED' });
      await makePledge(api.db, { actorId: actor.id, capability: 'MEDIATORS', quantity: 1, readinessDays: 3 });
    };
    await add();
    const few = (await countStatements(api.db, async () => ok(await api.gql(LIST, { id: situation.gid }))))
      .statements;
    for (let i = 0; i < 4; i++) await add();
    expect(
      (await countStatements(api.db, async () => ok(await api.gql(LIST, { id: situation.gid })))).statements,
    ).toBe(few);
  });
});

const LATENCY = `query($id: ID!) { situation(id: $id) { warningToActionLatency {
  medianLatencySeconds explanation
  alerts { alert { id } issuedAt actedAt latencySeconds firstAcceptance { id } explanation }
} } }`;

describe('Situation.warningToActionLatency', () => {
  async function scenario() {
    const situation = await makeSituation(api.db);
    const sender = await makeActor(api.db);
    const responder = await makeActor(api.db, { name: 'IGAD Ceasefire Monitors' });
    const plan = await makePlan(api.db, { situationId: situation.id, leadActorId: sender.id });
    await makeParticipant(api.db, plan.id, responder.id, 'CONTRIBUTOR');
    const task = async (
      title: string,
      createdAt: string,
      respondedAt: string | null,
      status = 'ACCEPTED',
    ) => {
      const t = await makeTask(api.db, plan.id, { title });
      await api.db.query('UPDATE task SET created_at = $2 WHERE id = $1', [t.id, createdAt]);
      const a = await makeAssignment(api.db, t.id, responder.id, { status: status as 'ACCEPTED' });
      await api.db.query('UPDATE task_assignment SET responded_at = $2 WHERE id = $1', [a.id, respondedAt]);
      return a;
    };
    await task('Patrol already under way', '2024-04-01T00:00:00Z', '2024-05-01T12:00:00Z');
    const first = await task('Verify reports from Kodok', '2024-05-02T00:00:00Z', '2024-05-03T13:30:00Z');
    const second = await task('Deploy team to Tonga', '2024-05-02T18:00:00Z', '2024-05-04T00:00:00Z');
    await task('Still only proposed', '2024-05-02T01:00:00Z', null, 'PROPOSED');

    const alert = (issuedAt: string | null, state: 'DRAFT' | 'ISSUED' | 'CLOSED') =>
      makeAlert(api.db, {
        situationId: situation.id,
        senderActorId: sender.id,
        state,
        issuedAt,
        recipients: [{ actorId: responder.id }],
      });
    const closed = await alert('2024-04-15T00:00:00Z', 'CLOSED');
    const may1 = await alert('2024-05-01T10:00:00Z', 'ISSUED');
    const may2 = await alert('2024-05-02T12:00:00Z', 'ISSUED');
    const june = await alert('2024-06-01T00:00:00Z', 'ISSUED');
    await alert(null, 'DRAFT');

    // Work in another situation answers nothing here.
    const elsewhere = await makePlan(api.db, { leadActorId: sender.id });
    const t = await makeTask(api.db, elsewhere.id);
    const a = await makeAssignment(api.db, t.id, responder.id, { status: 'ACCEPTED' });
    await api.db.query('UPDATE task_assignment SET responded_at = $2 WHERE id = $1', [
      a.id,
      '2024-06-01T01:00:00Z',
    ]);
    return { situation, sender, responder, first, second, closed, may1, may2, june };
  }

  it('measures each issued alert from issue to the first acceptance on a task created after it, and gives the median', async () => {
    const s = await scenario();
    const latency = ok(await api.gql(LATENCY, { id: s.situation.gid })).situation.warningToActionLatency;
    expect(latency).toEqual({
      medianLatencySeconds: 185_400,
      explanation:
        '3 of 4 issued alerts were followed by action; the median time to the first action is 2 days 3 hours.',
      alerts: [
        {
          alert: { id: s.closed.gid },
          issuedAt: '2024-04-15T00:00:00.000Z',
          actedAt: '2024-05-03T13:30:00.000Z',
          latencySeconds: 1_603_800,
          firstAcceptance: { id: s.first.gid },
          explanation:
            'Issued 2024-04-15 00:00 UTC; first acted on 18 days 13 hours later, when IGAD Ceasefire Monitors accepted "Verify reports from Kodok".',
        },
        {
          alert: { id: s.may1.gid },
          issuedAt: '2024-05-01T10:00:00.000Z',
          actedAt: '2024-05-03T13:30:00.000Z',
          latencySeconds: 185_400,
          firstAcceptance: { id: s.first.gid },
          explanation:
            'Issued 2024-05-01 10:00 UTC; first acted on 2 days 3 hours later, when IGAD Ceasefire Monitors accepted "Verify reports from Kodok".',
        },
        {
          alert: { id: s.may2.gid },
          issuedAt: '2024-05-02T12:00:00.000Z',
          actedAt: '2024-05-04T00:00:00.000Z',
          latencySeconds: 129_600,
          firstAcceptance: { id: s.second.gid },
          explanation:
            'Issued 2024-05-02 12:00 UTC; first acted on 1 day 12 hours later, when IGAD Ceasefire Monitors accepted "Deploy team to Tonga".',
        },
        {
          alert: { id: s.june.gid },
          issuedAt: '2024-06-01T00:00:00.000Z',
          actedAt: null,
          latencySeconds: null,
          firstAcceptance: null,
          explanation:
            'Issued 2024-06-01 00:00 UTC; no assignment on a task created since has been accepted yet.',
        },
      ],
    });
  });

  it('has no median while no alert has been acted on, and says so', async () => {
    const situation = await makeSituation(api.db);
    const sender = await makeActor(api.db);
    const empty = ok(await api.gql(LATENCY, { id: situation.gid })).situation.warningToActionLatency;
    expect(empty).toEqual({
      medianLatencySeconds: null,
      explanation: 'No alert about this situation has been issued.',
      alerts: [],
    });
    await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: sender.id,
      state: 'ISSUED',
      issuedAt: '2024-01-01T00:00:00Z',
    });
    const waiting = ok(await api.gql(LATENCY, { id: situation.gid })).situation.warningToActionLatency;
    expect(waiting).toMatchObject({
      medianLatencySeconds: null,
      explanation: 'None of the 1 issued alert has been followed by action yet.',
    });
  });

  it('counts only the alerts the reader may read', async () => {
    const s = await scenario();
    const stranger = await signedInAs(api.db, 'LIAISON', (await makeActor(api.db)).id);
    expect(
      ok(await api.gql(LATENCY, { id: s.situation.gid }, { cookie: stranger.cookie })).situation
        .warningToActionLatency,
    ).toEqual({
      medianLatencySeconds: null,
      explanation: 'No alert about this situation has been issued.',
      alerts: [],
    });
    const responder = await signedInAs(api.db, 'VIEWER', s.responder.id);
    const seen = ok(await api.gql(LATENCY, { id: s.situation.gid }, { cookie: responder.cookie })).situation
      .warningToActionLatency;
    expect(seen.alerts.map((a: { alert: { id: string } }) => a.alert.id)).toEqual([
      s.closed.gid,
      s.may1.gid,
      s.may2.gid,
      s.june.gid,
    ]);
    expect(seen.medianLatencySeconds).toBe(185_400);
  });

  it.each([
    [[], null],
    [[7], 7],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 3],
  ])('takes the median of %j as %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
