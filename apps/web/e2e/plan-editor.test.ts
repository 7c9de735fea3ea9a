import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { apiQuery, apiSession, exercisePlanId, screenshotDir, shot, signIn, wait } from './journeys';
import { type RunningSystem, startSystem } from './system';

let system: RunningSystem;
let browser: Browser;
let planId: string;
let dpoCookie: string;

const editorPath = () => `/plans/${planId}/edit`;

type PlanRead = {
  responsePlan: {
    title: string;
    version: number;
    tasks: {
      edges: {
        node: {
          id: string;
          title: string;
          status: string;
          assignments: {
            edges: {
              node: { id: string; status: string; role: string; actor: { acronym: string | null } };
            }[];
          };
        };
      }[];
    };
  };
};
const PLAN = `query($id: ID!) { responsePlan(id: $id) { title version tasks(first: 100) { edges { node {
  id title status assignments(first: 20) { edges { node { id status role actor { acronym } } } } } } } } }`;

async function readPlan() {
  const res = await apiQuery<PlanRead>(system.apiUrl, PLAN, { id: planId }, { cookie: dpoCookie });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.responsePlan;
}

/** Opens the editor and waits until it follows the plan live. */
async function openEditor(page: Page, email: string) {
  await signIn(page, system.webUrl, email, editorPath());
  await expect.poll(() => page.getByRole('heading', { name: 'Edit plan', level: 1 }).count(), wait).toBe(1);
  await expect.poll(() => page.getByText('Live: changes by others appear here').count(), wait).toBe(1);
}

const taskArticle = (page: Page, title: string) =>
  page.getByRole('article', { name: `Task: ${title}`, exact: true });

