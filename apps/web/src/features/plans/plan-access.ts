import { may, type Viewer } from '@/features/session/viewer';
import type { ParticipantRole } from '@/gql/graphql';

/** The organisations of a plan whose liaison officers edit it (the API's rule, plan-access.ts). */
const EDITING_ROLES: readonly ParticipantRole[] = ['LEAD', 'CONTRIBUTOR'];

type Participants = readonly { role: ParticipantRole; actor: { id: string } }[];

/** Why the viewer may not edit the plan, in plain words; null when it may. */
export function editRefusal(viewer: Viewer | null, participants: Participants): string | null {
  if (!viewer) return 'Sign in to edit plans.';
  if (!may(viewer, 'plan.edit')) {
    return 'Your role does not edit plans. Partners answer the assignments given to their organisation, and viewers read.';
  }
  if (viewer.memberships.some((m) => m.role === 'ADMIN')) return null;
  const officerOf = new Set(viewer.memberships.filter((m) => m.role === 'LIAISON').map((m) => m.actor.id));
  const editing = participants.some((p) => EDITING_ROLES.includes(p.role) && officerOf.has(p.actor.id));
  return editing
    ? null
    : 'Your organisation does not take part in this plan as its lead or as a contributor.';
}

/** The viewer's organisations' roles in a plan, e.g. "Lead", for lists. */
export function ownRoles(viewer: Viewer | null, participants: Participants): ParticipantRole[] {
  const mine = new Set(viewer?.memberships.map((m) => m.actor.id) ?? []);
  return participants.filter((p) => mine.has(p.actor.id)).map((p) => p.role);
}
