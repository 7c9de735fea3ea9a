import type { AlertState } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAlert } from '../../../test/factories-early-warning';
import { makeSituation } from '../../../test/factories-situations';
import { toGlobalId } from '../../common/ids';

let api: TestApi;
let adminOrg: string;
beforeAll(async () => {
  api = await startTestApi();
  // The administrator of the test API is a member of one organisation: alerts default to it as sender.
  [{ actorId: adminOrg }] = await api.db.query<{ actorId: string }>(
    `SELECT m.actor_id AS "actorId" FROM membership m WHERE m.role = 'ADMIN' LIMIT 1`,
  );
});
afterAll(() => api?.close());

const FIELDS = `id version identifier state status msgType scope urgency severity certainty headline description
  instruction areaDesc issuedAt closedAt escalationReason situation { id } senderActor { id }
  recipients { actor { id name } acknowledgedAt acknowledgedBy { displayName } }`;
const CREATE = `mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateAlertInput!) { updateAlert(input: $input) { alert { ${FIELDS} } } }`;
const M = {
  issue: `mutation($input: IssueAlertInput!) { issueAlert(input: $input) { alert { ${FIELDS} } } }`,
  escalate: `mutation($input: EscalateAlertInput!) { escalateAlert(input: $input) { alert { ${FIELDS} } } }`,
  close: `mutation($input: CloseAlertInput!) { closeAlert(input: $input) { alert { ${FIELDS} } } }`,
  acknowledge: `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { alert { ${FIELDS} } } }`,
};

const stored = async (id: string) =>
  (
    await api.db.query<{
      state: AlertState;
      version: number;
      issued: boolean;
      closed: boolean;
      acknowledged: number;
    }>(
      `SELECT state, version, issued_at IS NOT NULL AS issued, closed_at IS NOT NULL AS closed,
         (SELECT count(*)::int FROM alert_recipient r WHERE r.alert_id = a.id AND r.acknowledged_at IS NOT NULL) AS acknowledged
       FROM alert a WHERE id = $1`,
      [id],
    )
  )[0];

const base = (situationGid: string, recipientIds: string[] = []) => ({
  situationId: situationGid,
  headline: 'Armed groups mobilising around Yei',
  urgency: 'EXPECTED',
  severity: 'SEVERE',
  certainty: 'LIKELY',
  recipientIds,
});

