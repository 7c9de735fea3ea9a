import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { signIn } from './journeys';
import { type RunningSystem, startSystem } from './system';

const screenshots = join(import.meta.dirname, '..', 'screenshots');
const wait = { timeout: 20_000, interval: 200 };
const EXERCISE = 'Exercise — Northern Lakes Region';
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

describe('the situation page in a real browser', () => {
  it('sends a visitor to sign in, and back to the situations afterwards', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/situations`);
    await expect.poll(() => new URL(page.url()).pathname, wait).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/situations');
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test', '/situations');
    await expect.poll(() => page.getByRole('link', { name: EXERCISE, exact: true }).count(), wait).toBe(1);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('shows a liaison officer the 14 factors, the gaps, the map and the timeline of the exercise', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test', '/situations');
    await page.getByRole('link', { name: EXERCISE, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), wait).toBe(EXERCISE);

    // The latest assessment: the overall level in words, and the 14 factors in the Framework's order.
    const factors = page.getByRole('list', { name: 'Risk factors' }).getByRole('listitem');
    await expect.poll(() => factors.count(), wait).toBe(14);
    expect(await factors.first().textContent()).toContain('Risk factor 1');
    expect(await factors.nth(13).textContent()).toContain('Risk factor 14');
    expect(await factors.first().textContent()).toMatch(/High.*Deteriorating.*High confidence/);
    expect(await page.getByText(/^HIGH because \d+ factors are HIGH/).count()).toBe(1);
    // A liaison officer reads the rationales.
    expect(await page.getByText(/clashes between highland militias/).count()).toBe(1);
    expect(await page.getByText(/Rationale restricted/).count()).toBe(0);
    expect(
      await page.getByRole('heading', { level: 2, name: 'What the plans do not yet cover' }).count(),
    ).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Earlier assessments' }).count()).toBe(1);

    // Observations: every one on the timeline, the located ones on the map and in its text list.
    // Each entry holds a list of its facts: count the entries themselves.
    const timeline = page.getByRole('list', { name: 'Observations, newest first' }).locator(':scope > li');
    const entries = await timeline.count();
    expect(entries).toBeGreaterThanOrEqual(10);
    expect(await timeline.first().textContent()).toContain('District peace committee suspended');
    const map = page.getByRole('img', { name: 'Map of the observations' });
    expect(await map.count()).toBe(1);
    expect(await map.locator('circle').count()).toBe(entries);
    expect(await map.locator('path').count()).toBeGreaterThan(3);
    expect(await page.getByRole('heading', { name: 'Mapped points' }).count()).toBe(1);
    expect(await page.locator('figcaption ol > li').count()).toBe(entries);
    expect(await page.getByText(/Port Kessa, 1\.45° N, 1\.62° E/).count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(screenshots, 'situation-page.png') });
    await page.screenshot({ path: join(screenshots, 'situation-page-full.png'), fullPage: true });
    await page.evaluate(() => document.getElementById('observations-heading')?.scrollIntoView());
    await page.screenshot({ path: join(screenshots, 'situation-page-observations.png') });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: join(screenshots, 'situation-page-tablet.png') });
    await page.screenshot({ path: join(screenshots, 'situation-page-tablet-full.png'), fullPage: true });

    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('tells a viewer plainly that the rationales of a public assessment are restricted', async () => {
    const { context, page, problems } = await openPage(browser);
    // A liaison officer records a situation with a PUBLIC assessment, which every signed-in person reads.
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test', '/situations');
    const call = async (query: string, input: Record<string, unknown>) => {
      const response = await page.request.post(`${system.webUrl}/graphql`, {
        data: { query, variables: { input } },
      });
      const body = (await response.json()) as {
        data?: Record<string, { situation?: { id: string } }>;
        errors?: unknown[];
      };
      expect(body.errors ?? []).toEqual([]);
      return body.data!;
    };
    const created = await call(
      'mutation($input: CreateSituationInput!) { createSituation(input: $input) { situation { id } } }',
      { name: 'Watch — coastal districts (journey)', countryCode: 'GH', status: 'WATCH' },
    );
    const situationId = created.createSituation?.situation?.id ?? '';
    expect(situationId).not.toBe('');
    await call(
      'mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { riskAssessment { id } } }',
      {
        situationId,
        assessedOn: new Date().toISOString().slice(0, 10),
        classification: 'PUBLIC',
        summary: 'Words for liaison officers only.',
        scores: [
          {
            riskFactorNumber: 1,
            level: 'MODERATE',
            trend: 'STABLE',
            rationale: 'Rationale for liaison officers only.',
          },
          {
            riskFactorNumber: 8,
            level: 'LOW',
            trend: 'IMPROVING',
            rationale: 'Another rationale for liaison officers.',
          },
        ],
      },
    );
    await context.clearCookies();

    await signIn(page, system.webUrl, 'viewer.ocha@concord.test', `/situations/${situationId}`);
    const factors = page.getByRole('list', { name: 'Risk factors' }).getByRole('listitem');
    await expect.poll(() => factors.count(), wait).toBe(14);
    expect(await page.getByText(/^Rationale restricted/).count()).toBe(2);
    expect(await page.getByText(/^Summary restricted/).count()).toBe(1);
    expect(await page.getByText('Not scored in this assessment.').count()).toBe(12);
    expect(await page.getByText(/for liaison officers only/).count()).toBe(0);
    expect(await factors.first().textContent()).toMatch(/Moderate.*Stable.*Medium confidence/);

    // The exercise's own assessment is RESTRICTED: a viewer is told so, not that nothing was assessed.
    await page.goto(`${system.webUrl}/situations`);
    await page.getByRole('link', { name: EXERCISE, exact: true }).click();
    await expect
      .poll(() => page.getByText(/no assessment of this situation that you may read/).count(), wait)
      .toBe(1);

    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
