import type { Route } from 'next';

/** The actor page of an actor, by its global id. */
export function actorHref(id: string): Route {
  return `/actors/${encodeURIComponent(id)}` as Route;
}
