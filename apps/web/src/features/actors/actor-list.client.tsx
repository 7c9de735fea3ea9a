'use client';

import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import type { ActorsQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { type ActorSearch, actorsVariables, isFiltered } from './actor-search';
import { ActorTable } from './actor-table';
import { actorsQuery } from './actors.graphql';
import styles from './actors.module.css';

type ActorConnection = ActorsQuery['actors'];

function countLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'actor' : 'actors';
  return shown >= total ? `${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`;
}

/**
 * The first page arrives from the server page; "Load more" fetches the next pages in the browser,
 * by cursor, through Apollo Client. Key this component on the search so a new search starts over.
 */
export function ActorList({ search, initial }: { search: ActorSearch; initial: ActorConnection }) {
  const client = useApolloClient();
  const [edges, setEdges] = useState(initial.edges);
  const [pageInfo, setPageInfo] = useState(initial.pageInfo);
  const [totalCount, setTotalCount] = useState(initial.totalCount);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    setLoading(true);
    setError(null);
    try {
      const { data } = await client.query({
        query: actorsQuery,
        variables: { ...actorsVariables(search), after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      if (!data) throw new Error('empty response');
      setEdges((previous) => {
        // Rows inserted meanwhile can shift a page boundary; never show one actor twice.
        const seen = new Set(previous.map((edge) => edge.node.id));
        return [...previous, ...data.actors.edges.filter((edge) => !seen.has(edge.node.id))];
      });
      setPageInfo(data.actors.pageInfo);
      setTotalCount(data.actors.totalCount);
    } catch (caught) {
      setError(`More actors could not be loaded. ${errorMessage(caught)}`);
    } finally {
      setLoading(false);
    }
  }

  if (edges.length === 0) {
    return (
      <p className={styles.empty}>
        {isFiltered(search)
          ? 'No actors match this search. Try other words, another kind or another region.'
          : 'There are no actors yet.'}
      </p>
    );
  }

  const count = countLabel(edges.length, totalCount);
  return (
    <>
      <p className={styles.count} role="status">
        {count}
      </p>
      <ActorTable actors={edges.map((edge) => edge.node)} caption={`Actors. ${count}.`} />
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {pageInfo.hasNextPage && (
        <div className={styles.more}>
          <button type="button" className="button" onClick={loadMore} disabled={loading} aria-busy={loading}>
            {loading ? 'Loading more actors…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}
