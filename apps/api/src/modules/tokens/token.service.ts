import { randomBytes } from 'node:crypto';
import { actorIdsWith, authorize, isAdmin, requireSignedIn } from '../../common/authz';
import { type Connection, type PageArgs, toPage } from '../../common/connection';
import { AppError } from '../../common/errors';
import { fromGlobalId } from '../../common/ids';
import { defineList, listPage } from '../../common/listing';
import { insertRow } from '../../common/writes';
import type { Context } from '../../context';
import { tokenCacheOf } from '../accounts/credential-cache';
import { hashSecret } from '../accounts/session.service';
import { ApiToken } from './api-token.entity';
import type { CreateApiTokenInput, RevokeApiTokenInput } from './token.inputs';

const tokenList = defineList('apiTokens', ApiToken, 'k', {
  CREATED_AT: { expr: 'k.created_at', cast: 'timestamptz' },
});

/** Token format: `cnc_` and 43 characters of base64url randomness (256 bits). */
const newSecret = () => `cnc_${randomBytes(32).toString('base64url')}`;

export const tokenService = {
  async create(ctx: Context, input: CreateApiTokenInput) {
    const viewer = requireSignedIn(ctx);
    if (viewer.kind !== 'user') throw new AppError('FORBIDDEN', 'a token cannot create tokens');
    const actorId = input.actorId
      ? fromGlobalId('Actor', input.actorId, 'actorId')
      : viewer.memberships[0]?.actorId;
    if (!actorId)
      throw new AppError('BAD_USER_INPUT', 'actorId: you belong to no organisation', { field: 'actorId' });
    await authorize(ctx, 'token.manage', actorId);
    if (
      input.scopes.includes('WRITE_ASSIGNMENTS') &&
      !isAdmin(viewer) &&
      !actorIdsWith(viewer, ['LIAISON', 'PARTNER']).includes(actorId)
    ) {
      throw new AppError(
        'FORBIDDEN',
        'scopes: only liaisons and partners may give a token write:assignments',
        { field: 'scopes' },
      );
    }
    const secret = newSecret();
    const apiToken = await ctx.db.transaction(async (tx) => {
      const row = await insertRow<ApiToken>(tx, ctx.db.columns(ApiToken), {
        name: input.name,
        prefix: secret.slice(0, 12),
        secretHash: hashSecret(secret),
        actorId,
        createdByUserId: viewer.userId,
        scopes: [...new Set(input.scopes)],
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      });
      tx.audit({
        action: 'token.create',
        entityType: 'ApiToken',
        entityId: row.id,
        details: { scopes: row.scopes },
      });
      return row;
    });
    return { apiToken, secret };
  },

  /** Tokens of the viewer's organisations (all of them for an administrator). */
  list(ctx: Context, args: PageArgs): Promise<Connection<ApiToken>> {
    const viewer = requireSignedIn(ctx);
    if (viewer.kind !== 'user') throw new AppError('FORBIDDEN', 'a token cannot list tokens');
    const actorIds = viewer.memberships.map((m) => m.actorId);
    return listPage<ApiToken>(
      ctx.db,
      tokenList(ctx.db),
      (q) => {
        if (!isAdmin(viewer)) q.and(q.in('k.actor_id', actorIds));
      },
      { field: 'CREATED_AT', direction: 'DESC' },
      toPage(args),
    );
  },

  async revoke(ctx: Context, input: RevokeApiTokenInput) {
    const viewer = requireSignedIn(ctx);
    if (viewer.kind !== 'user') throw new AppError('FORBIDDEN', 'a token cannot revoke tokens');
    const id = fromGlobalId('ApiToken', input.id);
    const cols = ctx.db.columns(ApiToken);
    const [token] = await ctx.db.query<ApiToken>(
      `SELECT ${cols.select('k')} FROM api_token k WHERE k.id = $1`,
      [id],
    );
    // Another organisation's token answers exactly as a missing one.
    if (!token || (!isAdmin(viewer) && !viewer.memberships.some((m) => m.actorId === token.actorId))) {
      throw new AppError('NOT_FOUND', 'token was not found');
    }
    const apiToken = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<ApiToken>(
        `UPDATE api_token k SET revoked_at = COALESCE(k.revoked_at, now()) WHERE k.id = $1 RETURNING ${cols.select('k')}`,
        [id],
      );
      tx.audit({ action: 'token.revoke', entityType: 'ApiToken', entityId: id });
      return row;
    });
    // Other processes forget the token when the trigger's notification reaches them; this one now.
    tokenCacheOf(ctx.db).forget(id);
    return { apiToken };
  },
};
