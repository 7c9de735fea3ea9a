import type { Page } from 'playwright-core';

/** Every demo account shares this password (apps/api seed). */
export const DEMO_PASSWORD = 'concord-demo';

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { kind } } }`;

/**
 * Signs `email` in within the page's browser context, then leaves the page at `next`. Through the
 * sign-in page when the app has one; otherwise through the same-origin GraphQL proxy with the
 * context's request client, so the session cookie lands in the browser context all the same.
 */
export async function signInAs(page: Page, webUrl: string, email: string, next: string): Promise<void> {
  const probe = await page.request.get(`${webUrl}/sign-in`, { failOnStatusCode: false, maxRedirects: 0 });
  if (probe.ok()) {
    await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0], { timeout: 20_000 });
    return;
  }
  const response = await page.request.post(`${webUrl}/graphql`, {
    data: { query: SIGN_IN, variables: { input: { email, password: DEMO_PASSWORD } } },
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (!response.ok() || body.errors?.length) {
    throw new Error(
      `Signing in as ${email} failed (HTTP ${response.status()}): ${JSON.stringify(body.errors)}`,
    );
  }
  await page.goto(`${webUrl}${next}`);
}
