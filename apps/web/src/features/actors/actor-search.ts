import type { ActorFilter, ActorKind, ActorsQueryVariables } from '@/gql/graphql';
import { isActorKind } from './actor-kinds';
import { type ActorRegion, isActorRegion } from './actor-regions';

/** Page size for the actors list (the API allows 1–100). */
export const ACTORS_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 200;

/** What the actors list is showing, as carried in the URL: `?q=…&kind=…&region=…`. */
export type ActorSearch = { q: string; kind: ActorKind | null; region: ActorRegion | null };

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads the URL leniently: an unknown kind or region, or an overlong search, is dropped, not an error page. */
export function parseActorSearch(params: RawParams): ActorSearch {
  const kind = first(params.kind);
  const region = first(params.region);
  return {
    q: first(params.q).trim().slice(0, MAX_SEARCH_LENGTH),
    kind: isActorKind(kind) ? kind : null,
    region: isActorRegion(region) ? region : null,
  };
}

export function actorSearchToQueryString({ q, kind, region }: ActorSearch): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  if (region) params.set('region', region);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The first page's variables; "Load more" adds `after`. */
export function actorsVariables({ q, kind, region }: ActorSearch): ActorsQueryVariables {
  const filter: ActorFilter = {};
  if (q) filter.search = q;
  if (kind) filter.kinds = [kind];
  if (region) filter.region = region;
  return {
    first: ACTORS_PAGE_SIZE,
    filter: Object.keys(filter).length > 0 ? filter : null,
    orderBy: { field: 'NAME', direction: 'ASC' },
  };
}

export function isFiltered({ q, kind, region }: ActorSearch): boolean {
  return q !== '' || kind !== null || region !== null;
}
