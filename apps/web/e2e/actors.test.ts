import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { type RunningSystem, startSystem } from './system';

const screenshots = join(import.meta.dirname, '..', 'screenshots');
const wait = { timeout: 20_000, interval: 200 };
let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  system = await startSystem();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

describe('the actor directory in a real browser', () => {
  it('lists the seeded registry from the API, loads more, and searches it', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/actors`);
    const rows = page.getByRole('rowheader');
    await expect.poll(() => rows.count(), wait).toBeGreaterThan(5);
    const firstPage = await rows.count();
    await page.screenshot({ path: join(screenshots, 'actors.png') });

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count(), wait).toBeGreaterThan(firstPage);
    await expect
      .poll(() => page.getByRole('rowheader', { name: 'African Union', exact: true }).count(), wait)
      .toBe(1);

    await page.getByLabel('Search by name or acronym').fill('UNMISS');
    await page.getByLabel('Search by name or acronym').press('Enter');
    await expect.poll(() => page.url(), wait).toContain('q=UNMISS');
    await expect
      .poll(() => rows.allTextContents(), wait)
      .toEqual(['United Nations Mission in the Republic of South Sudan']);

    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