describe('createAlert and updateAlert', () => {
  it('creates a DRAFT alert with CAP fields, defaults, and recipients listed by name', async () => {
    const situation = await makeSituation(api.db, {
      adminAreas: ['Central Equatoria', 'Jonglei'],
      isExercise: true,
    });
    const zulu = await makeActor(api.db, { name: 'Zulu Relief' });
    const alpha = await makeActor(api.db, { name: 'Alpha Monitors' });
    const alert = ok(
      await api.gql(CREATE, {
        input: {
          ...base(situation.gid, [zulu.gid, alpha.gid]),
          instruction: 'Confirm deployment readiness.',
        },
      }),
    ).createAlert.alert;
    expect(alert).toMatchObject({
      version: 1,
      state: 'DRAFT',
      status: 'EXERCISE',
      msgType: 'ALERT',
      scope: 'RESTRICTED',
      urgency: 'EXPECTED',
      severity: 'SEVERE',
      certainty: 'LIKELY',
      headline: 'Armed groups mobilising around Yei',
      description: null,
      instruction: 'Confirm deployment readiness.',
      areaDesc: 'Central Equatoria, Jonglei (SS)',
      issuedAt: null,
      closedAt: null,
      escalationReason: null,
      situation: { id: situation.gid },
      senderActor: { id: toGlobalId('Actor', adminOrg) },
    });
    expect(alert.identifier).toMatch(/^urn:concord:alert:[0-9a-f-]{36}$/);
    expect(alert.recipients).toEqual([
      { actor: { id: alpha.gid, name: 'Alpha Monitors' }, acknowledgedAt: null, acknowledgedBy: null },
      { actor: { id: zulu.gid, name: 'Zulu Relief' }, acknowledgedAt: null, acknowledgedBy: null },
    ]);
  });

  const missingActor = toGlobalId('Actor', '00000000-0000-4000-8000-000000000999');
  it.each([
    ['a blank headline', { headline: '   ' }, 'BAD_USER_INPUT', 'headline'],
    ['a headline over 160 characters', { headline: 'x'.repeat(161) }, 'BAD_USER_INPUT', 'headline'],
    ['a recipient that does not exist', { recipientIds: [missingActor] }, 'NOT_FOUND', 'recipientIds'],
    ['a malformed recipient id', { recipientIds: ['nope'] }, 'BAD_USER_INPUT', 'recipientIds'],
    [
      'a situation that does not exist',
      { situationId: toGlobalId('Situation', '00000000-0000-4000-8000-000000000999') },
      'NOT_FOUND',
      'situationId',
    ],
    ['a sender that does not exist', { senderActorId: missingActor }, 'NOT_FOUND', 'senderActorId'],
  ])('refuses %s, naming the field, and creates nothing', async (_label, patch, code, field) => {
    const situation = await makeSituation(api.db);
    const res = await api.gql(CREATE, { input: { ...base(situation.gid), ...patch } });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM alert WHERE situation_id = $1',
      [situation.id],
    );
    expect(n).toBe(0);
  });

  it('patches a draft, replacing its recipients, and refuses a stale version', async () => {
    const situation = await makeSituation(api.db);
    const [a, b, c] = [await makeActor(api.db), await makeActor(api.db), await makeActor(api.db)];
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: adminOrg,
      recipients: [{ actorId: a.id }, { actorId: b.id }],
    });
    const updated = ok(
      await api.gql(UPDATE, {
        input: { id: alert.gid, expectedVersion: 1, severity: 'EXTREME', recipientIds: [b.gid, c.gid] },
      }),
    ).updateAlert.alert;
    expect(updated).toMatchObject({ version: 2, severity: 'EXTREME', headline: alert.headline });
    expect(updated.recipients.map((r: { actor: { id: string } }) => r.actor.id).sort()).toEqual(
      [b.gid, c.gid].sort(),
    );

    const stale = await api.gql(UPDATE, { input: { id: alert.gid, expectedVersion: 1, severity: 'MINOR' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(await stored(alert.id)).toMatchObject({ version: 2, state: 'DRAFT' });
  });

  it.each(['ISSUED', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED'] as const)(
    'refuses to edit an alert once it is %s',
    async (state) => {
      const situation = await makeSituation(api.db);
      const alert = await makeAlert(api.db, { situationId: situation.id, senderActorId: adminOrg, state });
      const res = await api.gql(UPDATE, {
        input: { id: alert.gid, expectedVersion: 1, headline: 'Changed' },
      });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.currentState).toBe(state);
      expect(await stored(alert.id)).toMatchObject({ version: 1, state });
    },
  );

  it.each([
    ['a null headline', { headline: null }, 'headline'],
    ['a null severity', { severity: null }, 'severity'],
  ])('refuses %s on update, naming the field', async (_label, patch, field) => {
    const situation = await makeSituation(api.db);
    const alert = await makeAlert(api.db, { situationId: situation.id, senderActorId: adminOrg });
    const res = await api.gql(UPDATE, { input: { id: alert.gid, expectedVersion: 1, ...patch } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await stored(alert.id)).toMatchObject({ version: 1 });
  });
});

describe('the alert workflow', () => {
  type Step = keyof typeof M;
  const TRANSITIONS: [Step, AlertState, AlertState | 'CONFLICT'][] = [
    ['issue', 'DRAFT', 'ISSUED'],
    ['issue', 'ISSUED', 'CONFLICT'],
    ['issue', 'ACKNOWLEDGED', 'CONFLICT'],
    ['issue', 'ESCALATED', 'CONFLICT'],
    ['issue', 'CLOSED', 'CONFLICT'],
    ['acknowledge', 'DRAFT', 'CONFLICT'],
    ['acknowledge', 'ISSUED', 'ACKNOWLEDGED'],
    ['acknowledge', 'ACKNOWLEDGED', 'CONFLICT'],
    ['acknowledge', 'ESCALATED', 'ESCALATED'],
    ['acknowledge', 'CLOSED', 'CONFLICT'],
    ['escalate', 'DRAFT', 'CONFLICT'],
    ['escalate', 'ISSUED', 'ESCALATED'],
    ['escalate', 'ACKNOWLEDGED', 'ESCALATED'],
    ['escalate', 'ESCALATED', 'CONFLICT'],
    ['escalate', 'CLOSED', 'CONFLICT'],
    ['close', 'DRAFT', 'CLOSED'],
    ['close', 'ISSUED', 'CLOSED'],
    ['close', 'ACKNOWLEDGED', 'CLOSED'],
    ['close', 'ESCALATED', 'CLOSED'],
    ['close', 'CLOSED', 'CONFLICT'],
  ];

  it.each(TRANSITIONS)('%s from %s: %s', async (step, from, outcome) => {
    const situation = await makeSituation(api.db);
    const recipient = await makeActor(api.db);
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: adminOrg,
      state: from,
      recipients: [{ actorId: recipient.id }],
    });
    const input =
      step === 'acknowledge'
        ? { id: alert.gid, actorId: recipient.gid }
        : step === 'escalate'
          ? { id: alert.gid, expectedVersion: 1, reason: 'No response from the mission within 48 hours' }
          : { id: alert.gid, expectedVersion: 1 };
    const before = await stored(alert.id);
    const res = await api.gql(M[step], { input });
    if (outcome === 'CONFLICT') {
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions).toMatchObject({ currentState: from, currentVersion: 1 });
      expect(await stored(alert.id)).toEqual(before);
      return;
    }
    const moved = (Object.values(ok(res))[0] as { alert: Record<string, unknown> }).alert;
    expect(moved).toMatchObject({ state: outcome, version: 2 });
    const after = await stored(alert.id);
    expect(after).toMatchObject({ state: outcome, version: 2 });
    if (step === 'issue') expect(after.issued).toBe(true);
    if (step === 'close') expect(after.closed).toBe(true);
    if (step === 'escalate')
      expect(moved.escalationReason).toBe('No response from the mission within 48 hours');
    if (step === 'acknowledge') expect(after.acknowledged).toBe(1);
  });

  it.each(['issue', 'escalate', 'close'] as const)(
    'refuses %s with a stale version, changing nothing',
    async (step) => {
      const situation = await makeSituation(api.db);
      const alert = await makeAlert(api.db, {
        situationId: situation.id,
        senderActorId: adminOrg,
        state: step === 'issue' ? 'DRAFT' : 'ISSUED',
      });
      await api.db.query('UPDATE alert SET version = 4 WHERE id = $1', [alert.id]);
      const before = await stored(alert.id);
      const reason = step === 'escalate' ? { reason: 'stale' } : {};
      const res = await api.gql(M[step], { input: { id: alert.gid, expectedVersion: 3, ...reason } });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.currentVersion).toBe(4);
      expect(await stored(alert.id)).toEqual(before);
    },
  );

  it('refuses to issue an alert that has no recipient, naming recipientIds', async () => {
    const situation = await makeSituation(api.db);
    const alert = await makeAlert(api.db, { situationId: situation.id, senderActorId: adminOrg });
    const res = await api.gql(M.issue, { input: { id: alert.gid, expectedVersion: 1 } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('recipientIds');
    expect(await stored(alert.id)).toMatchObject({ state: 'DRAFT', version: 1, issued: false });
  });

  it('becomes ACKNOWLEDGED only when every recipient has acknowledged, recording who did', async () => {
    const situation = await makeSituation(api.db);
    const [first, second] = [
      await makeActor(api.db, { name: 'A first' }),
      await makeActor(api.db, { name: 'B second' }),
    ];
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: adminOrg,
      state: 'ISSUED',
      recipients: [{ actorId: first.id }, { actorId: second.id }],
    });
    const one = ok(await api.gql(M.acknowledge, { input: { id: alert.gid, actorId: first.gid } }))
      .acknowledgeAlert.alert;
    expect(one).toMatchObject({ state: 'ISSUED', version: 2 });
    expect(one.recipients[0].acknowledgedAt).not.toBeNull();
    expect(one.recipients[0].acknowledgedBy.displayName).toMatch(/^Test ADMIN/);
    expect(one.recipients[1]).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null });

    const again = await api.gql(M.acknowledge, { input: { id: alert.gid, actorId: first.gid } });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(await stored(alert.id)).toMatchObject({ state: 'ISSUED', version: 2, acknowledged: 1 });

    const both = ok(await api.gql(M.acknowledge, { input: { id: alert.gid, actorId: second.gid } }))
      .acknowledgeAlert.alert;
    expect(both).toMatchObject({ state: 'ACKNOWLEDGED', version: 3 });
  });

  it('refuses to acknowledge for an organisation the alert is not addressed to', async () => {
    const situation = await makeSituation(api.db);
    const recipient = await makeActor(api.db);
    const stranger = await makeActor(api.db);
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: adminOrg,
      state: 'ISSUED',
      recipients: [{ actorId: recipient.id }],
    });
    const res = await api.gql(M.acknowledge, { input: { id: alert.gid, actorId: stranger.gid } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('actorId');
    expect(await stored(alert.id)).toMatchObject({ version: 1, acknowledged: 0 });
  });

  it.each([
    ['an empty reason', ''],
    ['a blank reason', '  '],
  ])('refuses an escalation with %s, changing nothing', async (_label, reason) => {
    const situation = await makeSituation(api.db);
    const alert = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: adminOrg,
      state: 'ISSUED',
    });
    const res = await api.gql(M.escalate, { input: { id: alert.gid, expectedVersion: 1, reason } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('reason');
    expect(await stored(alert.id)).toMatchObject({ state: 'ISSUED', version: 1 });
  });
});

