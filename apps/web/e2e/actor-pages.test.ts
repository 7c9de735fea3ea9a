import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { type RunningSystem, startSystem } from './system';

const screenshots = join(import.meta.dirname, '..', 'screenshots');
const wait = { timeout: 20_000, interval: 200 };
const UNMISS = 'United Nations Mission in the Republic of South Sudan';
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

describe('actor pages in a real browser', () => {
  it('filters the directory by region and keeps the filters in the address', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/actors`);
    await page.getByLabel('Region').selectOption('Europe');
    await expect.poll(() => page.url(), wait).toContain('region=Europe');
    const rows = page.getByRole('rowheader');
    await expect.poll(() => rows.allTextContents(), wait).toContain('European Union');
    expect(await rows.allTextContents()).not.toContain('African Union');

    await page.getByLabel('Kind').selectOption('REGIONAL_ORGAN');
    await expect
      .poll(() => page.url(), wait)
      .toMatch(/kind=REGIONAL_ORGAN.*region=Europe|region=Europe.*kind=REGIONAL_ORGAN/);
    await expect.poll(() => rows.allTextContents(), wait).toEqual(['OSCE Permanent Council']);

    // The address alone restores the filters.
    await page.goto(`${system.webUrl}/actors?region=Asia&kind=MEMBER_STATE`);
    expect(await page.getByLabel('Region').inputValue()).toBe('Asia');
    await expect.poll(() => rows.allTextContents(), wait).toContain('India');
    expect(await rows.allTextContents()).not.toContain('Ghana');

    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('opens UNMISS from the directory: mandate, partners graph, as-of date, and a partner page', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/actors?q=UNMISS`);
    await page.getByRole('link', { name: UNMISS, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toContain(UNMISS);
    expect(page.url()).toMatch(/\/actors\/[\w-]+$/);

    // Registry facts and place in the hierarchy.
    await expect.poll(() => page.getByText('UN peace operation').count(), wait).toBeGreaterThan(0);

    // Its establishing mandate, with mandated tasks and how long ago it expired.
    const mandate = page.getByRole('article', { name: /S\/RES\/1996 \(2011\)/ });
    await expect.poll(() => mandate.count(), wait).toBe(1);
    expect(await mandate.getByRole('rowheader').allTextContents()).toContain('OP 3 (b)');
    expect(await mandate.textContent()).toContain('Protection of civilians');
    expect(await mandate.textContent()).toMatch(/Expired \d+ years ago/);

    // Partners in the graph: links named by partner and partnership.
    const graph = page.getByRole('group', { name: /Partnership graph of/ });
    const partners = graph.getByRole('link');
    await expect.poll(() => partners.count(), wait).toBeGreaterThan(5);
    const host = graph.getByRole('link', { name: /^South Sudan: South Sudan hosts UNMISS/ });
    const council = graph.getByRole('link', {
      name: /^United Nations Security Council: .*authorizes UNMISS/,
    });
    expect(await host.count()).toBe(1);
    expect(await council.count()).toBe(1);
    const before = await partners.count();

    // Assignments are for signed-in people.
    expect(await page.getByText(/Sign in\s+to see the assignments/).count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'actor-page-full.png'), fullPage: true });

    // Pointing at a partner shows the partnership.
    await page.evaluate(() => document.getElementById('partners-heading')?.scrollIntoView());
    await host.hover();
    const details = page.getByRole('heading', { level: 3, name: 'South Sudan', exact: true });
    await expect.poll(() => details.count(), wait).toBe(1);
    await expect.poll(() => page.getByText('Status of Forces Agreement').count(), wait).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'actor-page.png') });
    await page.mouse.move(0, 0);

    // Before UNMISS was established (9 July 2011) the host and the Council's authorization fall away.
    await page.getByLabel('As of').fill('2010-01-01');
    await expect
      .poll(() => page.getByRole('status').allTextContents(), wait)
      .toContainEqual(expect.stringContaining('valid on 1 January 2010'));
    await expect.poll(() => host.count(), wait).toBe(0);
    expect(await council.count()).toBe(0);
    expect(await partners.count()).toBeLessThan(before);
    expect(page.url()).toContain('asOf=2010-01-01');
    await page.screenshot({ path: join(screenshots, 'actor-page-2010.png') });

    // Back to every date, then into a partner's page by its node.
    await page.getByRole('button', { name: 'Any date' }).click();
    await expect.poll(() => host.count(), wait).toBe(1);
    await council.click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait)
      .toContain('United Nations Security Council');
    const backToUnmiss = page
      .getByRole('group', { name: /Partnership graph of/ })
      .getByRole('link', { name: new RegExp(`^${UNMISS}:`) });
    await expect.poll(() => backToUnmiss.count(), wait).toBe(1);

    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('reaches every partner with the keyboard and offers the same edges as a table', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/actors?q=UNMISS`);
    await page.getByRole('link', { name: UNMISS, exact: true }).click();
    const graph = page.getByRole('group', { name: /Partnership graph of/ });
    await expect.poll(() => graph.getByRole('link').count(), wait).toBeGreaterThan(5);
    const nodes = await graph.getByRole('link').count();

    // Focus on the first partner shows its partnership; Tab then goes round the ring.
    await graph.getByRole('link').first().focus();
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const partnerName = focusedName.split(':')[0];
    await expect
      .poll(() => page.getByRole('heading', { level: 3, name: partnerName, exact: true }).count(), wait)
      .toBe(1);
    for (let i = 1; i < nodes; i++) await page.keyboard.press('Tab');
    const lastLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(lastLabel).toMatch(/Opens its page\.$/);

    await page.getByText(/Show the partnerships as a table/).click();
    const table = page.getByRole('table', { name: /Partnerships of/ });
    await expect.poll(() => table.getByRole('row').count(), wait).toBeGreaterThan(nodes);
    expect(await table.getByRole('row', { name: /South Sudan hosts UNMISS/ }).count()).toBe(1);

    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
