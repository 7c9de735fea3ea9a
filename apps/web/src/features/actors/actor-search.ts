import type { ActorFilter, ActorKind, ActorsQueryVariables } from '@/gql/graphql';
import { isActorKind } from './actor-kinds';

/** Page size for the actors list (the API allows 1–100). */
export const ACTORS_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 200;

/** What the actors list is showing, as carried in the URL: `?q=…&kind=…`. */
export type ActorSearch = { q: string; kind: ActorKind | null };

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads the URL leniently: an unknown kind or an overlong search is dropped, not an error page. */
export function parseActorSearch(params: RawParams): ActorSearch {
  const kind = first(params.kind);
  return {
    q: first(params.q).trim().slice(0, MAX_SEARCH_LENGTH),
    kind: isActorKind(kind) ? kind : null,
  };
}

export function actorSearchToQueryString({ q, kind }: ActorSearch): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The first page's variables; "Load more" adds `after`. */
export function actorsVariables({ q, kind }: ActorSearch): ActorsQueryVariables {
  const filter: ActorFilter = {};
  if (q) filter.search = q;
  if (kind) filter.kinds = [kind];
  return {
    first: ACTORS_PAGE_SIZE,
    filter: Object.keys(filter).length > 0 ? filter : null,
    orderBy: { field: 'NAME', direction: 'ASC' },
  };
}

export function isFiltered({ q, kind }: ActorSearch): boolean {
  return q !== '' || kind !== null;
}
