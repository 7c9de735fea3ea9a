import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { apiQuery, apiSession, exercisePlanId, screenshotDir, shot, signIn, wait } from './journeys';
import { type RunningSystem, startSystem } from './system';

/**
 * The API keeps changes for subscribers to resume from for CHANGE_LOG_RETENTION only. Here it is a
 * few seconds, so that a tab cut off for longer than that comes back to a pruned position.
 */
let system: RunningSystem;
let browser: Browser;
let planId: string;
let dpoCookie: string;

beforeAll(async () => {
  await screenshotDir();
  system = await startSystem({ CHANGE_LOG_RETENTION: '2s', ESCALATION_INTERVAL_SECONDS: '1' });
  browser = await launchBrowser();
  dpoCookie = await apiSession(system.apiUrl, 'liaison.dpo@concord.test');
  planId = await exercisePlanId(system.apiUrl, dpoCookie);
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** The horizon the API's sweep has pruned the change log through, from its log lines. */
function prunedThrough(): number {
  let through = 0;
  for (const line of system.apiOutput().split('\n')) {
    if (!line.includes('"change log pruned"')) continue;
    try {
      through = Math.max(through, Number(JSON.parse(line).through) || 0);
    } catch {
      // a line cut by the log's window
    }
  }
  return through;
}

describe('the plan editor after a long disconnection', () => {
  it('loads the plan again when the changes it missed are no longer kept, and follows it live from there', async () => {
    const { context, page, problems } = await openPage(browser);
    // The test stands between the page and the API's WebSocket, to cut it and let it back.
    let cut = false;
    const sockets = new Set<WebSocketRoute>();
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (cut) return void ws.close({ code: 1006, reason: 'network down' });
      sockets.add(ws);
      ws.connectToServer();
    });
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test', `/plans/${planId}/edit`);
    const live = page.getByText('Live: changes by others appear here');
    await expect.poll(() => live.count(), wait).toBe(1);

    cut = true;
    for (const ws of sockets) await ws.close({ code: 1006, reason: 'network down' });
    await expect.poll(() => page.getByText('Live updates interrupted; reconnecting…').count(), wait).toBe(1);

    // Meanwhile another liaison renames a task, and the change ages out of the log.
    const read = await apiQuery<{
      responsePlan: { tasks: { edges: { node: { id: string; title: string; version: number } }[] } };
    }>(
      system.apiUrl,
      'query($id: ID!) { responsePlan(id: $id) { tasks(first: 1) { edges { node { id title version } } } } }',
      { id: planId },
      { cookie: dpoCookie },
    );
    const task = read.data?.responsePlan.tasks.edges[0]?.node;
    if (!task) throw new Error(`no task in the exercise plan: ${JSON.stringify(read)}`);
    const other = await apiSession(system.apiUrl, 'liaison.au@concord.test');
    const title = `${task.title} (renamed while away)`;
    const renamed = await apiQuery<{ updateTask: { task: { title: string } } }>(
      system.apiUrl,
      'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { title } } }',
      { input: { id: task.id, expectedVersion: task.version, title } },
      { cookie: other },
    );
    expect(renamed.errors).toBeUndefined();
    const position = await apiQuery<{ changePosition: string }>(
      system.apiUrl,
      '{ changePosition }',
      {},
      { cookie: dpoCookie },
    );
    const renamedAt = Number(position.data?.changePosition);
    await expect.poll(prunedThrough, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(renamedAt);
    expect(await page.getByRole('article', { name: `Task: ${title}`, exact: true }).count()).toBe(0);

    // Back online: the editor's resume is refused, so it loads the plan again and goes on from there.
    cut = false;
    await expect
      .poll(() => page.getByRole('article', { name: `Task: ${title}`, exact: true }).count(), {
        timeout: 40_000,
        interval: 250,
      })
      .toBe(1);
    await expect.poll(() => live.count(), wait).toBe(1);
    await shot(page, 'plan-editor-resumed-after-pruning');

    // …and live again: the next change arrives without a reload.
    const again = await apiQuery<{ updateTask: { task: { title: string } } }>(
      system.apiUrl,
      'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { title } } }',
      { input: { id: task.id, expectedVersion: task.version + 1, title: `${title} again` } },
      { cookie: other },
    );
    expect(again.errors).toBeUndefined();
    await expect
      .poll(() => page.getByRole('article', { name: `Task: ${title} again`, exact: true }).count(), wait)
      .toBe(1);

    // The browser reports the cut connections themselves; nothing else may have gone wrong.
    expect(problems.filter((p) => !/WebSocket/i.test(p)).join('\n')).toBe('');
    await context.close();
  });
});
