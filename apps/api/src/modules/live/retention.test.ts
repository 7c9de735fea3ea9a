import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { makePlan, makeTask } from '../../../test/factories-plans';
import { type LiveSubscription, subscribe } from '../../../test/live-helpers';
import { pruneChangeLog } from './change-log';

let api: TestApi;
const open: LiveSubscription[] = [];

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await api?.close();
});

const DAY = 86_400;

async function position(): Promise<number> {
  return Number(ok(await api.gql<{ changePosition: string }>('{ changePosition }')).changePosition);
}

async function horizon(): Promise<number> {
  const [row] = await api.db.query<{ through: number }>(
    'SELECT pruned_through AS through FROM change_log_horizon',
  );
  return row.through;
}

async function logged(): Promise<number[]> {
  const rows = await api.db.query<{ position: number }>('SELECT position FROM change_log ORDER BY position');
  return rows.map((r) => r.position);
}

/** Makes every change logged up to `through` look `days` old. */
async function age(through: number, days: number) {
  await api.db.query(
    `UPDATE change_log SET occurred_at = occurred_at - make_interval(days => $2) WHERE position <= $1`,
    [through, days],
  );
}

/** A plan led by an organisation with a liaison, and a task in it. */
async function world() {
  const lead = await makeActor(api.db);
  const plan = await makePlan(api.db, { leadActorId: lead.id });
  const task = await makeTask(api.db, plan.id);
  const liaison = await signedInAs(api.db, 'LIAISON', lead.id);
  return { plan, task, liaison };
}

async function renameTask(task: { gid: string; id: string }, title: string) {
  const [{ version }] = await api.db.query<{ version: number }>('SELECT version FROM task WHERE id = $1', [
    task.id,
  ]);
  ok(
    await api.gql('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }', {
      input: { id: task.gid, expectedVersion: version, title },
    }),
  );
  return position();
}

function followPlan(cookie: string, planId: string, after: number) {
  const sub = subscribe(
    api.url,
    { cookie },
    'subscription($planId: ID!, $after: String) { planChanged(planId: $planId, after: $after) { position task { title } } }',
    { planId, after: String(after) },
  );
  open.push(sub);
  return sub;
}

describe('the change log keeps its retention period', () => {
  it('prunes the changes older than the retention, oldest first in batches, and records how far', async () => {
    const w = await world();
    await renameTask(w.task, 'One');
    await renameTask(w.task, 'Two');
    const old = await renameTask(w.task, 'Three');
    const recent = await renameTask(w.task, 'Four');
    await age(old, 31);
    const before = await logged();
    const expected = before.filter((p) => p <= old).length;

    expect(await pruneChangeLog(api.db, 30 * DAY, { batch: 2 })).toEqual({
      deleted: expected,
      prunedThrough: old,
    });

    expect(await logged()).toEqual(before.filter((p) => p > old));
    expect(await horizon()).toBe(old);
    expect(await position()).toBe(recent);
    // Nothing older is left: another run deletes nothing and leaves the horizon where it is.
    expect(await pruneChangeLog(api.db, 30 * DAY)).toEqual({ deleted: 0, prunedThrough: null });
    expect(await horizon()).toBe(old);
  });

  it('stops after as many batches as it is allowed, and the next run goes on', async () => {
    const w = await world();
    for (const title of ['A', 'B', 'C', 'D', 'E']) await renameTask(w.task, title);
    const last = await position();
    await age(last, 40);
    const total = (await logged()).length;

    expect((await pruneChangeLog(api.db, 30 * DAY, { batch: 2, maxBatches: 1 })).deleted).toBe(2);
    expect((await logged()).length).toBe(total - 2);
    expect(await pruneChangeLog(api.db, 30 * DAY, { batch: 2, maxBatches: 100 })).toEqual({
      deleted: total - 2,
      prunedThrough: last,
    });
    expect(await logged()).toEqual([]);
    expect(await horizon()).toBe(last);
  });

  it('keeps changePosition at the horizon when the whole log has been pruned, so that nothing reads as expired', async () => {
    const w = await world();
    const last = await renameTask(w.task, 'Only');
    await age(last, 40);
    await pruneChangeLog(api.db, 30 * DAY);
    expect(await logged()).toEqual([]);
    expect(await position()).toBe(last);

    const sub = followPlan(w.liaison.cookie, w.plan.gid, await position());
    await renameTask(w.task, 'After the pruning');
    await sub.nth(1);
    expect(sub.events.map((e) => e.planChanged.task.title)).toEqual(['After the pruning']);
    expect(sub.errors).toEqual([]);
  });

  it('tells a subscriber resuming from a pruned position to reload, and replays from the horizon on', async () => {
    const w = await world();
    const start = await position();
    const gone = await renameTask(w.task, 'Missed');
    await renameTask(w.task, 'Kept');
    await age(gone, 31);
    await pruneChangeLog(api.db, 30 * DAY);

    const stale = followPlan(w.liaison.cookie, w.plan.gid, start);
    await stale.ended();
    expect(stale.events).toEqual([]);
    expect(stale.errors[0]?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'after',
        prunedThrough: String(gone),
        after: String(start),
      },
    });
    expect(stale.errors[0]?.[0]?.message).toMatch(/no longer kept/);

    // The horizon itself is a valid position: everything after it is still there.
    const fresh = followPlan(w.liaison.cookie, w.plan.gid, gone);
    await fresh.nth(1);
    expect(fresh.events.map((e) => e.planChanged.task.title)).toEqual(['Kept']);
  });
});
