import type { Action, MembershipRole } from '@concord/shared';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { ViewerQuery } from '@/gql/graphql';
import { query } from '@/lib/apollo/rsc-client';
import { signInHref } from './safe-next';
import { viewerQuery } from './session.graphql';

export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type ViewerMembership = Viewer['memberships'][number];

/** The viewer's answer, or why it could not be had; `viewer` is null when nobody is signed in. */
export type ViewerResult = { viewer: Viewer | null; unavailable: boolean };

/**
 * Who is asking, read once per request (the layout and the page share it). An unreachable API is
 * told apart from "not signed in", so a person is not sent to sign in again for an outage.
 */
export const getViewer = cache(async (): Promise<ViewerResult> => {
  try {
    const { data } = await query({ query: viewerQuery, fetchPolicy: 'no-cache' });
    return { viewer: data?.viewer ?? null, unavailable: false };
  } catch (error) {
    console.error('viewer: the viewer query failed', error);
    return { viewer: null, unavailable: true };
  }
});

/** Whether the shared permission table lets the viewer do `action` in any of its organisations. */
export function may(viewer: Viewer | null, action: Action): boolean {
  return !!viewer && viewer.permissions.includes(action);
}

/** The organisation a person mostly acts for: the first membership, as the API defaults to it. */
export function primaryMembership(viewer: Viewer | null): ViewerMembership | null {
  return viewer?.memberships[0] ?? null;
}

export const ROLE_LABELS: Record<MembershipRole, string> = {
  ADMIN: 'Administrator',
  LIAISON: 'Liaison officer',
  PARTNER: 'Partner',
  VIEWER: 'Viewer',
};

export function organisationLabel(actor: { name: string; acronym?: string | null }): string {
  return actor.acronym ?? actor.name;
}

/**
 * The signed-in viewer of a page that needs one. Nobody (an expired session) is sent to sign in,
 * to come back to `path`; when the API is unreachable the page is told, to say so.
 */
export async function requireViewer(path: string): Promise<ViewerResult> {
  const result = await getViewer();
  if (!result.viewer && !result.unavailable) redirect(signInHref(path));
  return result;
}
