import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { apiQuery, apiSession, screenshotDir, shot, signIn, wait } from './journeys';
import { type RunningSystem, startSystem } from './system';

let system: RunningSystem;
let browser: Browser;
let partnerCookie: string;

beforeAll(async () => {
  await screenshotDir();
  system = await startSystem();
  browser = await launchBrowser();
  partnerCookie = await apiSession(system.apiUrl, 'partner.igad@concord.test');
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const ASSIGNMENT = `query($id: ID!) { node(id: $id) { ... on TaskAssignment { status version task { id status version } } } }`;
type Read = {
  node: { status: string; version: number; task: { id: string; status: string; version: number } };
};

/** The assignment as the API has it now, read as the IGAD partner. */
async function readAssignment(id: string) {
  const res = await apiQuery<Read>(system.apiUrl, ASSIGNMENT, { id }, { cookie: partnerCookie });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.node;
}

const group = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const waitingGroup = (page: Page) => group(page, /^Waiting for your answer/);
const acceptedGroup = (page: Page) => group(page, /^Accepted/);

/** A card of the waiting group whose context says `role`, with its title and assignment id. */
async function waitingCard(page: Page, role: string): Promise<{ card: Locator; title: string; id: string }> {
  const card = waitingGroup(page)
    .getByRole('article')
    .filter({ hasText: `${role} role in` })
    .first();
  await expect.poll(() => card.count(), wait).toBe(1);
  const title = (await card.getByRole('heading').textContent()) ?? '';
  const id = ((await card.getAttribute('id')) ?? '').replace(/^assignment-/, '');
  return { card, title, id };
}

describe('a partner answers its assignments', () => {
  it('refuses a decline without a reason, then accepts; the API has it ACCEPTED', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'partner.igad@concord.test', '/assignments');
    const { card, title, id } = await waitingCard(page, 'Lead');
    expect(await card.textContent()).toContain('Waiting for an answer');
    await shot(page, 'assignments');

    await card.getByRole('button', { name: 'Decline' }).click();
    await card.getByRole('button', { name: 'Decline assignment' }).click();
    const refusal = card.getByRole('alert');
    await expect
      .poll(() => refusal.textContent(), wait)
      .toBe('Give a reason for declining: the plan’s lead needs it to find someone else.');
    expect(await card.getByLabel('Why are you declining?').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'assignments-decline-refused');
    expect((await readAssignment(id)).status).toBe('PROPOSED');

    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Accept' }).click();
    const accepted = acceptedGroup(page).getByRole('article', { name: title });
    await expect.poll(() => accepted.count(), wait).toBe(1);
    await expect.poll(() => accepted.locator('header').textContent(), wait).toContain('Accepted');
    expect(await waitingGroup(page).getByRole('article', { name: title }).count()).toBe(0);
    // The answer moved the card; its heading has the focus there.
    expect(await accepted.getByRole('heading').evaluate((el) => el === document.activeElement)).toBe(true);

    const now = await readAssignment(id);
    expect(now.status).toBe('ACCEPTED');
    // Accepting the LEAD agreed the task itself.
    expect(now.task.status).toBe('ACCEPTED');

    await page.reload();
    await expect.poll(() => acceptedGroup(page).getByRole('article', { name: title }).count(), wait).toBe(1);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('reports progress on an accepted task in two clicks', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'partner.igad@concord.test', '/assignments');
    const { card, title, id } = await waitingCard(page, 'Lead');
    await card.getByRole('button', { name: 'Accept' }).click();
    const accepted = acceptedGroup(page).getByRole('article', { name: title });
    await expect.poll(() => accepted.count(), wait).toBe(1);

    await accepted.getByRole('button', { name: 'Report progress' }).click();
    await accepted.getByLabel('Note for the plan’s lead (optional)').fill('Drafting with both delegations');
    await accepted.getByRole('button', { name: 'Mark in progress' }).click();
    await expect
      .poll(() => accepted.getByRole('status').textContent(), wait)
      .toBe('Reported: the task is now in progress.');
    expect(await accepted.textContent()).toContain('In progress');
    expect((await readAssignment(id)).task.status).toBe('IN_PROGRESS');
    await shot(page, 'assignments-progress');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'assignments-tablet');
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('says plainly when someone else answered first, and shows the assignment as it now is', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'partner.igad@concord.test', '/assignments');
    const { card, title, id } = await waitingCard(page, 'Support');

    // Meanwhile, a colleague answers the same assignment.
    const res = await apiQuery(
      system.apiUrl,
      'mutation($input: RespondToAssignmentInput!) { respondToAssignment(input: $input) { assignment { status } } }',
      { input: { assignmentId: id, response: 'ACCEPT' } },
      { cookie: partnerCookie },
    );
    expect(res.errors).toBeUndefined();

    await card.getByRole('button', { name: 'Decline' }).click();
    await card.getByLabel('Why are you declining?').fill('No mediators free this month');
    await card.getByRole('button', { name: 'Decline assignment' }).click();
    const accepted = acceptedGroup(page).getByRole('article', { name: title });
    await expect.poll(() => accepted.count(), wait).toBe(1);
    await expect
      .poll(() => accepted.getByRole('status').textContent(), wait)
      .toContain(
        'Someone else answered this assignment meanwhile: it is now accepted. Your answer was not sent',
      );
    expect((await readAssignment(id)).status).toBe('ACCEPTED');
    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
