import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { type Made, makeActor } from '../../../test/factories';
import { makeAlert } from '../../../test/factories-early-warning';
import { makeSituation } from '../../../test/factories-situations';
import { toGlobalId } from '../../common/ids';

let api: TestApi;

const GROUPS = [
  'anonymous',
  'senderLiaison',
  'senderViewer',
  'recipientLiaison',
  'recipientPartner',
  'recipientViewer',
  'unrelatedLiaison',
  'unrelatedPartner',
  'admin',
  'tokenReadGraph',
  'tokenWriteAssignments',
] as const;
type Group = (typeof GROUPS)[number];

/** draft and publicDraft are unsent; issued goes to `recipient`; public (issued, PUBLIC) to `other`. */
const KEYS = ['draft', 'issued', 'public', 'publicDraft'] as const;
type Key = (typeof KEYS)[number];

let org: Record<'sender' | 'recipient' | 'other' | 'unrelated', Made>;
let situation: Made;
const alert = {} as Record<Key, Made>;
const as = {} as Record<Group, Record<string, string>>;

async function token(cookie: string, scopes: string[]) {
  const res = await api.gql(
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
    { input: { name: 'integration', scopes, expiresInDays: 1 } },
    { cookie },
  );
  return { authorization: `Bearer ${ok(res).createApiToken.secret}` };
}

beforeAll(async () => {
  api = await startTestApi();
  org = {
    sender: await makeActor(api.db),
    recipient: await makeActor(api.db),
    other: await makeActor(api.db),
    unrelated: await makeActor(api.db),
  };
  situation = await makeSituation(api.db);
  const make = (state: 'DRAFT' | 'ISSUED', scope: 'RESTRICTED' | 'PUBLIC', to: Made) =>
    makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: org.sender.id,
      state,
      scope,
      recipients: [{ actorId: to.id }],
    });
  alert.draft = await make('DRAFT', 'RESTRICTED', org.recipient);
  alert.issued = await make('ISSUED', 'RESTRICTED', org.recipient);
  alert.public = await make('ISSUED', 'PUBLIC', org.other);
  alert.publicDraft = await make('DRAFT', 'PUBLIC', org.recipient);

  const person = async (role: 'LIAISON' | 'PARTNER' | 'VIEWER', actor: Made) =>
    (await signedInAs(api.db, role, actor.id)).cookie;
  const recipientViewer = await person('VIEWER', org.recipient);
  const recipientPartner = await person('PARTNER', org.recipient);
  Object.assign(as, {
    anonymous: { cookie: '' },
    senderLiaison: { cookie: await person('LIAISON', org.sender) },
    senderViewer: { cookie: await person('VIEWER', org.sender) },
    recipientLiaison: { cookie: await person('LIAISON', org.recipient) },
    recipientPartner: { cookie: recipientPartner },
    recipientViewer: { cookie: recipientViewer },
    unrelatedLiaison: { cookie: await person('LIAISON', org.unrelated) },
    unrelatedPartner: { cookie: await person('PARTNER', org.unrelated) },
    admin: { cookie: api.adminCookie },
    tokenReadGraph: await token(recipientViewer, ['READ_GRAPH']),
    tokenWriteAssignments: await token(recipientPartner, ['WRITE_ASSIGNMENTS']),
  });
});
afterAll(() => api?.close());

/** Senders see their drafts; recipients what was issued to them; everyone signed in an issued PUBLIC alert. */
const READS: Record<Group, readonly Key[]> = {
  anonymous: [],
  senderLiaison: KEYS,
  senderViewer: KEYS,
  recipientLiaison: ['issued', 'public'],
  recipientPartner: ['issued', 'public'],
  recipientViewer: ['issued', 'public'],
  unrelatedLiaison: ['public'],
  unrelatedPartner: ['public'],
  admin: KEYS,
  tokenReadGraph: ['issued', 'public'],
  tokenWriteAssignments: [],
};
const keyOf = (gid: string) => KEYS.find((k) => alert[k].gid === gid);
const sorted = (keys: readonly (Key | undefined)[]) => [...keys].sort();

