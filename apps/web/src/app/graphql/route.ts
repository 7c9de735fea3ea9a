import { apiUrl } from '@/lib/apollo/api-url';

// Same-origin GraphQL endpoint for the browser: it forwards to API_URL, read at request time, so the
// browser never needs the API's address and the API's cookies become first-party.
export const dynamic = 'force-dynamic';

const REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'cookie',
  // Apollo Server's CSRF prevention accepts GET only with one of these.
  'apollo-require-preflight',
  'x-apollo-operation-name',
  // The API limits sign-in attempts per client address; it trusts this header from a proxy on its own host.
  'x-forwarded-for',
] as const;
const RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after'] as const;
const UPSTREAM_TIMEOUT_MS = 30_000;

async function forward(request: Request): Promise<Response> {
  const target = new URL(apiUrl());
  target.search = new URL(request.url).search;

  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'GET' ? undefined : request.body,
      // Stream the body through rather than buffering it; the API enforces its own size limit.
      duplex: 'half',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
    } as RequestInit & { duplex: 'half' });
  } catch {
    return Response.json(
      {
        errors: [
          { message: 'The Concord API is not reachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
        ],
      },
      { status: 502 },
    );
  }

  const responseHeaders = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  // Several cookies may be set at once; `get` would fold them into one broken header.
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);

  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

export const GET = forward;
export const POST = forward;
