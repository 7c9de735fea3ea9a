import type { Route } from 'next';

const BASE = 'http://concord.invalid';

/**
 * Where to go after signing in: a path of this site only. Anything that could leave it (another
 * origin, `//host`, a backslash trick, a script URL) or loop back to the sign-in page becomes `/`.
 */
export function safeNext(value: string | string[] | undefined | null): Route {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname === '/sign-in') return '/';
  return `${url.pathname}${url.search}${url.hash}` as Route;
}

/** The sign-in address that brings a person back to `path` afterwards. */
export function signInHref(path: string): Route {
  const next = safeNext(path);
  return next === '/' ? '/sign-in' : (`/sign-in?next=${encodeURIComponent(next)}` as Route);
}