beforeAll(async () => {
  await screenshotDir();
  system = await startSystem();
  browser = await launchBrowser();
  dpoCookie = await apiSession(system.apiUrl, 'liaison.dpo@concord.test');
  planId = await exercisePlanId(system.apiUrl, dpoCookie);
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

describe('the response plan editor', () => {
  it('lets the lead liaison add a task, propose it to IGAD and move it on the board', async () => {
    const { context, page, problems } = await openPage(browser);
    await openEditor(page, 'liaison.dpo@concord.test');
    await shot(page, 'plan-editor');

    const title = 'Convene IGAD special envoys on the Northern Lakes corridor';
    await page.getByRole('button', { name: 'Add a task' }).click();
    const form = page.getByRole('form', { name: 'Add a task' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Priority').selectOption('HIGH');
    await form.getByLabel('Due date').fill('2030-03-15');
    await form.getByRole('button', { name: 'Add task' }).click();
    const task = taskArticle(page, title);
    await expect.poll(() => task.count(), wait).toBe(1);

    await task.getByRole('button', { name: `Assign “${title}” to an organisation` }).click();
    await task.getByRole('combobox', { name: 'Organisation' }).fill('IGAD');
    const option = task.getByRole('option').filter({ hasText: 'IGAD' }).first();
    await expect.poll(() => option.count(), wait).toBe(1);
    await option.click();
    await task.getByLabel('Role').selectOption('LEAD');
    await task.getByLabel('Answer by').fill('2030-03-01');
    await shot(page, 'plan-editor-assign');
    await task.getByRole('button', { name: 'Propose' }).click();
    await expect
      .poll(() => task.locator('li[data-status="PROPOSED"]').filter({ hasText: 'IGAD' }).count(), wait)
      .toBe(1);

    const created = (await readPlan()).tasks.edges.find((e) => e.node.title === title)?.node;
    expect(created?.assignments.edges.map((e) => [e.node.actor.acronym, e.node.role, e.node.status])).toEqual(
      [['IGAD', 'LEAD', 'PROPOSED']],
    );

    // The board: the new draft task, moved with the keyboard alternative (its status list).
    await page.getByRole('tab', { name: 'Task board' }).click();
    const draftColumn = page.getByRole('region', { name: /^Draft \(/ });
    await expect.poll(() => draftColumn.getByRole('article', { name: title }).count(), wait).toBe(1);
    await shot(page, 'plan-editor-board');
    await page.getByLabel(`Status of ${title}`).selectOption('PROPOSED');
    const proposedColumn = page.getByRole('region', { name: /^Proposed \(/ });
    await expect.poll(() => proposedColumn.getByRole('article', { name: title }).count(), wait).toBe(1);
    await expect
      .poll(
        async () => (await readPlan()).tasks.edges.find((e) => e.node.id === created?.id)?.node.status,
        wait,
      )
      .toBe('PROPOSED');

    // Drag and drop, as a pointer user would.
    const inProgress = page.getByRole('region', { name: /^In progress \(/ });
    await proposedColumn.getByRole('article', { name: title }).dragTo(inProgress);
    await expect
      .poll(
        async () => (await readPlan()).tasks.edges.find((e) => e.node.id === created?.id)?.node.status,
        wait,
      )
      .toBe('IN_PROGRESS');
    await expect.poll(() => inProgress.getByRole('article', { name: title }).count(), wait).toBe(1);

    // By organisation: the task sits under IGAD.
    await page.getByText('By assigned organisation').click();
    await expect
      .poll(
        () =>
          page
            .getByRole('region', { name: /^IGAD \(/ })
            .getByRole('article', { name: title })
            .count(),
        wait,
      )
      .toBe(1);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('shows an acceptance by IGAD without reloading', async () => {
    const { context, page, problems } = await openPage(browser);
    await openEditor(page, 'liaison.dpo@concord.test');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const plan = await readPlan();
    const target = plan.tasks.edges
      .map((e) => e.node)
      .flatMap((t) => t.assignments.edges.map((a) => ({ task: t, assignment: a.node })))
      .find((x) => x.assignment.actor.acronym === 'IGAD' && x.assignment.status === 'PROPOSED');
    if (!target) throw new Error('no PROPOSED IGAD assignment in the exercise plan');
    const igad = taskArticle(page, target.task.title)
      .locator('li[data-status="ACCEPTED"]')
      .filter({ hasText: 'IGAD' });
    const before = await igad.count();

    const partner = await apiSession(system.apiUrl, 'partner.igad@concord.test');
    const res = await apiQuery<{ respondToAssignment: { assignment: { status: string } } }>(
      system.apiUrl,
      'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { status } } }',
      { input: { assignmentId: target.assignment.id, response: 'ACCEPT' } },
      { cookie: partner },
    );
    expect(res.data?.respondToAssignment.assignment.status).toBe('ACCEPTED');

    await expect.poll(() => igad.count(), { timeout: 8_000, interval: 200 }).toBe(before + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('shows the second of two liaisons editing the title the other’s value, and keeps theirs when asked', async () => {
    const dpo = await openPage(browser);
    const au = await openPage(browser);
    await openEditor(dpo.page, 'liaison.dpo@concord.test');
    await openEditor(au.page, 'liaison.au@concord.test');
    // Each sees the other here.
    await expect
      .poll(
        () =>
          dpo.page
            .getByRole('region', { name: 'Who is here' })
            .getByText('Tesfaye Bekele (AU liaison)')
            .count(),
        wait,
      )
      .toBe(1);

    // Both start editing the title from the same version.
    await dpo.page.getByRole('button', { name: 'Edit plan title' }).click();
    await au.page.getByRole('button', { name: 'Edit plan title' }).click();
    await expect
      .poll(
        () =>
          au.page
            .getByRole('region', { name: 'Who is here' })
            .getByRole('listitem')
            .filter({ hasText: 'Amina Diallo' })
            .filter({ hasText: 'editing the plan title' })
            .count(),
        wait,
      )
      .toBe(1);
    await dpo.page.getByLabel('Plan title').fill('Northern Lakes plan — DPO wording');
    await dpo.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await readPlan()).title, wait).toBe('Northern Lakes plan — DPO wording');

    await au.page.getByLabel('Plan title').fill('Northern Lakes plan — AU wording');
    await au.page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = au.page.getByRole('alert', { name: 'Conflict on Plan title' });
    await expect.poll(() => panel.count(), wait).toBe(1);
    expect(await panel.getByTestId('conflict-theirs').textContent()).toBe(
      'Northern Lakes plan — DPO wording',
    );
    expect(await panel.getByTestId('conflict-mine').textContent()).toBe('Northern Lakes plan — AU wording');
    expect(await panel.textContent()).toMatch(/changed this at \d\d:\d\d/);
    await shot(au.page, 'plan-editor-conflict');

    await panel.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(async () => (await readPlan()).title, wait).toBe('Northern Lakes plan — AU wording');
    // The other editor follows without reloading.
    await expect
      .poll(() => dpo.page.getByTestId('plan-title').textContent(), wait)
      .toBe('Northern Lakes plan — AU wording');

    // History: newest first, and the DPO wording restored from it.
    await dpo.page.getByRole('tab', { name: 'History' }).click();
    const newest = dpo.page.getByRole('listitem').filter({ hasText: 'changed the plan' }).first();
    await expect.poll(() => newest.count(), wait).toBe(1);
    expect(await newest.textContent()).toContain('Northern Lakes plan — AU wording');
    await shot(dpo.page, 'plan-editor-history');
    await newest.getByRole('button', { name: /^Restore title to/ }).click();
    await expect.poll(async () => (await readPlan()).title, wait).toBe('Northern Lakes plan — DPO wording');

    expect(dpo.problems.join('\n')).toBe('');
    expect(au.problems.join('\n')).toBe('');
    await dpo.context.close();
    await au.context.close();
  });
});
