import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '@concord/embedded-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { signedInAs } from './api';
import { makeActor } from './factories';
import { makeAssignment, makePlan, makeTask } from './factories-plans';
import {
  type ApiProcess,
  type Data,
  gql,
  type LiveSubscription,
  startApiProcess,
  subscribe,
} from './live-helpers';

/**
 * Two real API processes on one PostgreSQL of their own (so that it can be restarted), as in a
 * scaled-out deployment: live updates fan out between them and background work runs once.
 */
let dir: string;
let pg: EmbeddedDatabase;
let port: number;
let db: Database;
let a: ApiProcess;
let b: ApiProcess;
let admin: { cookie: string };
const open: LiveSubscription[] = [];

async function startDatabase() {
  pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, fast: true });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-live-'));
  port = await freePort();
  await startDatabase();
  const dataSource = createDataSource(pg.url, { max: 4 });
  await dataSource.initialize();
  await migrate(dataSource);
  db = new Database(dataSource);
  // Idle connections break when the database restarts; the next query opens new ones.
  db.pool.on('error', () => undefined);
  admin = await signedInAs(db, 'ADMIN');
  const env = { DATABASE_URL: pg.url, ESCALATION_INTERVAL_SECONDS: '1', DB_POOL_MAX: '5' };
  [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose().catch(() => undefined)));
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.dataSource.destroy();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

function live(on: ApiProcess, cookie: string, query: string, variables: Record<string, unknown>) {
  const sub = subscribe(on.url, { cookie }, query, variables);
  open.push(sub);
  return sub;
}

async function position(on: ApiProcess): Promise<string> {
  const response = await gql(on.url, '{ changePosition }', {}, { cookie: admin.cookie });
  return response.data.changePosition;
}

