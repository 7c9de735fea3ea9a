import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApi, type TestApi } from '../../../test/api';
import { type Audience, GROUPS, type Group, groupLabel, makeAudience } from '../../../test/factories-plans';
import { parseGlobalId } from '../../common/ids';

let api: TestApi;
let audience: Audience;
beforeAll(async () => {
  api = await startTestApi();
  audience = await makeAudience(api);
});
afterAll(() => api.close());

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { webhookSubscription { id } } }`;
const UPDATE = `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { webhookSubscription { version } } }`;
const DELETE = `mutation($input: DeleteWebhookSubscriptionInput!) { deleteWebhookSubscription(input: $input) { deletedId } }`;
const LIST = `{ webhookSubscriptions(first: 100) { totalCount edges { node { id } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;

/**
 * Managing the lead organisation's webhooks: its liaisons and administrators. To other people its
 * subscriptions do not exist; tokens may call no such mutation at all.
 */
const MANAGE: Record<Group, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  viewer: 'FORBIDDEN',
  partner: 'FORBIDDEN',
  otherPartner: 'FORBIDDEN',
  leadLiaison: 'OK',
  contributorLiaison: 'FORBIDDEN',
  otherLiaison: 'FORBIDDEN',
  admin: 'OK',
  readToken: 'FORBIDDEN',
  writeToken: 'FORBIDDEN',
};
const EXISTING: Record<Group, Outcome> = {
  ...MANAGE,
  viewer: 'NOT_FOUND',
  partner: 'NOT_FOUND',
  otherPartner: 'NOT_FOUND',
  contributorLiaison: 'NOT_FOUND',
  otherLiaison: 'NOT_FOUND',
};

/** A subscription of the lead organisation, made by one of its liaisons. */
async function leadSubscription() {
  const res = await api.gql(
    CREATE,
    {
      input: {
        url: 'https://example.org/hook',
        events: ['PLAN_STATUS_CHANGED'],
        actorId: audience.orgs.lead.gid,
      },
    },
    audience.as.leadLiaison,
  );
  const gid = res.data.createWebhookSubscription.webhookSubscription.id as string;
  return { gid, id: parseGlobalId(gid)!.id };
}

const stateOf = async (id: string) =>
  (await api.db.query('SELECT version, url, active FROM webhook_subscription WHERE id = $1', [id]))[0] ??
  null;

/** What reads show: tokens may read the graph, but no subscription is theirs to see. */
const READ: Record<Group, 'SEEN' | 'ABSENT' | 'UNAUTHENTICATED'> = {
  ...(Object.fromEntries(GROUPS.map((g) => [g, 'ABSENT'])) as Record<Group, 'ABSENT'>),
  anonymous: 'UNAUTHENTICATED',
  leadLiaison: 'SEEN',
  admin: 'SEEN',
};

const rows = GROUPS.map((group) => ({ group, label: groupLabel[group] }));

describe('who manages webhook subscriptions', () => {
  it.each(rows)('createWebhookSubscription for the lead organisation by $label', async ({ group }) => {
    const before = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_subscription');
    const res = await api.gql(
      CREATE,
      {
        input: { url: 'https://example.org/new', events: ['ALERT_ISSUED'], actorId: audience.orgs.lead.gid },
      },
      audience.as[group],
    );
    const after = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_subscription');
    if (MANAGE[group] === 'OK') {
      expect(res.errors).toBeUndefined();
      expect(after[0].n).toBe(before[0].n + 1);
    } else {
      expect(errorCode(res)).toBe(MANAGE[group]);
      expect(after).toEqual(before);
    }
  });

  it.each(rows)(
    'webhookSubscriptions, node(id), update and delete of the lead organisation’s subscription by $label',
    async ({ group }) => {
      const sub = await leadSubscription();
      const outcome = EXISTING[group];
      const list = await api.gql(LIST, {}, audience.as[group]);
      const node = await api.gql(NODE, { id: sub.gid }, audience.as[group]);
      if (READ[group] === 'SEEN') {
        expect(
          list.data.webhookSubscriptions.edges.map((e: { node: { id: string } }) => e.node.id),
        ).toContain(sub.gid);
        expect(node.data.node).toEqual({ id: sub.gid });
      } else if (READ[group] === 'ABSENT') {
        expect(list.data.webhookSubscriptions).toEqual({ totalCount: 0, edges: [] });
        expect(node.data.node).toBeNull();
      } else {
        expect(errorCode(list)).toBe('UNAUTHENTICATED');
      }
      const before = await stateOf(sub.id);
      const updated = await api.gql(
        UPDATE,
        { input: { id: sub.gid, expectedVersion: 1, active: false } },
        audience.as[group],
      );
      if (outcome === 'OK') expect((await stateOf(sub.id))?.active).toBe(false);
      else {
        expect(errorCode(updated)).toBe(outcome);
        expect(await stateOf(sub.id)).toEqual(before);
      }
      const deleted = await api.gql(DELETE, { input: { id: sub.gid } }, audience.as[group]);
      if (outcome === 'OK') expect(await stateOf(sub.id)).toBeNull();
      else {
        expect(errorCode(deleted)).toBe(outcome);
        expect(await stateOf(sub.id)).toEqual(before);
      }
    },
  );
});
