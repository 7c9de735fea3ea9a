'use client';

import type { Route } from 'next';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { ActorFilters } from '@/features/actors/actor-filters';
import type { ActorRegion } from '@/features/actors/actor-regions';
import { type ActorSearch, actorSearchToQueryString } from '@/features/actors/actor-search';
import styles from '@/features/actors/actors.module.css';
import type { ActorKind } from '@/gql/graphql';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Keeps the search in the URL (`?q=&kind=&region=`), so results can be shared and the server page renders
 * them. `children` are the server-rendered results; while a new search loads they stay, marked busy.
 */
export function ActorsPageClient({ search, children }: { search: ActorSearch; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const [text, setText] = useState(search.q);
  // The last search this component put in the URL, to tell our own navigations from Back/Forward.
  const pushed = useRef(search.q);

  useEffect(() => {
    if (search.q !== pushed.current) {
      pushed.current = search.q;
      setText(search.q);
    }
  }, [search.q]);

  const navigate = useCallback(
    (next: ActorSearch) => {
      pushed.current = next.q;
      startTransition(() => {
        router.replace(`${pathname}${actorSearchToQueryString(next)}` as Route, { scroll: false });
      });
    },
    [router, pathname],
  );

  useEffect(() => {
    const q = text.trim();
    if (q === pushed.current) return;
    const timer = setTimeout(() => navigate({ ...search, q }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, search, navigate]);

  return (
    <>
      <ActorFilters
        text={text}
        kind={search.kind}
        region={search.region}
        onTextChange={setText}
        onKindChange={(kind: ActorKind | null) => navigate({ ...search, q: text.trim(), kind })}
        onRegionChange={(region: ActorRegion | null) => navigate({ ...search, q: text.trim(), region })}
        onSubmit={() => navigate({ ...search, q: text.trim() })}
      />
      <p className={styles.pendingNote} role="status">
        {isPending ? 'Searching…' : ''}
      </p>
      <div className={isPending ? styles.pending : undefined} aria-busy={isPending}>
        {children}
      </div>
    </>
  );
}
