import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every demo account's password (README "Demo accounts"). */
export const DEMO_PASSWORD = 'concord-demo';

export const screenshots = join(import.meta.dirname, '..', 'screenshots');
export const wait = { timeout: 20_000, interval: 200 };

export async function screenshotDir(): Promise<void> {
  await mkdir(screenshots, { recursive: true });
}

export function shot(page: Page, name: string) {
  return page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Signs in through the form, as a person would, and waits to have left the sign-in page. */
export async function signIn(page: Page, webUrl: string, email: string, path = '/') {
  await page.goto(`${webUrl}${path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => new URL(page.url()).pathname, wait).toBe(path.split('?')[0]);
}

/** GraphQL over HTTP straight to the API, as `cookie` (a session) or with `authorization`. */
export async function apiQuery<T = Record<string, never>>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  cookie: string | null;
}> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? null;
  return { ...((await response.json()) as object), cookie };
}

/** A session cookie for a demo account, signed in through the API. */
export async function apiSession(apiUrl: string, email: string): Promise<string> {
  const res = await apiQuery(
    apiUrl,
    'mutation($input: SignInInput!) { signIn(input: $input) { viewer { kind } } }',
    {
      input: { email, password: DEMO_PASSWORD },
    },
  );
  if (!res.cookie) throw new Error(`could not sign in as ${email}: ${JSON.stringify(res.errors)}`);
  return res.cookie;
}

/** The demo data's exercise plan. */
export const EXERCISE_PLAN = 'Exercise — Northern Lakes protection and prevention plan';

/** The exercise plan's id, as the session `cookie` finds it. */
export async function exercisePlanId(apiUrl: string, cookie: string): Promise<string> {
  const res = await apiQuery<{ responsePlans: { edges: { node: { id: string; title: string } }[] } }>(
    apiUrl,
    '{ responsePlans(first: 5, filter: { search: "Northern Lakes" }) { edges { node { id title } } } }',
    {},
    { cookie },
  );
  const plan = res.data?.responsePlans.edges.find((edge) => edge.node.title === EXERCISE_PLAN);
  if (!plan) throw new Error(`the exercise plan was not found: ${JSON.stringify(res)}`);
  return plan.node.id;
}
