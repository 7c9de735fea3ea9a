import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, startTestApi, type TestApi } from '../../../test/api';
import {
  createPlan,
  createTask,
  makeTeam,
  type Person,
  person,
  type Team,
} from '../../../test/factories-history';

let api: TestApi;
let team: Team;

beforeAll(async () => {
  api = await startTestApi();
  team = await makeTeam(api);
});
afterAll(() => api?.close());

const LEASE_FIELDS = 'holder { id displayName } holderActor { id } acquiredAt expiresAt';
const TAKE = `mutation($input: TakeTaskLeaseInput!) { takeTaskLease(input: $input) { lease { ${LEASE_FIELDS} } task { id } } }`;
const EXTEND = `mutation($input: ExtendTaskLeaseInput!) { extendTaskLease(input: $input) { lease { ${LEASE_FIELDS} } } }`;
const RELEASE = `mutation($input: ReleaseTaskLeaseInput!) { releaseTaskLease(input: $input) { released task { lease { expiresAt } } } }`;
const BREAK = `mutation($input: BreakTaskLeaseInput!) { breakTaskLease(input: $input) { brokenLease { holder { id } } task { lease { expiresAt } } } }`;
const LEASE = `query($id: ID!) { task(id: $id) { lease { ${LEASE_FIELDS} } } }`;

const take = (taskGid: string, as: Person, ttlSeconds?: number) =>
  api.gql(TAKE, { input: { taskId: taskGid, ttlSeconds } }, as.headers);

const leaseOf = async (taskGid: string, as: Person = team.ann) =>
  ok(await api.gql(LEASE, { id: taskGid }, as.headers)).task.lease;

async function newTask() {
  const plan = await createPlan(api, team, team.ann);
  return createTask(api, plan.gid, team.ann);
}

describe('task leases', () => {
  it('lets an editor take a task; the task shows who holds it, for whom and until when', async () => {
    const task = await newTask();
    const lease = ok(await take(task.gid, team.carla, 120)).takeTaskLease.lease;
    expect(lease).toMatchObject({
      holder: { id: team.carla.userGid, displayName: team.carla.displayName },
      holderActor: { id: team.orgs.contributor.gid },
    });
    const length = Date.parse(lease.expiresAt) - Date.parse(lease.acquiredAt);
    expect(length).toBeGreaterThan(119_000);
    expect(length).toBeLessThan(121_000);
    expect(await leaseOf(task.gid, team.viewer)).toEqual(lease);
  });

  it('of 10 people taking the same task at once, exactly one holds it; the others are told who and until when', async () => {
    const task = await newTask();
    const people = await Promise.all(
      Array.from({ length: 10 }, () => person(api, 'LIAISON', team.orgs.lead.id)),
    );
    const results = await Promise.all(people.map((p) => take(task.gid, p)));

    const winners = results.flatMap((r, i) => (r.errors ? [] : [people[i]]));
    expect(winners).toHaveLength(1);
    const lease = await leaseOf(task.gid);
    expect(lease.holder.id).toBe(winners[0].userGid);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(errorCode(r)).toBe('CONFLICT');
      expect(r.errors?.[0].extensions).toMatchObject({
        holder: { userId: winners[0].userGid, displayName: winners[0].displayName },
        expiresAt: new Date(lease.expiresAt).toISOString(),
      });
      expect(r.errors?.[0].message).toContain(winners[0].displayName);
    }
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM task_lease WHERE task_id = $1',
      [task.id],
    );
    expect(n).toBe(1);
  });

  it('lapses at its expiry: the task shows no lease and someone else may take it', async () => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    expect(errorCode(await take(task.gid, team.ben))).toBe('CONFLICT');
    await api.db.query(`UPDATE task_lease SET expires_at = now() - interval '1 second' WHERE task_id = $1`, [
      task.id,
    ]);
    expect(await leaseOf(task.gid)).toBeNull();
    const lease = ok(await take(task.gid, team.ben)).takeTaskLease.lease;
    expect(lease.holder.id).toBe(team.ben.userGid);
  });

  it('lets the holder extend it (keeping when it was taken) and refuses anyone else', async () => {
    const task = await newTask();
    const first = ok(await take(task.gid, team.ann, 60)).takeTaskLease.lease;
    const extended = ok(
      await api.gql(EXTEND, { input: { taskId: task.gid, ttlSeconds: 600 } }, team.ann.headers),
    ).extendTaskLease.lease;
    expect(extended.acquiredAt).toBe(first.acquiredAt);
    expect(Date.parse(extended.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt) + 500_000);

    const other = await api.gql(EXTEND, { input: { taskId: task.gid } }, team.ben.headers);
    expect(errorCode(other)).toBe('CONFLICT');
    expect(other.errors?.[0].extensions?.holder).toMatchObject({ userId: team.ann.userGid });
    expect((await leaseOf(task.gid)).expiresAt).toBe(extended.expiresAt);
  });

  it('refuses to extend a lease that has lapsed', async () => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    await api.db.query(`UPDATE task_lease SET expires_at = now() - interval '1 second' WHERE task_id = $1`, [
      task.id,
    ]);
    const res = await api.gql(EXTEND, { input: { taskId: task.gid } }, team.ann.headers);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0].extensions?.holder).toBeNull();
  });

  it('is released by its holder, and releasing one you do not hold changes nothing', async () => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    const byBen = ok(
      await api.gql(RELEASE, { input: { taskId: task.gid } }, team.ben.headers),
    ).releaseTaskLease;
    expect(byBen.released).toBe(false);
    expect(byBen.task.lease).not.toBeNull();
    const byAnn = ok(
      await api.gql(RELEASE, { input: { taskId: task.gid } }, team.ann.headers),
    ).releaseTaskLease;
    expect(byAnn).toEqual({ released: true, task: { lease: null } });
  });

  it.each(['COMPLETED', 'CANCELLED'])('is released when the task becomes %s', async (status) => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    ok(
      await api.gql(
        `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { status } } }`,
        { input: { id: task.gid, expectedVersion: task.version, status } },
        team.ben.headers,
      ),
    );
    expect(await leaseOf(task.gid)).toBeNull();
    const [{ n }] = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM task_lease WHERE task_id = $1',
      [task.id],
    );
    expect(n).toBe(0);
    const again = await take(task.gid, team.ann);
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions?.field).toBe('taskId');
  });

  it('keeps the lease when a change to the task is refused', async () => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    const stale = await api.gql(
      `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { status } } }`,
      { input: { id: task.gid, expectedVersion: task.version + 5, status: 'COMPLETED' } },
      team.ben.headers,
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(await leaseOf(task.gid)).not.toBeNull();
  });

  it('can be broken by an administrator with a reason, which the audit log keeps', async () => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    const res = ok(
      await api.gql(BREAK, { input: { taskId: task.gid, reason: 'Ann is on leave' } }, team.admin.headers),
    ).breakTaskLease;
    expect(res).toEqual({ brokenLease: { holder: { id: team.ann.userGid } }, task: { lease: null } });
    const audit = await api.db.query(
      `SELECT user_id AS "userId", details->>'reason' AS reason, details->>'holderUserId' AS holder
       FROM audit_event WHERE action = 'lease.break' AND entity_id = $1 AND outcome = 'SUCCESS'`,
      [task.id],
    );
    expect(audit).toEqual([
      { userId: team.admin.userId, reason: 'Ann is on leave', holder: team.ann.userId },
    ]);
    expect(ok(await take(task.gid, team.ben)).takeTaskLease.lease.holder.id).toBe(team.ben.userGid);
  });

  it('refuses to break a lease without a reason', async () => {
    const task = await newTask();
    const res = await api.gql(BREAK, { input: { taskId: task.gid, reason: '' } }, team.admin.headers);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('reason');
  });
});

