import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import {
  apiSession,
  EXERCISE_PLAN,
  exercisePlanId,
  screenshotDir,
  screenshots,
  shot,
  signIn,
  wait,
} from './journeys';
import { type RunningSystem, startSystem } from './system';

let system: RunningSystem;
let browser: Browser;
let planId: string;

beforeAll(async () => {
  await screenshotDir();
  system = await startSystem();
  browser = await launchBrowser();
  const cookie = await apiSession(system.apiUrl, 'liaison.dpo@concord.test');
  planId = await exercisePlanId(system.apiUrl, cookie);
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

describe('plans: reading them, and who may open the editor', () => {
  it('shows the lead organisation the plan overview, with its editor open to it', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test', '/plans');
    await page.getByRole('link', { name: EXERCISE_PLAN }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: EXERCISE_PLAN, level: 1 }).count(), wait)
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/plans/${planId}`);
    for (const section of ['Participants', 'Phases', 'Objectives', 'Tasks']) {
      expect(await page.getByRole('heading', { name: section, level: 2 }).count()).toBe(1);
    }
    expect(await page.getByRole('row').count()).toBeGreaterThan(10);
    await shot(page, 'plan-overview');
    await page.screenshot({ path: `${screenshots}/plan-overview-full.png`, fullPage: true });

    await page.getByRole('link', { name: 'Edit plan' }).click();
    await expect.poll(() => new URL(page.url()).pathname, wait).toBe(`/plans/${planId}/edit`);
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).count(), wait)
      .toBeGreaterThan(0);
    expect(await page.getByText('You cannot edit this plan').count()).toBe(0);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('refuses a partner who opens the editor address directly, in plain words', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'partner.igad@concord.test');
    await page.goto(`${system.webUrl}/plans/${planId}/edit`);
    const refusal = page.getByRole('alert').filter({ hasText: 'You cannot edit this plan' });
    await expect.poll(() => refusal.count(), wait).toBe(1);
    expect(await refusal.textContent()).toContain('Your role does not edit plans.');
    expect(await page.getByRole('main').getByRole('heading', { level: 1 }).allTextContents()).toEqual([
      'You cannot edit this plan',
    ]);
    await shot(page, 'plan-edit-refused');
    // The overview offers no editor either.
    await refusal.getByRole('link', { name: 'Back to the plan' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: EXERCISE_PLAN, level: 1 }).count(), wait)
      .toBe(1);
    expect(await page.getByRole('link', { name: 'Edit plan' }).count()).toBe(0);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('refuses a viewer of a contributing organisation too', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'viewer.ocha@concord.test', `/plans/${planId}/edit`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'You cannot edit this plan' }).count(), wait)
      .toBe(1);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
