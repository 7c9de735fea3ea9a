import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { apiQuery, apiSession, screenshotDir, shot, signIn, wait } from './journeys';
import { type RunningSystem, startSystem } from './system';

const EXERCISE = 'Exercise — Northern Lakes Region';
const HEADLINE = 'Militia build-up reported near Port Kessa (journey)';
let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  await screenshotDir();
  system = await startSystem();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** The alert's entry in the situation's list. */
const alertItem = (page: Page) =>
  page
    .getByRole('list', { name: 'Alerts, newest first' })
    .locator(':scope > li')
    .filter({ has: page.getByRole('heading', { name: HEADLINE }) });

describe('alerts on the situation page', () => {
  it('a liaison drafts and issues an alert; the recipient acknowledges it', async () => {
    // The DPO liaison drafts an alert to the African Union and issues it.
    const dpo = await openPage(browser);
    await signIn(dpo.page, system.webUrl, 'liaison.dpo@concord.test', '/situations');
    await dpo.page.getByRole('link', { name: EXERCISE, exact: true }).click();
    await expect.poll(() => dpo.page.getByRole('heading', { level: 1 }).textContent(), wait).toBe(EXERCISE);
    const situationPath = new URL(dpo.page.url()).pathname;

    const form = dpo.page.getByRole('form', { name: 'Draft an alert' });
    await form.getByLabel('Headline').fill(HEADLINE);
    await form.getByLabel('Urgency').selectOption('IMMEDIATE');
    await form.getByLabel('Severity').selectOption('SEVERE');
    await form.getByLabel('Certainty').selectOption('LIKELY');
    await form.getByLabel('Area description').fill('Port Kessa and the lake shore districts');
    await form.getByRole('checkbox', { name: 'African Union', exact: true }).check();
    await form.getByRole('button', { name: 'Save draft' }).click();

    const draft = alertItem(dpo.page);
    await expect.poll(() => draft.count(), wait).toBe(1);
    expect(await draft.textContent()).toMatch(/Draft.*Severe · Act immediately · Likely/);
    expect(await draft.textContent()).toContain('African Union: not acknowledged yet');
    await draft.getByRole('button', { name: `Issue "${HEADLINE}"` }).click();
    await expect.poll(() => draft.locator('[data-state]').textContent(), wait).toBe('Issued');
    expect(await draft.getByRole('button').count()).toBe(0);
    expect(dpo.problems.join('\n')).toBe('');

    // The African Union's liaison, in a browser of its own, sees the issued alert and acknowledges it.
    const au = await openPage(browser);
    await signIn(au.page, system.webUrl, 'liaison.au@concord.test', situationPath);
    const received = alertItem(au.page);
    await expect.poll(() => received.count(), wait).toBe(1);
    expect(await received.locator('[data-state]').textContent()).toBe('Issued');
    expect(await au.page.getByRole('form', { name: 'Draft an alert' }).count()).toBe(1);
    const acknowledge = received.getByRole('button', { name: /^Acknowledge for / });
    expect(await acknowledge.count()).toBe(1);
    await acknowledge.click();
    await expect.poll(() => received.locator('[data-state]').textContent(), wait).toBe('Acknowledged');
    expect(await received.textContent()).toMatch(/African Union: acknowledged .* by /);
    expect(await received.getByRole('button').count()).toBe(0);
    await received.scrollIntoViewIfNeeded();
    await shot(au.page, 'situation-alerts');
    expect(au.problems.join('\n')).toBe('');

    // The API agrees, and the sender sees the acknowledgement after a reload.
    const cookie = await apiSession(system.apiUrl, 'liaison.dpo@concord.test');
    const res = await apiQuery<{ alerts: { edges: { node: { headline: string; state: string } }[] } }>(
      system.apiUrl,
      '{ alerts(first: 50) { edges { node { headline state } } } }',
      {},
      { cookie },
    );
    expect(res.errors ?? []).toEqual([]);
    expect(res.data?.alerts.edges.find((e) => e.node.headline === HEADLINE)?.node.state).toBe('ACKNOWLEDGED');
    await dpo.page.reload();
    await expect
      .poll(() => alertItem(dpo.page).locator('[data-state]').textContent(), wait)
      .toBe('Acknowledged');
    expect(dpo.problems.join('\n')).toBe('');

    await dpo.context.close();
    await au.context.close();
  });
});
