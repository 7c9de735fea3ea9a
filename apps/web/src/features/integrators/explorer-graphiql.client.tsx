'use client';

import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { EXPLORER_TABS } from './explorer-examples';

/**
 * Queries go to the same-origin /graphql route, with the signed-in session unless an Authorization
 * header pasted in the Headers editor makes the request the token's.
 */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return {
      errors: [{ message: `The server answered with HTTP ${response.status} and no GraphQL result.` }],
    };
  }
  return response.json();
};

/** GraphiQL itself: heavy (Monaco), so the explorer page loads this module in the browser only. */
export default function ExplorerGraphiQL() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXPLORER_TABS}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    />
  );
}