/** Renames a task through one process; retried while the database is coming back. */
async function renameTask(on: ApiProcess, taskId: string, gid: string, title: string, cookie = admin.cookie) {
  for (let attempt = 0; ; attempt++) {
    try {
      const [{ version }] = await db.query<{ version: number }>('SELECT version FROM task WHERE id = $1', [
        taskId,
      ]);
      const response = await gql(
        on.url,
        'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }',
        { input: { id: gid, expectedVersion: version, title } },
        { cookie },
      );
      if (!response.errors) return;
      if (attempt >= 40) throw new Error(JSON.stringify(response.errors));
    } catch (error) {
      if (attempt >= 40) throw error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const PLAN_EVENTS =
  'subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { position topic kind entityId task { title } } }';

describe('live updates across two API processes', () => {
  it('bring a change made through one process to a subscriber of the other within 2 seconds', async () => {
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    const sub = live(b, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: await position(b) });
    await renameTask(a, task.id, task.gid, 'First');
    await sub.nth(1);
    const sent = Date.now();
    await renameTask(a, task.id, task.gid, 'Second');
    const event = (await sub.nth(2, 2_000)).planChanged;
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(event).toMatchObject({
      topic: 'TASK_CHANGED',
      kind: 'UPDATED',
      entityId: task.gid,
      task: { title: 'Second' },
    });
  });

  it('give a subscriber that comes back with its last position exactly what it missed, then what follows', async () => {
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    const elsewhere = await makeTask(db, (await makePlan(db)).id);
    const first = live(b, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: await position(b) });
    await renameTask(a, task.id, task.gid, 'Seen');
    const last = (await first.nth(1)).planChanged.position;
    await first.dispose();

    for (const title of ['Missed 1', 'Missed 2', 'Missed 3']) {
      await renameTask(a, task.id, task.gid, title);
      await renameTask(b, elsewhere.id, elsewhere.gid, `${title} elsewhere`);
    }
    const back = live(a, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: last });
    await back.nth(3);
    await renameTask(b, task.id, task.gid, 'Live again');
    await back.nth(4);
    await new Promise((r) => setTimeout(r, 300));
    // Events carry ids: each is read as it is now, so what tells them apart is their position.
    const logged = await db.query<{ position: number }>(
      'SELECT position FROM change_log WHERE plan_id = $1 AND position > $2 ORDER BY position',
      [plan.id, last],
    );
    expect(logged).toHaveLength(4);
    expect(back.events.map((e) => Number(e.planChanged.position))).toEqual(
      logged.map((l) => Number(l.position)),
    );
    expect(back.events.every((e) => e.planChanged.entityId === task.gid)).toBe(true);
    expect(back.events.at(-1).planChanged.task.title).toBe('Live again');
  });

  it('stop a subscription on one process when the session is signed out through the other', async () => {
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    const liaison = await signedInAs(db, 'LIAISON', plan.leadActorId);
    const sub = live(b, liaison.cookie, PLAN_EVENTS, { planId: plan.gid, after: await position(b) });
    await renameTask(a, task.id, task.gid, 'Before signing out');
    await sub.nth(1);
    expect(
      (await gql(a.url, 'mutation { signOut { signedOut } }', {}, { cookie: liaison.cookie })).errors,
    ).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1_100));
    await renameTask(a, task.id, task.gid, 'After signing out');
    await sub.ended();
    expect(sub.events).toHaveLength(1);
    expect(sub.errors.at(-1)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('escalate an unanswered assignment once, to the lead organisation, with both processes sweeping', async () => {
    const lead = await makeActor(db);
    const plan = await makePlan(db, { leadActorId: lead.id });
    const liaison = await signedInAs(db, 'LIAISON', lead.id);
    const events = live(
      b,
      liaison.cookie,
      'subscription($after: String) { assignmentChanged(after: $after) { topic kind entityId } }',
      {
        after: await position(b),
      },
    );
    const overdue = [];
    for (let i = 0; i < 3; i++) {
      const task = await makeTask(db, plan.id);
      const assignment = await makeAssignment(db, task.id, (await makeActor(db)).id);
      overdue.push(assignment);
    }
    const answered = await makeAssignment(db, (await makeTask(db, plan.id)).id, (await makeActor(db)).id, {
      status: 'ACCEPTED',
    });
    await db.query(
      `UPDATE task_assignment SET respond_by = now() + interval '1 second' WHERE id = ANY($1::uuid[])`,
      [[...overdue.map((o) => o.id), answered.id]],
    );

    await events.nth(3, 8_000);
    // Both processes go on sweeping every second: nothing more may come.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(events.events.map((e) => e.assignmentChanged.topic)).toEqual([
      'ESCALATION',
      'ESCALATION',
      'ESCALATION',
    ]);
    expect(new Set(events.events.map((e) => e.assignmentChanged.entityId))).toEqual(
      new Set(overdue.map((o) => o.gid)),
    );
    const notified = await db.query<{ dedupeKey: string; actorId: string; kind: string }>(
      `SELECT dedupe_key AS "dedupeKey", actor_id AS "actorId", kind FROM notification WHERE entity_id = ANY($1::uuid[])`,
      [[...overdue.map((o) => o.id), answered.id]],
    );
    expect(notified.map((n) => n.dedupeKey).sort()).toEqual(overdue.map((o) => `overdue:${o.id}`).sort());
    expect(notified.every((n) => n.actorId === lead.id && n.kind === 'ASSIGNMENT_OVERDUE')).toBe(true);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM change_log WHERE topic = 'ESCALATION' AND entity_id = ANY($1::uuid[])`,
      [overdue.map((o) => o.id)],
    );
    expect(n).toBe(3);

    const inbox = await gql(
      a.url,
      '{ notifications(filter: { unreadOnly: true }) { totalCount edges { node { kind subject { id } } } } }',
      {},
      { cookie: liaison.cookie },
    );
    expect(inbox.data.notifications.totalCount).toBe(3);
    expect(inbox.data.notifications.edges.map((e: Data) => e.node.subject.id).sort()).toEqual(
      overdue.map((o) => o.gid).sort(),
    );
  });

  it('escalate a declined LEAD once, through the job its answer enqueued', async () => {
    const lead = await makeActor(db);
    const partnerOrg = await makeActor(db);
    const plan = await makePlan(db, { leadActorId: lead.id });
    const task = await makeTask(db, plan.id);
    const assignment = await makeAssignment(db, task.id, partnerOrg.id, { role: 'LEAD' });
    const liaison = await signedInAs(db, 'LIAISON', lead.id);
    const partner = await signedInAs(db, 'PARTNER', partnerOrg.id);
    const events = live(
      b,
      liaison.cookie,
      'subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { topic kind entityId } }',
      {
        planId: plan.gid,
        after: await position(b),
      },
    );
    const declined = await gql(
      a.url,
      'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { status } } }',
      { input: { assignmentId: assignment.gid, response: 'DECLINE', reason: 'No helicopters this season' } },
      { cookie: partner.cookie },
    );
    expect(declined.data.respondToAssignment.assignment.status).toBe('DECLINED');
    await events.nth(2, 8_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(events.events.map((e) => [e.planChanged.topic, e.planChanged.kind])).toEqual([
      ['ASSIGNMENT_CHANGED', 'UPDATED'],
      ['ESCALATION', 'ESCALATED'],
    ]);
    const notified = await db.query<{ kind: string; body: string; actorId: string }>(
      'SELECT kind, body, actor_id AS "actorId" FROM notification WHERE entity_id = $1',
      [assignment.id],
    );
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({ kind: 'LEAD_DECLINED', actorId: lead.id });
    expect(notified[0].body).toContain('No helicopters this season');
  });

  it('prune the change log past its retention (30 days) in their sweep, and keep what is younger', async () => {
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    await renameTask(a, task.id, task.gid, 'Long ago');
    const old = Number(await position(a));
    await renameTask(b, task.id, task.gid, 'Yesterday');
    const recent = Number(await position(b));
    await db.query(
      `UPDATE change_log SET occurred_at = occurred_at - make_interval(days => 31) WHERE position <= $1`,
      [old],
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await db.query<{ through: number }>(
        'SELECT pruned_through AS through FROM change_log_horizon',
      );
      if (row.through === old) break;
      if (Date.now() > deadline) throw new Error(`not pruned: the horizon is at ${row.through}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [left] = await db.query<{ oldest: number; newest: number }>(
      'SELECT min(position) AS oldest, max(position) AS newest FROM change_log',
    );
    expect(left.oldest).toBeGreaterThan(old);
    expect(left.oldest).toBeLessThanOrEqual(recent);
    expect(Number(await position(a))).toBe(left.newest);
  });

  it('close its subscriptions and exit cleanly and promptly when a process is stopped', async () => {
    // In production mode, as `pnpm start` runs it (outside tests Apollo would install signal handlers of its own).
    const c = await startApiProcess({
      DATABASE_URL: pg.url,
      ESCALATION_INTERVAL_SECONDS: '1',
      DB_POOL_MAX: '3',
      NODE_ENV: 'production',
    });
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    const sub = live(c, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: await position(c) });
    await renameTask(a, task.id, task.gid, 'Seen before stopping');
    await sub.nth(1);
    const started = Date.now();
    expect(await c.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(3_000);
    await sub.ended();
    expect(sub.closed?.code).toBe(1001);
  });

  it('shut down in order on SIGHUP (a closed terminal) as on SIGTERM', async () => {
    const c = await startApiProcess({ DATABASE_URL: pg.url, JOBS_ENABLED: 'false', NODE_ENV: 'production' });
    expect(await c.stop('SIGHUP')).toBe(0);
    expect(c.output.join('')).toMatch(/"message":"shutting down","signal":"SIGHUP"/);
  });

  it('apply the query limits set in their environment', async () => {
    const c = await startApiProcess({ DATABASE_URL: pg.url, JOBS_ENABLED: 'false', LIMIT_MAX_COST: '5' });
    try {
      const cheap = await gql(c.url, '{ changePosition }', {}, { cookie: admin.cookie });
      expect(cheap.errors).toBeUndefined();
      const costly = await gql(
        c.url,
        '{ actors(first: 10) { edges { node { id } } } }',
        {},
        { cookie: admin.cookie },
      );
      expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 5 });
    } finally {
      await c.stop();
    }
  });

  it('flow again after PostgreSQL restarts, with no API process restarted', async () => {
    const plan = await makePlan(db);
    const task = await makeTask(db, plan.id);
    const sub = live(b, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: await position(b) });
    await renameTask(a, task.id, task.gid, 'Before the restart');
    await sub.nth(1);

    await pg.stop();
    await startDatabase();

    await renameTask(a, task.id, task.gid, 'After the restart');
    const event = (await sub.nth(2, 15_000)).planChanged;
    expect(event.task.title).toBe('After the restart');
    // The listener of each process lost its connection and came back by itself.
    for (const api of [a, b]) {
      await expect
        .poll(() => api.output.join(''), { timeout: 10_000 })
        .toContain('change feed listening again');
    }
    // And the other way round, to a new subscriber.
    const other = live(a, admin.cookie, PLAN_EVENTS, { planId: plan.gid, after: event.position });
    await renameTask(b, task.id, task.gid, 'Through the other process');
    expect((await other.nth(1, 5_000)).planChanged.task.title).toBe('Through the other process');
  }, 45_000);
});
