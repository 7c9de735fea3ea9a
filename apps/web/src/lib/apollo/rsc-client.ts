import { HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { headers } from 'next/headers';
import { apiUrl } from './api-url';

/** The viewer's credentials travel with server-side queries, so a server page sees what they may see. */
const FORWARDED_HEADERS = ['cookie', 'authorization', 'accept-language'] as const;

/**
 * Apollo Client for React Server Components: one instance per request, talking to the API directly.
 * Use `query` in a server `page.tsx`; such a page must be `force-dynamic` so the build never calls the API.
 */
export const { getClient, query, PreloadQuery } = registerApolloClient(() => {
  const forwardViewer = new SetContextLink(async (prevContext) => {
    const incoming = await headers();
    const forwarded: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = incoming.get(name);
      if (value) forwarded[name] = value;
    }
    return { headers: { ...prevContext.headers, ...forwarded } };
  });
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: forwardViewer.concat(
      new HttpLink({
        uri: apiUrl(),
        // Data is per viewer and changes under us: never let Next's fetch cache keep it.
        fetchOptions: { cache: 'no-store' },
      }),
    ),
  });
});