describe('who reads an alert', () => {
  it.each(GROUPS)('node(s) answers %s with the alerts it may read and null for the others', async (group) => {
    const nodes = ok(
      await api.gql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: KEYS.map((k) => alert[k].gid) },
        as[group],
      ),
    ).nodes;
    expect(nodes).toEqual(KEYS.map((k) => (READS[group].includes(k) ? { id: alert[k].gid } : null)));
  });

  it.each(GROUPS.filter((g) => g !== 'anonymous'))(
    'lists to %s only readable alerts, in alerts and in situation.alerts, with a matching totalCount',
    async (group) => {
      const root = ok(
        await api.gql(
          `query($id: ID!) { alerts(first: 10, filter: { situationId: $id }) { totalCount edges { node { id } } } }`,
          { id: situation.gid },
          as[group],
        ),
      ).alerts;
      expect(sorted(root.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)))).toEqual(
        sorted(READS[group]),
      );
      expect(root.totalCount).toBe(READS[group].length);

      const nested = ok(
        await api.gql(
          `query($id: ID!) { nodes(ids: [$id]) { ... on Situation { alerts(first: 10) { totalCount edges { node { id } } } } } }`,
          { id: situation.gid },
          as[group],
        ),
      ).nodes[0];
      if (group === 'tokenWriteAssignments') {
        expect(nested).toBeNull();
        return;
      }
      expect(sorted(nested.alerts.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)))).toEqual(
        sorted(READS[group]),
      );
      expect(nested.alerts.totalCount).toBe(READS[group].length);
    },
  );

  it.each(GROUPS.filter((g) => g !== 'anonymous'))(
    'answers alert(id) of an alert %s may not read with NOT_FOUND, as for a missing one',
    async (group) => {
      for (const key of KEYS) {
        const res = await api.gql(
          `query($id: ID!) { alert(id: $id) { id } }`,
          { id: alert[key].gid },
          as[group],
        );
        if (READS[group].includes(key)) expect(ok(res).alert.id).toBe(alert[key].gid);
        else expect(errorCode(res)).toBe('NOT_FOUND');
      }
    },
  );

  it('tells who acknowledged only to the recipient’s and the sender’s members and administrators', async () => {
    const acknowledger = await signedInAs(api.db, 'PARTNER', org.other.id);
    const a = await makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: org.sender.id,
      state: 'ISSUED',
      scope: 'PUBLIC',
      recipients: [{ actorId: org.other.id }],
    });
    ok(
      await api.gql(
        `mutation($id: ID!) { acknowledgeAlert(input: { id: $id }) { alert { id } } }`,
        { id: a.gid },
        { cookie: acknowledger.cookie },
      ),
    );
    const READ = `query($id: ID!) { alert(id: $id) { recipients { acknowledgedAt acknowledgedBy { id } } } }`;
    const userGid = toGlobalId('User', acknowledger.userId);
    for (const [group, shown] of [
      ['senderViewer', true],
      ['admin', true],
      ['unrelatedLiaison', false],
      ['recipientPartner', false],
    ] as const) {
      const [recipient] = ok(await api.gql(READ, { id: a.gid }, as[group])).alert.recipients;
      expect(recipient.acknowledgedAt).not.toBeNull();
      expect(recipient.acknowledgedBy).toEqual(shown ? { id: userGid } : null);
    }
    const own = ok(await api.gql(READ, { id: a.gid }, { cookie: acknowledger.cookie })).alert.recipients[0];
    expect(own.acknowledgedBy).toEqual({ id: userGid });
  });

  it('refuses alerts to an anonymous caller', async () => {
    expect(errorCode(await api.gql(`{ alerts(first: 1) { totalCount } }`, {}, as.anonymous))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('who may act on an alert', () => {
  const stored = async (id: string) =>
    (
      await api.db.query<{ state: string; version: number; acknowledged: number }>(
        `SELECT state, version, (SELECT count(*)::int FROM alert_recipient r WHERE r.alert_id = a.id AND r.acknowledged_at IS NOT NULL) AS acknowledged
         FROM alert a WHERE id = $1`,
        [id],
      )
    )[0];
  const fresh = (state: 'DRAFT' | 'ISSUED') =>
    makeAlert(api.db, {
      situationId: situation.id,
      senderActorId: org.sender.id,
      state,
      recipients: [{ actorId: org.recipient.id }],
    });

  const ISSUE = `mutation($input: IssueAlertInput!) { issueAlert(input: $input) { alert { state } } }`;
  const ACK = `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { alert { state } } }`;
  const ESCALATE = `mutation($input: EscalateAlertInput!) { escalateAlert(input: $input) { alert { state } } }`;
  const CLOSE = `mutation($input: CloseAlertInput!) { closeAlert(input: $input) { alert { state } } }`;

  const CASES: [string, Group, 'DRAFT' | 'ISSUED', string, string][] = [
    ['issueAlert', 'senderLiaison', 'DRAFT', ISSUE, 'OK'],
    ['issueAlert', 'admin', 'DRAFT', ISSUE, 'OK'],
    ['issueAlert', 'senderViewer', 'DRAFT', ISSUE, 'FORBIDDEN'],
    ['issueAlert', 'recipientLiaison', 'DRAFT', ISSUE, 'NOT_FOUND'],
    ['issueAlert', 'unrelatedLiaison', 'DRAFT', ISSUE, 'NOT_FOUND'],
    ['issueAlert', 'anonymous', 'DRAFT', ISSUE, 'UNAUTHENTICATED'],
    ['issueAlert', 'tokenReadGraph', 'DRAFT', ISSUE, 'FORBIDDEN'],
    ['acknowledgeAlert', 'recipientLiaison', 'ISSUED', ACK, 'OK'],
    ['acknowledgeAlert', 'recipientPartner', 'ISSUED', ACK, 'OK'],
    ['acknowledgeAlert', 'recipientViewer', 'ISSUED', ACK, 'OK'],
    ['acknowledgeAlert', 'senderLiaison', 'ISSUED', ACK, 'FORBIDDEN'],
    ['acknowledgeAlert', 'admin', 'ISSUED', ACK, 'FORBIDDEN'],
    ['acknowledgeAlert', 'unrelatedLiaison', 'ISSUED', ACK, 'NOT_FOUND'],
    ['acknowledgeAlert', 'unrelatedPartner', 'ISSUED', ACK, 'NOT_FOUND'],
    ['acknowledgeAlert', 'anonymous', 'ISSUED', ACK, 'UNAUTHENTICATED'],
    ['acknowledgeAlert', 'tokenWriteAssignments', 'ISSUED', ACK, 'FORBIDDEN'],
    ['escalateAlert', 'senderLiaison', 'ISSUED', ESCALATE, 'OK'],
    ['escalateAlert', 'admin', 'ISSUED', ESCALATE, 'OK'],
    ['escalateAlert', 'recipientLiaison', 'ISSUED', ESCALATE, 'FORBIDDEN'],
    ['escalateAlert', 'senderViewer', 'ISSUED', ESCALATE, 'FORBIDDEN'],
    ['escalateAlert', 'unrelatedLiaison', 'ISSUED', ESCALATE, 'NOT_FOUND'],
    ['closeAlert', 'senderLiaison', 'ISSUED', CLOSE, 'OK'],
    ['closeAlert', 'recipientPartner', 'ISSUED', CLOSE, 'FORBIDDEN'],
    ['closeAlert', 'unrelatedPartner', 'ISSUED', CLOSE, 'NOT_FOUND'],
  ];

  it.each(CASES)('%s as %s on a %s alert: %s', async (name, group, state, query, outcome) => {
    const a = await fresh(state);
    const input =
      name === 'acknowledgeAlert'
        ? { id: a.gid }
        : name === 'escalateAlert'
          ? { id: a.gid, expectedVersion: 1, reason: 'Unanswered' }
          : { id: a.gid, expectedVersion: 1 };
    const before = await stored(a.id);
    const res = await api.gql(query, { input }, as[group]);
    if (outcome === 'OK') {
      ok(res);
      expect((await stored(a.id)).version).toBe(2);
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(await stored(a.id)).toEqual(before);
    }
  });

  it('lets an administrator acknowledge on behalf of a named recipient organisation', async () => {
    const a = await fresh('ISSUED');
    const res = await api.gql(ACK, { input: { id: a.gid, actorId: org.recipient.gid } }, as.admin);
    expect(ok(res).acknowledgeAlert.alert.state).toBe('ACKNOWLEDGED');
  });

  const CREATE = `mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id senderActor { id } } } }`;
  it.each([
    ['senderLiaison', 'sender', 'OK'],
    ['senderLiaison', 'recipient', 'FORBIDDEN'],
    ['senderViewer', 'sender', 'FORBIDDEN'],
    ['recipientPartner', 'recipient', 'FORBIDDEN'],
    ['anonymous', 'sender', 'UNAUTHENTICATED'],
  ] as const)('createAlert as %s sending for the %s organisation: %s', async (group, sender, outcome) => {
    const target = await makeSituation(api.db);
    const input = {
      situationId: target.gid,
      senderActorId: org[sender].gid,
      headline: 'Mobilisation',
      urgency: 'EXPECTED',
      severity: 'SEVERE',
      certainty: 'LIKELY',
    };
    const res = await api.gql(CREATE, { input }, as[group]);
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM alert WHERE situation_id = $1',
      [target.id],
    );
    if (outcome === 'OK') {
      expect(ok(res).createAlert.alert.senderActor.id).toBe(org[sender].gid);
      expect(n).toBe(1);
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(n).toBe(0);
    }
  });

  const RULE = `mutation($input: SetAlertRuleInput!) { setAlertRule(input: $input) { alertRule { id minLevel active situation { id } } } }`;
  it.each([
    ['senderLiaison', true, 'OK'],
    ['admin', true, 'OK'],
    ['recipientPartner', true, 'FORBIDDEN'],
    ['senderViewer', true, 'FORBIDDEN'],
    ['senderLiaison', false, 'FORBIDDEN'],
    ['admin', false, 'OK'],
  ] as const)('setAlertRule as %s (for a situation: %s): %s', async (group, forSituation, outcome) => {
    const target = await makeSituation(api.db);
    const input = forSituation ? { situationId: target.gid, minLevel: 'HIGH' } : { minLevel: 'VERY_HIGH' };
    const res = await api.gql(RULE, { input }, as[group]);
    const rules = await api.db.query<{ minLevel: string }>(
      'SELECT min_level AS "minLevel" FROM alert_rule WHERE situation_id IS NOT DISTINCT FROM $1::uuid',
      [forSituation ? target.id : null],
    );
    try {
      if (outcome === 'OK') {
        expect(ok(res).setAlertRule.alertRule).toMatchObject({
          minLevel: input.minLevel,
          active: true,
          situation: forSituation ? { id: target.gid } : null,
        });
        expect(rules).toEqual([{ minLevel: input.minLevel }]);
      } else {
        expect(errorCode(res)).toBe(outcome);
        expect(rules).toEqual([]);
      }
    } finally {
      await api.db.query('DELETE FROM alert_rule WHERE situation_id IS NULL');
    }
  });

  it('keeps one rule per situation: setting it again changes the same rule', async () => {
    const target = await makeSituation(api.db);
    const first = ok(await api.gql(RULE, { input: { situationId: target.gid, minLevel: 'HIGH' } }))
      .setAlertRule.alertRule;
    const second = ok(
      await api.gql(RULE, { input: { situationId: target.gid, minLevel: 'MODERATE', active: false } }),
    ).setAlertRule.alertRule;
    expect(second).toMatchObject({ id: first.id, minLevel: 'MODERATE', active: false });
    const rule = ok(
      await api.gql(`query($id: ID!) { situation(id: $id) { alertRule { id minLevel active } } }`, {
        id: target.gid,
      }),
    ).situation.alertRule;
    expect(rule).toEqual({ id: first.id, minLevel: 'MODERATE', active: false });
    expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: first.id })).node).toEqual({
      id: first.id,
    });
    expect(
      toGlobalId(
        'AlertRule',
        (
          await api.db.query<{ id: string }>('SELECT id FROM alert_rule WHERE situation_id = $1', [target.id])
        )[0].id,
      ),
    ).toBe(first.id);
  });
});
