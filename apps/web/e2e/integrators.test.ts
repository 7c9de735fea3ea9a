import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { apiQuery, screenshotDir, shot, signIn, wait } from './journeys';
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

const WHO = '{ viewer { kind } }';

describe('an integrator makes a token and tries it in the explorer', () => {
  it('creates a token, sees its secret once, runs a query with it in the explorer, and revokes it', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, system.webUrl, 'liaison.au@concord.test', '/integrators');

    await page.getByLabel('Name').fill('AU early-warning sync');
    await page.getByLabel(/Answer assignments/).check();
    expect(await page.getByLabel(/Read the graph/).isChecked()).toBe(true);
    await page.getByLabel('Expires after (days)').fill('30');
    await page.getByRole('button', { name: 'Create token' }).click();

    const panel = page.getByRole('region', { name: 'Token “AU early-warning sync” created' });
    await expect.poll(() => panel.count(), wait).toBe(1);
    expect(await panel.textContent()).toContain('Copy it now: it is shown only this once.');
    const secret = ((await panel.locator('code').first().textContent()) ?? '').trim();
    expect(secret).toMatch(/^cnc_[\w-]{40,}$/);
    const row = page.getByRole('row', { name: /AU early-warning sync/ });
    await expect.poll(() => row.textContent(), wait).toContain(`${secret.slice(0, 12)}…`);
    expect(await row.textContent()).toContain('Read the graph, Answer assignments');
    expect(await row.textContent()).toContain('Never');
    await shot(page, 'integrators');

    // Shown once: a fresh load of the page lists the token, never its secret.
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /AU early-warning sync/ }).count(), wait).toBe(1);
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('link', { name: 'Open the GraphQL explorer' }).click();
    await expect.poll(() => new URL(page.url()).pathname, wait).toBe('/integrators/explorer');
    const execute = page.getByRole('button', { name: /Execute query/ });
    await expect.poll(() => execute.count(), { ...wait, timeout: 60_000 }).toBe(1);

    // The query: replace the first tab's text with a short one.
    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(WHO);

    // The token goes into the request headers, pasted as a person would.
    await page.getByRole('button', { name: 'Headers' }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .monaco-editor').last();
    await headersEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`{"Authorization": "Bearer ${secret}"}`);

    await execute.click();
    const response = page.locator('.result-window');
    await expect.poll(() => response.textContent(), { ...wait, timeout: 30_000 }).toContain('TOKEN');
    await shot(page, 'explorer');

    // The schema's documentation is one click away.
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent(), wait).toContain('Query');
    await shot(page, 'explorer-docs');

    // Revoked, it stops working at once.
    await page.goto(`${system.webUrl}/integrators`);
    const listed = page.getByRole('row', { name: /AU early-warning sync/ });
    await listed.getByRole('button', { name: 'Revoke AU early-warning sync' }).click();
    await listed.getByRole('button', { name: 'Revoke “AU early-warning sync”' }).click();
    await expect.poll(() => listed.textContent(), wait).toContain('Revoked');
    const refused = await apiQuery(system.apiUrl, WHO, {}, { authorization: `Bearer ${secret}` });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
