import type { ActorLinkFragment, ActorPageQuery } from '@/gql/graphql';

/** The actor as the actor page query returns it. */
export type ActorPageActor = NonNullable<ActorPageQuery['actor']>;

/** A level of the nested `parent` chain: a named actor, or only an id where the query stopped. */
type Level = {
  id: string;
  name?: string;
  acronym?: string | null;
  kind?: ActorLinkFragment['kind'];
  parent?: Level | null;
};

/**
 * The nested `parent` chain as a list, nearest first, and the id of the next ancestor when the
 * chain goes on beyond what one query reached.
 */
export function flattenAncestors(start: { parent?: Level | null }): {
  ancestors: ActorLinkFragment[];
  next: string | null;
} {
  const ancestors: ActorLinkFragment[] = [];
  let level = start.parent ?? null;
  while (level) {
    if (level.name === undefined || level.kind === undefined) return { ancestors, next: level.id };
    ancestors.push({ id: level.id, name: level.name, acronym: level.acronym ?? null, kind: level.kind });
    level = level.parent ?? null;
  }
  return { ancestors, next: null };
}