describe('who may take and break leases', () => {
  const takers: [string, keyof Team, string][] = [
    ['a liaison of the lead', 'ann', 'OK'],
    ['a liaison of a contributor', 'carla', 'OK'],
    ['an administrator', 'admin', 'OK'],
    ['a viewer of a contributor', 'viewer', 'FORBIDDEN'],
    ['a partner (the task is not assigned to it)', 'partner', 'NOT_FOUND'],
    ['a liaison of an unrelated organisation', 'stranger', 'NOT_FOUND'],
  ];

  it.each(takers)('%s taking a lease → %s', async (_label, who, outcome) => {
    const task = await newTask();
    const res = await take(task.gid, team[who] as Person);
    const rows = await api.db.query('SELECT 1 FROM task_lease WHERE task_id = $1', [task.id]);
    if (outcome === 'OK') {
      expect(res.errors).toBeUndefined();
      expect(rows).toHaveLength(1);
    } else {
      expect(errorCode(res)).toBe(outcome);
      expect(rows).toHaveLength(0);
    }
  });

  const breakers: [string, keyof Team, string][] = [
    ['a liaison of the lead', 'ben', 'FORBIDDEN'],
    ['a liaison of a contributor', 'carla', 'FORBIDDEN'],
    ['a viewer of a contributor', 'viewer', 'FORBIDDEN'],
    ['a liaison of an unrelated organisation', 'stranger', 'NOT_FOUND'],
  ];

  it.each(breakers)("%s breaking someone's lease → %s, and the lease stays", async (_label, who, outcome) => {
    const task = await newTask();
    ok(await take(task.gid, team.ann));
    const res = await api.gql(
      BREAK,
      { input: { taskId: task.gid, reason: 'Mine now' } },
      (team[who] as Person).headers,
    );
    expect(errorCode(res)).toBe(outcome);
    expect((await leaseOf(task.gid)).holder.id).toBe(team.ann.userGid);
  });

  it('answers anonymous callers with UNAUTHENTICATED', async () => {
    const task = await newTask();
    expect(errorCode(await api.gql(TAKE, { input: { taskId: task.gid } }, { cookie: '' }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
