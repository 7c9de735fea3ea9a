/**
 * The regions the registry records (`Actor.region`), as the UN M49 standard names its continental
 * regions. The API matches a region exactly, so the filter offers these values only.
 */
export const ACTOR_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;

export type ActorRegion = (typeof ACTOR_REGIONS)[number];

export function isActorRegion(value: unknown): value is ActorRegion {
  return typeof value === 'string' && (ACTOR_REGIONS as readonly string[]).includes(value);
}
