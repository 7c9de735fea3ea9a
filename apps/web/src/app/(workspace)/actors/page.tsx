import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActorList } from '@/features/actors/actor-list.client';
import {
  type ActorSearch,
  actorSearchToQueryString,
  actorsVariables,
  parseActorSearch,
} from '@/features/actors/actor-search';
import { actorsQuery } from '@/features/actors/actors.graphql';
import styles from '@/features/actors/actors.module.css';
import type { ActorsQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { ActorsPageClient } from './actors-page.client';

// Rendered per request: the build must never call the API, and the list is per viewer.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage({ searchParams }: PageProps<'/actors'>) {
  const search = parseActorSearch(await searchParams);
  return (
    <>
      <div className={styles.heading}>
        <h1>Actors</h1>
        <p>The organizations, offices and states that take part in prevention and response.</p>
      </div>
      <ActorsPageClient search={search}>
        <Suspense fallback={<p className={styles.loading}>Loading actors…</p>}>
          <ActorResults search={search} />
        </Suspense>
      </ActorsPageClient>
    </>
  );
}

async function ActorResults({ search }: { search: ActorSearch }) {
  let actors: ActorsQuery['actors'];
  try {
    const { data } = await query({ query: actorsQuery, variables: actorsVariables(search) });
    if (!data) throw new Error('The actors query returned no data.');
    actors = data.actors;
  } catch (error) {
    console.error('actors page: the actors query failed', error);
    return (
      <div className={styles.error} role="alert">
        <p>The list of actors could not be loaded. {errorMessage(error)}</p>
        <p>
          <a href={`/actors${actorSearchToQueryString(search)}`}>Try again</a>
        </p>
      </div>
    );
  }
  return <ActorList key={actorSearchToQueryString(search)} search={search} initial={actors} />;
}
