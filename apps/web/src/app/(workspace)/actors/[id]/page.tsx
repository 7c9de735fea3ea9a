import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ActorAssignments } from '@/features/actors/actor-assignments';
import { ActorHierarchy } from '@/features/actors/actor-hierarchy';
import { ActorMandates } from '@/features/actors/actor-mandates';
import styles from '@/features/actors/actor-page.module.css';
import { type ActorPageActor, flattenAncestors } from '@/features/actors/actor-page.types';
import { ActorProfile } from '@/features/actors/actor-profile';
import { actorAncestorsQuery, actorPageQuery } from '@/features/actors/actors.graphql';
import { layoutPartnerGraph } from '@/features/actors/partner-graph-layout';
import { PartnersSection } from '@/features/actors/partners-section.client';
import type { ActorLinkFragment } from '@/gql/graphql';
import { errorCode } from '@/lib/apollo/error-code';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { isLocalDate, todayLocalDate } from '@/lib/format/dates';

// Rendered per request: the build must never call the API, and assignments are per viewer.
export const dynamic = 'force-dynamic';

/** A registry deeper than this is a loop in the data, not a hierarchy. */
const MAX_ANCESTORS = 50;

const loadActor = cache(async (id: string, asOf: string | null) => {
  const { data } = await query({ query: actorPageQuery, variables: { id, asOf } });
  if (!data) throw new Error('The actor query returned no data.');
  return data;
});

/** The rest of the chain when it is deeper than one query reaches. */
async function ancestorsOf(actor: ActorPageActor): Promise<ActorLinkFragment[]> {
  let { ancestors, next } = flattenAncestors(actor);
  while (next && ancestors.length < MAX_ANCESTORS) {
    const { data } = await query({ query: actorAncestorsQuery, variables: { id: next } });
    if (!data?.actor) break;
    const more = flattenAncestors(data.actor);
    ancestors = [...ancestors, data.actor, ...more.ancestors];
    next = more.next;
  }
  return ancestors;
}

function readAsOf(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return isLocalDate(text) ? text : null;
}

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<'/actors/[id]'>): Promise<Metadata> {
  try {
    const data = await loadActor((await params).id, readAsOf((await searchParams).asOf));
    return { title: data.actor?.name ?? 'Actor not found' };
  } catch {
    return { title: 'Actor' };
  }
}

export default async function ActorPage({ params, searchParams }: PageProps<'/actors/[id]'>) {
  const { id } = await params;
  const asOf = readAsOf((await searchParams).asOf);

  let data: Awaited<ReturnType<typeof loadActor>>;
  let ancestors: ActorLinkFragment[] = [];
  try {
    data = await loadActor(id, asOf);
    if (data.actor) ancestors = await ancestorsOf(data.actor);
  } catch (error) {
    // A malformed id is the same to a reader as one that does not exist.
    if (errorCode(error) === 'BAD_USER_INPUT') notFound();
    console.error('actor page: the actor query failed', error);
    return (
      <div className={styles.error} role="alert">
        <p>The actor could not be loaded. {errorMessage(error)}</p>
        <p>
          <Link href="/actors">Back to all actors</Link>
        </p>
      </div>
    );
  }
  if (!data.actor) notFound();
  const actor = data.actor;
  const centre = { id: actor.id, name: actor.name, acronym: actor.acronym, kind: actor.kind };
  const edges = actor.partners.edges;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/actors">← All actors</Link>
      </p>
      <ActorProfile actor={actor} aside={<ActorHierarchy actor={actor} ancestors={ancestors} />} />
      <PartnersSection
        centre={centre}
        initial={{
          asOf,
          edges,
          totalCount: actor.partners.totalCount,
          layout: layoutPartnerGraph(centre, edges),
        }}
      />
      <ActorMandates actor={actor} today={todayLocalDate()} />
      <ActorAssignments actor={actor} signedIn={data.viewer !== null} />
    </>
  );
}
