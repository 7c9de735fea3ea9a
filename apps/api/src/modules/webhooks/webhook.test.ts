import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makeAlert } from '../../../test/factories-early-warning';
import {
  makeAssignment,
  makeParticipant,
  makePlan,
  makeSituation,
  makeTask,
} from '../../../test/factories-plans';
import { eventually, startReceiver, verifySignature } from '../../../test/factories-webhooks';
import { parseGlobalId, toGlobalId } from '../../common/ids';
import { type Jobs, startJobs } from '../../jobs/queue';

let api: TestApi;
let jobs: Jobs;
beforeAll(async () => {
  api = await startTestApi();
  jobs = await startJobs({
    db: api.db,
    databaseUrl: api.databaseUrl,
    escalationIntervalSeconds: 3600,
    log: () => {},
    webhooks: { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 2, pollingIntervalSeconds: 0.5 },
  });
}, 120_000);
afterAll(async () => {
  await jobs.stop();
  await api.close();
});

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret webhookSubscription { id url events active version actor { id } } } }`;
const DELIVERIES = `query($id: ID!) { node(id: $id) { ... on WebhookSubscription {
  deliveries(first: 10) { totalCount edges { node { id event eventId status attempts lastStatusCode lastError deliveredAt payload } } } } } }`;

/** An organisation with a liaison, and a subscription of it to `url`. */
async function subscriber(
  url: string,
  events = ['ALERT_ISSUED', 'ASSIGNMENT_ANSWERED', 'PLAN_STATUS_CHANGED'],
) {
  const org = await makeActor(api.db);
  const liaison = await signedInAs(api.db, 'LIAISON', org.id);
  const created = ok(
    await api.gql(CREATE, { input: { url, events } }, { cookie: liaison.cookie }),
  ).createWebhookSubscription;
  return { org, liaison, secret: created.secret as string, id: created.webhookSubscription.id as string };
}

const deliveriesOf = async (subscriptionGid: string) =>
  ok(await api.gql(DELIVERIES, { id: subscriptionGid })).node.deliveries.edges.map(
    (e: { node: Record<string, unknown> }) => e.node,
  );

describe('webhook deliveries', () => {
  it('an answered assignment is POSTed, signed with the secret, to the assigned organisation', async () => {
    const receiver = await startReceiver();
    try {
      const sub = await subscriber(receiver.url);
      const plan = await makePlan(api.db);
      const task = await makeTask(api.db, plan.id);
      const assignment = await makeAssignment(api.db, task.id, sub.org.id);
      const partner = await signedInAs(api.db, 'PARTNER', sub.org.id);
      ok(
        await api.gql(
          `mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { __typename } }`,
          { input: { assignmentId: assignment.gid, response: 'ACCEPT' } },
          { cookie: partner.cookie },
        ),
      );
      await eventually(async () => receiver.received.length === 1);
      const [request] = receiver.received;
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['concord-event']).toBe('ASSIGNMENT_ANSWERED');
      expect(verifySignature(sub.secret, request.headers['concord-signature'] as string, request.body)).toBe(
        true,
      );
      expect(
        verifySignature('whsec_wrong', request.headers['concord-signature'] as string, request.body),
      ).toBe(false);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({
        event: 'ASSIGNMENT_ANSWERED',
        data: {
          assignmentId: assignment.gid,
          taskId: task.gid,
          planId: plan.gid,
          actorId: sub.org.gid,
          status: 'ACCEPTED',
          previousStatus: 'PROPOSED',
        },
      });
      expect(body.id).toMatch(/^ASSIGNMENT_ANSWERED:/);
      expect(Number.isNaN(Date.parse(body.occurredAt))).toBe(false);
      const [delivery] = await eventually(async () => {
        const list = await deliveriesOf(sub.id);
        return list[0]?.status === 'SUCCEEDED' ? list : undefined;
      });
      expect(delivery).toMatchObject({
        event: 'ASSIGNMENT_ANSWERED',
        eventId: body.id,
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
      });
      expect(request.headers['concord-delivery']).toBe(delivery.id);
      expect(delivery.payload).toEqual(body);
    } finally {
      await receiver.close();
    }
  });

  it('a failing receiver (500 twice, then 200) is retried with backoff; the log shows each attempt and SUCCEEDED', async () => {
    const receiver = await startReceiver([500, 500, 200]);
    try {
      const sub = await subscriber(receiver.url, ['PLAN_STATUS_CHANGED']);
      const plan = await makePlan(api.db, { leadActorId: sub.org.id });
      ok(
        await api.gql(
          `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { __typename } }`,
          { input: { id: plan.gid, expectedVersion: plan.version, status: 'IN_REVIEW' } },
          { cookie: sub.liaison.cookie },
        ),
      );
      const seen: Record<string, unknown>[] = [];
      const [delivery] = await eventually(async () => {
        const list = await deliveriesOf(sub.id);
        if (list[0]) seen.push(list[0]);
        return list[0]?.status === 'SUCCEEDED' ? list : undefined;
      }, 30_000);
      expect(delivery).toMatchObject({
        status: 'SUCCEEDED',
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
      });
      expect(
        seen.some(
          (d) =>
            d.status === 'PENDING' &&
            d.lastStatusCode === 500 &&
            d.lastError === 'the receiver answered HTTP 500',
        ),
      ).toBe(true);
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((r) => r.headers['concord-delivery'])).size).toBe(1);
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
      for (const r of receiver.received)
        expect(verifySignature(sub.secret, r.headers['concord-signature'] as string, r.body)).toBe(true);
      // Backoff: the retries wait, the second longer than nothing.
      expect(receiver.received[1].at - receiver.received[0].at).toBeGreaterThanOrEqual(900);
      expect(JSON.parse(receiver.received[0].body).data).toMatchObject({
        planId: plan.gid,
        status: 'IN_REVIEW',
        previousStatus: 'DRAFT',
      });
    } finally {
      await receiver.close();
    }
  }, 45_000);

  it('a receiver that keeps failing ends FAILED after the retries, with the last error', async () => {
    const receiver = await startReceiver([503]);
    try {
      const sub = await subscriber(receiver.url, ['PLAN_STATUS_CHANGED']);
      const plan = await makePlan(api.db, { leadActorId: sub.org.id });
      ok(
        await api.gql(
          `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { __typename } }`,
          { input: { id: plan.gid, expectedVersion: plan.version, status: 'IN_REVIEW' } },
          { cookie: sub.liaison.cookie },
        ),
      );
      const [delivery] = await eventually(async () => {
        const list = await deliveriesOf(sub.id);
        return list[0]?.status === 'FAILED' ? list : undefined;
      }, 40_000);
      expect(delivery).toMatchObject({
        attempts: 4,
        lastStatusCode: 503,
        lastError: 'the receiver answered HTTP 503',
        deliveredAt: null,
      });
      expect(receiver.received).toHaveLength(4);
    } finally {
      await receiver.close();
    }
  }, 60_000);
});

describe('who receives which event', () => {
  it('a plan status change goes once to each subscription of a participant that may see the plan, and to no one else', async () => {
    const receiver = await startReceiver();
    try {
      const lead = await subscriber(receiver.url);
      const contributor = await subscriber(receiver.url);
      const secondOfContributor = await api.gql(
        CREATE,
        { input: { url: `${receiver.url}?second`, events: ['PLAN_STATUS_CHANGED'] } },
        { cookie: contributor.liaison.cookie },
      );
      const unrelated = await subscriber(receiver.url);
      const onlyAlerts = await subscriber(receiver.url, ['ALERT_ISSUED']);
      const situation = await makeSituation(api.db);
      const plan = await makePlan(api.db, { situationId: situation.id, leadActorId: lead.org.id });
      await makeParticipant(api.db, plan.id, contributor.org.id, 'CONTRIBUTOR');
      await makeParticipant(api.db, plan.id, onlyAlerts.org.id, 'OBSERVER');
      const confidential = await makePlan(api.db, {
        situationId: situation.id,
        leadActorId: lead.org.id,
        classification: 'CONFIDENTIAL',
      });
      await makeParticipant(api.db, confidential.id, contributor.org.id, 'CONTRIBUTOR');
      for (const p of [plan, confidential]) {
        ok(
          await api.gql(
            `mutation($input: UpdateResponsePlanInput!) { updateResponsePlan(input: $input) { __typename } }`,
            { input: { id: p.gid, expectedVersion: p.version, status: 'IN_REVIEW' } },
            { cookie: lead.liaison.cookie },
          ),
        );
      }
      const rows = await api.db.query<{ subscriptionId: string; planId: string }>(
        `SELECT subscription_id AS "subscriptionId", payload->'data'->>'planId' AS "planId" FROM webhook_delivery
         WHERE event = 'PLAN_STATUS_CHANGED' AND payload->'data'->>'planId' = ANY($1)`,
        [[plan.gid, confidential.gid]],
      );
      const sid = (gid: string) => parseGlobalId(gid)!.id;
      const second = sid(ok(secondOfContributor).createWebhookSubscription.webhookSubscription.id);
      // A CONFIDENTIAL plan is beyond what an integrator of any organisation reads: no event.
      expect(rows.map((r) => [r.subscriptionId, r.planId]).sort()).toEqual(
        [
          [sid(lead.id), plan.gid],
          [sid(contributor.id), plan.gid],
          [second, plan.gid],
        ].sort(),
      );
      await eventually(async () => receiver.received.length >= 3);
      expect(unrelated.org.id).not.toBe(lead.org.id);
    } finally {
      await receiver.close();
    }
  });

  it('an issued alert goes to its sender and recipients, not to others; a draft sends nothing; an inactive subscription nothing', async () => {
    const receiver = await startReceiver();
    try {
      const sender = await subscriber(receiver.url);
      const recipient = await subscriber(receiver.url);
      const paused = await subscriber(receiver.url);
      ok(
        await api.gql(
          `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { webhookSubscription { active version } } }`,
          { input: { id: paused.id, expectedVersion: 1, active: false } },
          { cookie: paused.liaison.cookie },
        ),
      );
      const bystander = await subscriber(receiver.url);
      const situation = await makeSituation(api.db);
      const alert = await makeAlert(api.db, {
        situationId: situation.id,
        senderActorId: sender.org.id,
        recipients: [{ actorId: recipient.org.id }, { actorId: paused.org.id }],
      });
      expect(
        await api.db.query('SELECT 1 FROM webhook_delivery WHERE payload @> $1::jsonb', [
          JSON.stringify({ data: { alertId: alert.gid } }),
        ]),
      ).toHaveLength(0);
      ok(
        await api.gql(
          `mutation($input: IssueAlertInput!) { issueAlert(input: $input) { __typename } }`,
          { input: { id: alert.gid, expectedVersion: alert.version } },
          { cookie: sender.liaison.cookie },
        ),
      );
      const rows = await api.db.query<{ subscriptionId: string }>(
        `SELECT subscription_id AS "subscriptionId" FROM webhook_delivery WHERE event = 'ALERT_ISSUED' AND payload @> $1::jsonb`,
        [JSON.stringify({ data: { alertId: alert.gid } })],
      );
      const sid = (gid: string) => parseGlobalId(gid)!.id;
      expect(rows.map((r) => r.subscriptionId).sort()).toEqual([sid(sender.id), sid(recipient.id)].sort());
      expect(bystander.org.id).not.toBe(sender.org.id);
      const body = await eventually(async () => {
        const r = receiver.received.find((x) => x.headers['concord-event'] === 'ALERT_ISSUED');
        return r ? JSON.parse(r.body) : undefined;
      });
      expect(body.data).toMatchObject({
        alertId: alert.gid,
        senderActorId: sender.org.gid,
        severity: 'SEVERE',
        cap: `/exports/alerts/${alert.gid}.xml`,
      });
    } finally {
      await receiver.close();
    }
  });
});

describe('subscriptions', () => {
  it('the secret is returned once, never stored in the audit log, never readable again', async () => {
    const sub = await subscriber('http://127.0.0.1:9/never');
    expect(sub.secret).toMatch(/^whsec_[\w-]{43}$/);
    const audit = await api.db.query<{ text: string }>(
      `SELECT coalesce(changes::text, '') || coalesce(details::text, '') AS text FROM audit_event WHERE entity_id = $1`,
      [parseGlobalId(sub.id)!.id],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.some((a) => a.text.includes(sub.secret))).toBe(false);
    const schema = await api.gql(`{ __type(name: "WebhookSubscription") { fields { name } } }`);
    expect(ok(schema).__type.fields.map((f: { name: string }) => f.name)).not.toContain('secret');
  });

  it.each([
    ['not a URL', 'not a url', 'url: must be an absolute http or https URL'],
    ['another scheme', 'ftp://example.org/hook', 'url: must use http or https'],
    [
      'credentials in the URL',
      'https://user:pass@example.org/hook',
      'url: must not contain a user name or password',
    ],
    ['no event', 'https://example.org/hook', 'events: events must contain at least 1 elements'],
  ])('refuses %s', async (_, url, message) => {
    const liaison = await signedInAs(api.db, 'LIAISON');
    const res = await api.gql(
      CREATE,
      { input: { url, events: url === 'https://example.org/hook' ? [] : ['ALERT_ISSUED'] } },
      { cookie: liaison.cookie },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe(message);
  });

  it('updates a patch with expectedVersion (stale → CONFLICT) and deletes with its log', async () => {
    const sub = await subscriber('https://example.org/a');
    const UPDATE = `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { webhookSubscription { url events active version } } }`;
    const updated = ok(
      await api.gql(
        UPDATE,
        { input: { id: sub.id, expectedVersion: 1, url: 'https://example.org/b', events: ['ALERT_ISSUED'] } },
        { cookie: sub.liaison.cookie },
      ),
    );
    expect(updated.updateWebhookSubscription.webhookSubscription).toEqual({
      url: 'https://example.org/b',
      events: ['ALERT_ISSUED'],
      active: true,
      version: 2,
    });
    expect(
      errorCode(
        await api.gql(
          UPDATE,
          { input: { id: sub.id, expectedVersion: 1, active: false } },
          { cookie: sub.liaison.cookie },
        ),
      ),
    ).toBe('CONFLICT');
    const id = parseGlobalId(sub.id)!.id;
    await api.db.query(
      `INSERT INTO webhook_delivery (subscription_id, event_id, event, payload) VALUES ($1, 'e1', 'ALERT_ISSUED', '{}')`,
      [id],
    );
    const deleted = ok(
      await api.gql(
        `mutation($input: DeleteWebhookSubscriptionInput!) { deleteWebhookSubscription(input: $input) { deletedId } }`,
        { input: { id: sub.id } },
        { cookie: sub.liaison.cookie },
      ),
    );
    expect(deleted.deleteWebhookSubscription.deletedId).toBe(sub.id);
    expect(
      await api.db.query('SELECT 1 FROM webhook_delivery WHERE subscription_id = $1', [id]),
    ).toHaveLength(0);
  });

  it('a delivery is unique per subscription and event: the same event cannot be delivered twice', async () => {
    const sub = await subscriber('https://example.org/once');
    const id = parseGlobalId(sub.id)!.id;
    await api.db.query(
      `INSERT INTO webhook_delivery (subscription_id, event_id, event, payload) VALUES ($1, 'same', 'ALERT_ISSUED', '{}')`,
      [id],
    );
    await expect(
      api.db.query(
        `INSERT INTO webhook_delivery (subscription_id, event_id, event, payload) VALUES ($1, 'same', 'ALERT_ISSUED', '{}')`,
        [id],
      ),
    ).rejects.toThrow(/webhook_delivery_dedupe_key/);
  });

  it('node(id) of a delivery shows it to those who see its subscription', async () => {
    const sub = await subscriber('https://example.org/node');
    const id = parseGlobalId(sub.id)!.id;
    const [row] = await api.db.query<{ id: string }>(
      `INSERT INTO webhook_delivery (subscription_id, event_id, event, payload) VALUES ($1, 'n1', 'ALERT_ISSUED', '{}') RETURNING id`,
      [id],
    );
    const query = `query($id: ID!) { node(id: $id) { ... on WebhookDelivery { eventId } } }`;
    const gid = toGlobalId('WebhookDelivery', row.id);
    expect(ok(await api.gql(query, { id: gid }, { cookie: sub.liaison.cookie })).node).toEqual({
      eventId: 'n1',
    });
    const stranger = await signedInAs(api.db, 'LIAISON');
    expect(ok(await api.gql(query, { id: gid }, { cookie: stranger.cookie })).node).toBeNull();
  });
});
