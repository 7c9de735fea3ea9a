import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { type RunningSystem, startSystem } from './system';

const screenshots = join(import.meta.dirname, '..', 'screenshots');
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
  it('lists the seeded registry from the API, searches it, and loads more', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/actors`);
    await expect.poll(() => page.getByRole('cell', { name: 'African Union', exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'actors.png') });

    await page.getByLabel(/search/i).fill('UNMISS');
    await expect.poll(() => page.getByRole('cell', { name: /Mission in the Republic of South Sudan/ }).count()).toBe(1);
    await expect.poll(() => page.url()).toContain('q=UNMISS');
    expect(await page.getByRole('cell', { name: 'African Union', exact: true }).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
