import type { RiskLevel } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAlertRule } from '../../../test/factories-early-warning';
import { makeParticipant, makePlan } from '../../../test/factories-plans';
import { makeAssessment, makeSituation } from '../../../test/factories-situations';
import { fromGlobalId } from '../../common/ids';
import { thresholdIdentifier } from './threshold';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const PUBLISH = `mutation($input: PublishRiskAssessmentInput!) {
  publishRiskAssessment(input: $input) {
    riskAssessment { id status overallLevel }
    alert {
      id identifier state status msgType scope urgency severity certainty headline description instruction areaDesc
      assessment { id } senderActor { id } situation { id } recipients { actor { id } acknowledgedAt }
    }
  }
}`;

/** The highest factor level is the overall level; factor 1 carries it. */
const scoresAt = (level: RiskLevel) => (level === 'NONE' ? [] : [{ factor: 1, level }]);

async function world(options: { exercise?: boolean } = {}) {
  const situation = await makeSituation(api.db, {
    name: 'Upper Nile',
    isExercise: options.exercise ?? false,
  });
  const lead = await makeActor(api.db, { name: 'B Lead office' });
  const contributor = await makeActor(api.db, { name: 'A Contributor' });
  const observer = await makeActor(api.db, { name: 'C Observer' });
  const plan = await makePlan(api.db, { situationId: situation.id, leadActorId: lead.id, status: 'ACTIVE' });
  await makeParticipant(api.db, plan.id, contributor.id, 'CONTRIBUTOR');
  await makeParticipant(api.db, plan.id, observer.id, 'OBSERVER');
  // Organisations of a closed plan are not told.
  const closed = await makePlan(api.db, { situationId: situation.id, status: 'CLOSED' });
  await makeParticipant(api.db, closed.id, (await makeActor(api.db)).id, 'CONTRIBUTOR');
  return { situation, lead, contributor, observer };
}

async function publish(situationId: string, level: RiskLevel, authorActorId: string | null) {
  const a = await makeAssessment(api.db, {
    situationId,
    status: 'IN_REVIEW',
    overallLevel: level,
    authorActorId,
    scores: scoresAt(level),
  });
  return ok(await api.gql(PUBLISH, { input: { id: a.gid, expectedVersion: 1 } })).publishRiskAssessment;
}

const alertsOf = async (situationId: string) =>
  (await api.db.query<{ id: string }>('SELECT id FROM alert WHERE situation_id = $1', [situationId])).length;

