'use client';

import { HttpLink } from '@apollo/client';
import { ApolloClient, ApolloNextAppProvider, InMemoryCache } from '@apollo/client-integration-nextjs';
import type { ReactNode } from 'react';

/**
 * Browser Apollo Client. It always calls the same-origin `/graphql` route handler, which proxies to
 * the API: the browser needs no build-time URL, and the API's cookies stay first-party.
 * Client components do not query during server rendering; server pages fetch through `rsc-client`.
 */
function makeClient() {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  });
}

export function ApolloProvider({ children }: { children: ReactNode }) {
  return <ApolloNextAppProvider makeClient={makeClient}>{children}</ApolloNextAppProvider>;
}
