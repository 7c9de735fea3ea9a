import { type Action, type MembershipRole, roleAllows, scopeFor } from '@concord/shared';
import type { Context } from '../context';
import { AppError } from './errors';
import type { Viewer } from './viewer';

export const isAdmin = (viewer: Viewer) =>
  viewer.kind === 'user' && viewer.memberships.some((m) => m.role === 'ADMIN');

/** The actors for which the viewer holds one of `roles`. */
export function actorIdsWith(viewer: Viewer, roles: readonly MembershipRole[]): string[] {
  return viewer.memberships.filter((m) => roles.includes(m.role)).map((m) => m.actorId);
}

export function requireSignedIn(ctx: Context): Viewer {
  if (ctx.viewer.kind === 'anonymous')
    throw new AppError('UNAUTHENTICATED', 'sign in or send a token to do this');
  return ctx.viewer;
}

/**
 * Whether the viewer may perform `action` — for a given actor when `actorId` is given (the role
 * must be held in that actor), else in any of their actors. Admins may do everything. Tokens
 * also need the action's scope.
 */
export function can(viewer: Viewer, action: Action, actorId?: string): boolean {
  if (viewer.kind === 'anonymous') return false;
  if (isAdmin(viewer)) return true;
  if (viewer.scopes) {
    const scope = scopeFor[action];
    if (!scope || !viewer.scopes.includes(scope)) return false;
  }
  const roles = viewer.memberships
    .filter((m) => actorId === undefined || m.actorId === actorId)
    .map((m) => m.role);
  return roleAllows(roles, action);
}

/** Throws UNAUTHENTICATED for nobody, FORBIDDEN (audited) for someone without the right. */
export async function authorize(ctx: Context, action: Action, actorId?: string): Promise<void> {
  requireSignedIn(ctx);
  if (can(ctx.viewer, action, actorId)) return;
  await ctx.db
    .auditEvent({ action, outcome: 'DENIED', details: actorId ? { actorId } : null })
    .catch(() => undefined);
  throw new AppError('FORBIDDEN', 'you are not allowed to do this');
}