describe('reading alerts', () => {
  it('lists alerts by situation and state, newest first by default, with a matching totalCount', async () => {
    const situation = await makeSituation(api.db);
    const other = await makeSituation(api.db);
    const made = [];
    for (const state of ['DRAFT', 'ISSUED', 'ESCALATED', 'CLOSED'] as const) {
      made.push(await makeAlert(api.db, { situationId: situation.id, senderActorId: adminOrg, state }));
    }
    await makeAlert(api.db, { situationId: other.id, senderActorId: adminOrg, state: 'ISSUED' });
    const LIST = `query($filter: AlertFilter, $order: AlertOrder) {
      alerts(first: 10, filter: $filter, orderBy: $order) { totalCount edges { node { id state } } }
    }`;
    const open = ok(
      await api.gql(LIST, { filter: { situationId: situation.gid, states: ['ISSUED', 'ESCALATED'] } }),
    ).alerts;
    expect(open).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: made[2].gid, state: 'ESCALATED' } },
        { node: { id: made[1].gid, state: 'ISSUED' } },
      ],
    });
    const oldest = ok(
      await api.gql(LIST, {
        filter: { situationId: situation.gid },
        order: { field: 'CREATED_AT', direction: 'ASC' },
      }),
    ).alerts;
    expect(oldest.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(made.map((m) => m.gid));

    const nested = ok(
      await api.gql(
        `query($id: ID!) { situation(id: $id) { alerts(first: 2, filter: { states: [DRAFT, CLOSED] }) {
        totalCount edges { node { id situation { id } } } } } }`,
        { id: situation.gid },
      ),
    ).situation.alerts;
    expect(nested).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: made[3].gid, situation: { id: situation.gid } } },
        { node: { id: made[0].gid, situation: { id: situation.gid } } },
      ],
    });
    const one = ok(
      await api.gql(`query($id: ID!) { alert(id: $id) { id state } }`, { id: made[1].gid }),
    ).alert;
    expect(one).toEqual({ id: made[1].gid, state: 'ISSUED' });
  });

  it('answers alert(id) for a missing alert with NOT_FOUND', async () => {
    const res = await api.gql(`query($id: ID!) { alert(id: $id) { id } }`, {
      id: toGlobalId('Alert', '00000000-0000-4000-8000-000000000999'),
    });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});
