import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD, screenshotDir, shot, signIn, wait } from './journeys';
import { type RunningSystem, startSystem } from './system';

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

describe('signing in and out', () => {
  it('sends a visitor to sign in, refuses a wrong password in plain words, then brings them back', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/assignments`);
    await expect.poll(() => page.url(), wait).toContain('/sign-in?next=%2Fassignments');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count(), wait).toBe(1);
    await shot(page, 'sign-in');

    await page.getByLabel('Email').fill('partner.igad@concord.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next's route announcer is an (empty) alert too.
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await expect
      .poll(() => alert.allTextContents(), wait)
      .toEqual(['The email or password is not right. Check both and try again.']);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await shot(page, 'sign-in-error');

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname, wait).toBe('/assignments');
    await expect.poll(() => page.getByRole('heading', { name: 'My assignments' }).count(), wait).toBe(1);

    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('shows who is signed in, for which organisation, and only the pages their role uses', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'partner.igad@concord.test');
    const banner = page.getByRole('banner');
    await expect.poll(() => banner.textContent(), wait).toContain('Grace Wanjiru (IGAD partner)');
    expect(await banner.textContent()).toContain('IGAD · Partner');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Actors',
      'Situations',
      'Plans',
      'My assignments',
      'Integrators',
    ]);
    await expect.poll(() => page.getByRole('heading', { name: /Waiting for IGAD/ }).count(), wait).toBe(1);
    await expect.poll(() => page.getByText('Loading', { exact: false }).count(), wait).toBe(0);
    await shot(page, 'home');
    // The same page on a tablet.
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'home-tablet');
    expect(problems.join('\n')).toBe('');
    await context.close();

    // A viewer answers no assignments: no partner view in the navigation.
    const viewer = await openPage(browser);
    await signIn(viewer.page, system.webUrl, 'viewer.ocha@concord.test');
    const links = await viewer.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .allTextContents();
    expect(links).not.toContain('My assignments');
    expect(await viewer.page.getByRole('banner').textContent()).toContain('OCHA · Viewer');
    expect(viewer.problems.join('\n')).toBe('');
    await viewer.context.close();
  });

  it('signs out to the sign-in page, after which the workspace asks to sign in again', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'liaison.dpo@concord.test');
    // The lead organisation's home: its plans, and the risk of the situation it works on.
    await expect.poll(() => page.getByText('Loading', { exact: false }).count(), wait).toBe(0);
    expect(await page.getByRole('region', { name: "DPO's plans" }).textContent()).toContain('Lead');
    expect(await page.getByRole('region', { name: 'Situations' }).textContent()).toMatch(
      /Risk level: (Low|Moderate|High|Very high)/,
    );
    await shot(page, 'home-liaison');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname, wait).toBe('/sign-in');
    await page.goto(`${system.webUrl}/plans`);
    await expect.poll(() => page.url(), wait).toContain('/sign-in?next=%2Fplans');
    // The actor directory stays public.
    await page.goto(`${system.webUrl}/actors`);
    await expect.poll(() => page.getByRole('heading', { name: 'Actors', level: 1 }).count(), wait).toBe(1);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('says plainly when there were too many attempts', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/sign-in`);
    await page.getByLabel('Email').fill('admin@concord.test');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    // Five wrong passwords in a row are allowed per account; the sixth attempt is held back.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled(), wait).toBe(true);
    }
    await expect
      .poll(() => alert.allTextContents(), wait)
      .toEqual([
        expect.stringMatching(/^Too many sign-in attempts\. Wait (a minute|\d+ minutes) and try again\.$/),
      ]);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('only follows a next address on this site', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${system.webUrl}/sign-in?next=${encodeURIComponent('//evil.example/path')}`);
    await page.getByLabel('Email').fill('liaison.au@concord.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.url(), wait).toBe(`${system.webUrl}/`);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
