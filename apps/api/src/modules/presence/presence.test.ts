import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  assignToPartner,
  createPlan,
  createTask,
  makeTeam,
  type Person,
  type Team,
} from '../../../test/factories-history';

let api: TestApi;
let team: Team;

beforeAll(async () => {
  api = await startTestApi();
  team = await makeTeam(api);
});
afterAll(() => api?.close());

const HEARTBEAT = `mutation($input: HeartbeatPresenceInput!) {
  heartbeatPresence(input: $input) { presence { displayName mode focus since expiresAt clientId organisation { id } user { id } } }
}`;
const LEAVE = `mutation($input: LeavePlanInput!) { leavePlan(input: $input) { left } }`;
const PRESENCE = `query($id: ID!) {
  responsePlan(id: $id) { presence { displayName mode focus since clientId organisation { id } user { id } } }
}`;

const heartbeat = (planGid: string, as: Person, values: Record<string, unknown> = {}) =>
  api.gql(
    HEARTBEAT,
    { input: { planId: planGid, clientId: 'tab-1', mode: 'VIEWING', ...values } },
    as.headers,
  );

const presence = async (planGid: string, as: Person = team.ann) =>
  ok(await api.gql(PRESENCE, { id: planGid }, as.headers)).responsePlan.presence as {
    displayName: string;
    mode: string;
    focus: string | null;
    since: string;
    clientId: string;
    organisation: { id: string } | null;
  }[];

/** The PRESENCE_CHANGED rows of a plan, oldest first. */
const published = (planId: string) =>
  api.db.query<{ kind: string; entityType: string; userId: string }>(
    `SELECT kind, entity_type AS "entityType", user_id AS "userId" FROM change_log
     WHERE plan_id = $1 AND topic = 'PRESENCE_CHANGED' ORDER BY position`,
    [planId],
  );

/** Makes every entry of a plan lapse now, as if its TTL had passed. */
const lapse = (planId: string) =>
  api.db.query(`UPDATE presence SET expires_at = now() - interval '1 second' WHERE plan_id = $1`, [planId]);

