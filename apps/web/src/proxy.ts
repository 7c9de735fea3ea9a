import { type NextRequest, NextResponse } from 'next/server';

/** The API's session cookie (HttpOnly, set through the same-origin /graphql route). */
const SESSION_COOKIE = 'concord_session';

/** Pages anyone may open: signing in, and the public actor directory. */
function isPublic(pathname: string): boolean {
  return pathname === '/sign-in' || pathname === '/actors' || pathname.startsWith('/actors/');
}

/**
 * Sends a visitor without a session to the sign-in page, to come back afterwards. Only the cookie's
 * presence is checked here; the API decides whether it is still valid, and the workspace layout
 * sends a person with an expired session to sign in as well. The path travels to the layout in a
 * request header, since layouts are not told which page they frame.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isPublic(pathname) && !request.cookies.has(SESSION_COOKIE)) {
    const target = new URL('/sign-in', request.url);
    if (pathname !== '/') target.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(target);
  }
  const headers = new Headers(request.headers);
  headers.set('x-concord-path', `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the GraphQL route, Next's own files, or static assets.
  matcher: ['/((?!graphql|_next/|icon\\.svg|favicon\\.ico|robots\\.txt).*)'],
};
