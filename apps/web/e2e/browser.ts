import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';

/** Flags that keep Chromium quiet on a closed network. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Finds a real Chromium: CHROMIUM_PATH, Debian's package, or the one inside @sparticuz/chromium.
 * Fails with a plain explanation when there is none.
 */
async function executablePath(): Promise<string> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    // Optional: only when Debian's package is absent and @sparticuz/chromium was installed.
    const name = '@sparticuz/chromium';
    const sparticuz = (await import(/* @vite-ignore */ name)).default;
    return await sparticuz.executablePath();
  } catch {
    throw new Error(
      "No Chromium found for the browser journeys. Install Debian's package (apt-get install -y chromium), " +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await executablePath(), args: FLAGS, headless: true });
}

/**
 * A page that records every console error, page error and hydration warning; journeys assert
 * that none happened.
 */
export async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (message.type() === 'error' || /hydrat/i.test(text))
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return { context, page, problems };
}