describe('the threshold alert', () => {
  it('raises one DRAFT alert when a published assessment crosses the rule, addressed to the plans’ other organisations', async () => {
    const w = await world();
    await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: 'HIGH' });
    const published = await publish(w.situation.id, 'HIGH', w.lead.id);
    const alert = published.alert;
    expect(alert).toMatchObject({
      identifier: thresholdIdentifier(fromGlobalId('RiskAssessment', published.riskAssessment.id)),
      state: 'DRAFT',
      status: 'ACTUAL',
      msgType: 'ALERT',
      scope: 'RESTRICTED',
      urgency: 'EXPECTED',
      severity: 'SEVERE',
      certainty: 'LIKELY',
      headline: 'Atrocity risk HIGH in Upper Nile',
      description:
        'The risk assessment of 2024-01-15 was published at HIGH (the first published assessment), at or above the alert threshold HIGH. ' +
        'HIGH because 1 factor is HIGH: 1 Situations of armed conflict or other forms of instability; no factor is VERY_HIGH.',
      instruction:
        'Review the assessment and the mitigation gaps of the situation, and confirm or adjust the response plans.',
      areaDesc: 'Upper Nile (SS)',
      assessment: { id: published.riskAssessment.id },
      senderActor: { id: w.lead.gid },
      situation: { id: w.situation.gid },
      recipients: [
        { actor: { id: w.contributor.gid }, acknowledgedAt: null },
        { actor: { id: w.observer.gid }, acknowledgedAt: null },
      ],
    });
    expect(await alertsOf(w.situation.id)).toBe(1);
  });

  it('raises no second alert when the next assessment is published at the same level', async () => {
    const w = await world();
    await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: 'HIGH' });
    expect((await publish(w.situation.id, 'HIGH', w.lead.id)).alert).not.toBeNull();
    const again = await publish(w.situation.id, 'HIGH', w.lead.id);
    expect(again.alert).toBeNull();
    expect(await alertsOf(w.situation.id)).toBe(1);
  });

  const CROSSINGS: [RiskLevel, RiskLevel | null, RiskLevel, boolean][] = [
    ['HIGH', null, 'HIGH', true],
    ['HIGH', null, 'MODERATE', false],
    ['HIGH', 'MODERATE', 'HIGH', true],
    ['HIGH', 'MODERATE', 'VERY_HIGH', true],
    ['HIGH', 'HIGH', 'VERY_HIGH', false],
    ['HIGH', 'VERY_HIGH', 'HIGH', false],
    ['HIGH', 'VERY_HIGH', 'LOW', false],
    ['MODERATE', 'LOW', 'MODERATE', true],
    ['NONE', null, 'NONE', true],
  ];
  it.each(CROSSINGS)(
    'with the rule at %s, publishing after %s at %s raises an alert: %s',
    async (min, previous, level, raised) => {
      const w = await world();
      await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: min });
      if (previous) {
        await makeAssessment(api.db, {
          situationId: w.situation.id,
          status: 'PUBLISHED',
          overallLevel: previous,
          scores: scoresAt(previous),
        });
      }
      const published = await publish(w.situation.id, level, w.lead.id);
      expect(published.alert !== null).toBe(raised);
      expect(await alertsOf(w.situation.id)).toBe(raised ? 1 : 0);
    },
  );

  it.each([
    ['VERY_HIGH', 'EXTREME', 'IMMEDIATE'],
    ['HIGH', 'SEVERE', 'EXPECTED'],
    ['MODERATE', 'MODERATE', 'FUTURE'],
    ['LOW', 'MINOR', 'FUTURE'],
  ] as const)(
    'derives severity and urgency from the level: %s → %s, %s',
    async (level, severity, urgency) => {
      const w = await world();
      await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: 'LOW' });
      expect((await publish(w.situation.id, level, w.lead.id)).alert).toMatchObject({ severity, urgency });
    },
  );

  it('marks the alert of an exercise situation as an EXERCISE', async () => {
    const w = await world({ exercise: true });
    await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: 'HIGH' });
    expect((await publish(w.situation.id, 'HIGH', w.lead.id)).alert.status).toBe('EXERCISE');
  });

  it('sends an alert of an assessment without author in the name of the lead of the latest open plan', async () => {
    const w = await world();
    await makeAlertRule(api.db, { situationId: w.situation.id, minLevel: 'HIGH' });
    const alert = (await publish(w.situation.id, 'VERY_HIGH', null)).alert;
    expect(alert.senderActor.id).toBe(w.lead.gid);
    expect(alert.recipients.map((r: { actor: { id: string } }) => r.actor.id)).toEqual([
      w.contributor.gid,
      w.observer.gid,
    ]);
  });

  it('raises nothing when the situation has no rule, or an inactive one', async () => {
    const none = await world();
    expect((await publish(none.situation.id, 'VERY_HIGH', none.lead.id)).alert).toBeNull();
    const off = await world();
    await makeAlertRule(api.db, { situationId: off.situation.id, minLevel: 'LOW', active: false });
    expect((await publish(off.situation.id, 'VERY_HIGH', off.lead.id)).alert).toBeNull();
    expect(await alertsOf(none.situation.id)).toBe(0);
    expect(await alertsOf(off.situation.id)).toBe(0);
  });

  it('applies the global rule to a situation without its own, and not to one whose own rule is inactive', async () => {
    await makeAlertRule(api.db, { minLevel: 'HIGH' });
    try {
      const governed = await world();
      const optedOut = await world();
      await makeAlertRule(api.db, { situationId: optedOut.situation.id, minLevel: 'HIGH', active: false });
      expect((await publish(governed.situation.id, 'HIGH', governed.lead.id)).alert).not.toBeNull();
      expect((await publish(optedOut.situation.id, 'HIGH', optedOut.lead.id)).alert).toBeNull();
      const rules = ok(
        await api.gql(
          `query($a: ID!, $b: ID!) { a: situation(id: $a) { alertRule { minLevel active situation { id } } }
          b: situation(id: $b) { alertRule { minLevel active situation { id } } } }`,
          {
            a: governed.situation.gid,
            b: optedOut.situation.gid,
          },
        ),
      );
      expect(rules.a.alertRule).toEqual({ minLevel: 'HIGH', active: true, situation: null });
      expect(rules.b.alertRule).toEqual({
        minLevel: 'HIGH',
        active: false,
        situation: { id: optedOut.situation.gid },
      });
    } finally {
      await api.db.query('DELETE FROM alert_rule WHERE situation_id IS NULL');
    }
  });
});