describe('presence in a plan', () => {
  it('shows who has the plan open, with their name, organisation, mode, focus and since', async () => {
    const plan = await createPlan(api, team, team.ann);
    const mine = ok(await heartbeat(plan.gid, team.ann, { mode: 'EDITING', focus: 'plan:title' }))
      .heartbeatPresence.presence;
    ok(await heartbeat(plan.gid, team.viewer, { clientId: 'phone' }));

    expect(mine).toMatchObject({
      displayName: team.ann.displayName,
      mode: 'EDITING',
      focus: 'plan:title',
      organisation: { id: team.orgs.lead.gid },
      user: { id: team.ann.userGid },
    });
    const ttl = Date.parse(mine.expiresAt) - Date.parse(mine.since);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(31_000);
    expect(await presence(plan.gid, team.carla)).toEqual([
      expect.objectContaining({
        displayName: team.ann.displayName,
        mode: 'EDITING',
        organisation: { id: team.orgs.lead.gid },
      }),
      expect.objectContaining({
        displayName: team.viewer.displayName,
        mode: 'VIEWING',
        focus: null,
        clientId: 'phone',
        organisation: { id: team.orgs.contributor.gid },
      }),
    ]);
  });

  it('publishes PRESENCE_CHANGED when someone arrives or changes mode or focus, and not for a plain heartbeat', async () => {
    const plan = await createPlan(api, team, team.ann);
    const first = ok(await heartbeat(plan.gid, team.ann, { focus: 'task:1' })).heartbeatPresence.presence;
    const again = ok(await heartbeat(plan.gid, team.ann, { focus: 'task:1' })).heartbeatPresence.presence;
    expect(again.since).toBe(first.since);
    expect(Date.parse(again.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.expiresAt));
    ok(await heartbeat(plan.gid, team.ann, { focus: 'task:2' }));
    ok(await heartbeat(plan.gid, team.ann, { focus: 'task:2', mode: 'EDITING' }));

    expect(await published(plan.id)).toEqual([
      { kind: 'CREATED', entityType: 'Presence', userId: team.ann.userId },
      { kind: 'UPDATED', entityType: 'Presence', userId: team.ann.userId },
      { kind: 'UPDATED', entityType: 'Presence', userId: team.ann.userId },
    ]);
    expect((await presence(plan.gid))[0]).toMatchObject({ mode: 'EDITING', focus: 'task:2' });
  });

  it('drops an entry after its TTL, and announces it at the next heartbeat in the plan', async () => {
    const plan = await createPlan(api, team, team.ann);
    ok(await heartbeat(plan.gid, team.ann));
    ok(await heartbeat(plan.gid, team.carla));
    await lapse(plan.id);
    expect(await presence(plan.gid)).toEqual([]);

    ok(await heartbeat(plan.gid, team.carla));
    expect((await presence(plan.gid)).map((p) => p.displayName)).toEqual([team.carla.displayName]);
    const kinds = (await published(plan.id)).map((r) => r.kind);
    // Carla coming back is an arrival; Ann's lapse is swept and announced on the way.
    expect(kinds).toEqual(['CREATED', 'CREATED', 'CREATED', 'DELETED']);
  });

  it('removes an entry at once when its client leaves, and says whether there was one', async () => {
    const plan = await createPlan(api, team, team.ann);
    ok(await heartbeat(plan.gid, team.ann));
    expect(
      ok(await api.gql(LEAVE, { input: { planId: plan.gid, clientId: 'tab-1' } }, team.ann.headers)).leavePlan
        .left,
    ).toBe(true);
    expect(
      ok(await api.gql(LEAVE, { input: { planId: plan.gid, clientId: 'tab-1' } }, team.ann.headers)).leavePlan
        .left,
    ).toBe(false);
    expect(await presence(plan.gid)).toEqual([]);
    expect((await published(plan.id)).map((r) => r.kind)).toEqual(['CREATED', 'DELETED']);
  });

  it.each([
    ['an empty client id', { clientId: '' }, 'clientId'],
    ['a focus too long', { focus: 'x'.repeat(201) }, 'focus'],
    ['a malformed plan id', { planId: 'nope' }, 'planId'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, values, field) => {
    const plan = await createPlan(api, team, team.ann);
    const res = await heartbeat(plan.gid, team.ann, values);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
  });
});

describe('who is present and who sees it', () => {
  const cases: [string, keyof Team, 'VIEWING' | 'EDITING', string, 'ALL' | 'NONE' | 'NOT_FOUND'][] = [
    ['a liaison of the lead', 'ann', 'EDITING', 'OK', 'ALL'],
    ['a liaison of a contributor', 'carla', 'EDITING', 'OK', 'ALL'],
    ['a viewer of a contributor', 'viewer', 'VIEWING', 'OK', 'ALL'],
    ['a viewer of a contributor', 'viewer', 'EDITING', 'FORBIDDEN', 'ALL'],
    ['an administrator', 'admin', 'EDITING', 'OK', 'ALL'],
    ['a partner that sees the plan through its assignment', 'partner', 'VIEWING', 'FORBIDDEN', 'NONE'],
    ['a liaison of an unrelated organisation', 'stranger', 'VIEWING', 'NOT_FOUND', 'NOT_FOUND'],
  ];

  it.each(cases)('%s %s → %s; sees presence: %s', async (_label, who, mode, outcome, sees) => {
    const plan = await createPlan(api, team, team.ann);
    const task = await createTask(api, plan.gid, team.ann);
    await assignToPartner(api, team, task.gid, team.ann);
    ok(await heartbeat(plan.gid, team.ben, { clientId: 'ben' }));
    const as = team[who] as Person;

    const res = await heartbeat(plan.gid, as, { mode });
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM presence WHERE plan_id = $1 AND user_id = $2',
      [plan.id, as.userId],
    );
    if (outcome === 'OK') {
      expect(res.errors).toBeUndefined();
      expect(n).toBe(1);
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(n).toBe(0);
    }

    const read = await api.gql(PRESENCE, { id: plan.gid }, as.headers);
    if (sees === 'NOT_FOUND') expect(errorCode(read)).toBe('NOT_FOUND');
    else {
      const names = ok(read).responsePlan.presence.map((p: { displayName: string }) => p.displayName);
      if (sees === 'NONE') expect(names).toEqual([]);
      else expect(names).toContain(team.ben.displayName);
    }
  });
});
