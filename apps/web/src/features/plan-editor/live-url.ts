import { headers } from 'next/headers';

const DEFAULT_API_PORT = '4000';

/**
 * The API's WebSocket address as the browser reaches it, read on the server at request time: the
 * browser must connect to the API directly (a route handler cannot carry a WebSocket).
 * PUBLIC_API_URL (http(s) or ws(s), with or without /graphql) wins; otherwise the page's own host
 * name with the API's default port. The session cookie is not port-scoped, so it goes along.
 */
export async function liveApiUrl(): Promise<string> {
  const configured = process.env.PUBLIC_API_URL?.trim();
  if (configured) {
    const url = configured.replace(/^http(s?):/i, 'ws$1:');
    return /\/graphql\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/graphql`;
  }
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost';
  const hostname = new URL(`http://${host.split(',')[0].trim()}`).hostname;
  const scheme = incoming.get('x-forwarded-proto') === 'https' ? 'wss' : 'ws';
  return `${scheme}://${hostname}:${DEFAULT_API_PORT}/graphql`;
}
