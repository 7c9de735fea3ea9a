import { type Action, permissionTable } from '@concord/shared';
import { authorize, can } from '../../common/authz';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { insertRow } from '../../common/writes';
import type { Context } from '../../context';
import { actorById } from '../actors/actor.loaders';
import type { CreateUserInput, SetMembershipInput, SignInInput } from './account.inputs';
import { userById } from './account.loaders';
import { sessionCacheOf } from './credential-cache';
import { Membership } from './membership.entity';
import { hashPassword } from './password';

import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_COOKIE,
  signIn,
  signOut,
  viewerFromSession,
} from './session.service';
import { User } from './user.entity';

type UserRow = User;

async function describeViewer(ctx: Context) {
  const viewer = ctx.viewer;
  if (viewer.kind === 'anonymous') return null;
  const user = viewer.userId ? await userById(ctx).load(viewer.userId) : null;
  const actors = await actorById(ctx).loadMany(viewer.memberships.map((m) => m.actorId));
  return {
    kind: viewer.kind === 'user' ? 'USER' : 'TOKEN',
    user: user ?? null,
    memberships: viewer.memberships
      .map((m, i) => ({ actor: actors[i], role: m.role }))
      .filter((m) => m.actor && !(m.actor instanceof Error)),
    permissions: (Object.keys(permissionTable) as Action[]).filter((action) => can(viewer, action)),
  };
}

export const accountService = {
  viewer: describeViewer,

  async signIn(ctx: Context, input: SignInInput) {
    const result = await signIn(ctx.db, {
      email: input.email,
      password: input.password,
      ipAddress: ctx.http?.ipAddress ?? null,
      userAgent: ctx.http?.userAgent ?? null,
    });
    ctx.http?.setCookie(SESSION_COOKIE, result.secret, { maxAgeSeconds: SESSION_ABSOLUTE_SECONDS });
    ctx.viewer = await viewerFromSession(ctx.db, result.secret);
    return { viewer: await describeViewer(ctx) };
  },

  async signOut(ctx: Context) {
    if (ctx.viewer.kind !== 'user' || !ctx.viewer.sessionId)
      throw new AppError('UNAUTHENTICATED', 'you are not signed in');
    await signOut(ctx.db, ctx.viewer.sessionId);
    ctx.http?.clearCookie(SESSION_COOKIE);
    return { signedOut: true };
  },

  async createUser(ctx: Context, input: CreateUserInput) {
    await authorize(ctx, 'user.manage');
    const passwordHash = await hashPassword(input.password);
    const user = await ctx.db.transaction((tx) =>
      insertRow<UserRow>(tx, ctx.db.columns(User), {
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        passwordHash,
      }),
    );
    return { user };
  },

  async setMembership(ctx: Context, input: SetMembershipInput) {
    await authorize(ctx, 'user.manage');
    const userId = fromGlobalId('User', input.userId, 'userId');
    const actorId = fromGlobalId('Actor', input.actorId, 'actorId');
    if (!(await actorById(ctx).load(actorId)))
      throw new AppError('NOT_FOUND', 'actorId: no actor has this id', { field: 'actorId' });
    const [user] = await ctx.db.query('SELECT 1 FROM user_account WHERE id = $1', [userId]);
    if (!user) throw new AppError('NOT_FOUND', 'userId: no user has this id', { field: 'userId' });
    const membership = await ctx.db.transaction(async (tx) => {
      await tx.query('DELETE FROM membership WHERE user_id = $1 AND actor_id = $2', [userId, actorId]);
      return insertRow<Membership>(tx, ctx.db.columns(Membership), { userId, actorId, role: input.role });
    });
    // The user's next request in this process reads the new role; the others forget on notification.
    sessionCacheOf(ctx.db).forget(userId);
    return { membership };
  },
};
