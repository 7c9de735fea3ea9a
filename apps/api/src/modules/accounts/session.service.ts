import { createHash, randomBytes } from 'node:crypto';
import type { MembershipRole, TokenScope } from '@concord/shared';
import { AppError } from '../../common/errors';
import { takeFromBucket } from '../../common/rate-limit';
import { anonymousViewer, type Viewer } from '../../common/viewer';
import type { Database } from '../../db/database';
import { sessionCacheOf, tokenCacheOf } from './credential-cache';
import { decoyHash, verifyPassword } from './password';

export const SESSION_COOKIE = 'concord_session';
export const SESSION_IDLE_SECONDS = 8 * 3600;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 3600;
/** last_seen_at is refreshed at most this often, so that reading does not write on every request. */
const TOUCH_AFTER_SECONDS = 60;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const SIGN_IN_PER_ACCOUNT = { capacity: 5, refillPerSecond: 1 / 60 };
const SIGN_IN_PER_ADDRESS = { capacity: 30, refillPerSecond: 1 / 10 };

type Membership = { actorId: string; role: MembershipRole };

/**
 * Resolves the session cookie to a viewer; an unknown, expired or revoked session is anonymous.
 * A verified session is held by the process (credential-cache.ts) for up to a minute, until it
 * expires, or until PostgreSQL notifies that the user's sessions, account or memberships changed.
 */
export async function viewerFromSession(db: Database, secret: string): Promise<Viewer> {
  const hash = hashSecret(secret);
  const viewer = await sessionCacheOf(db).viewer(hash, async () => {
    const [row] = await db.query<{
      id: string;
      userId: string;
      memberships: Membership[];
      stale: boolean;
      expiresAt: Date;
    }>(
      `SELECT s.id, s.user_id AS "userId", s.last_seen_at < now() - make_interval(secs => $2) AS stale,
         LEAST(s.idle_expires_at, s.absolute_expires_at) AS "expiresAt",
         COALESCE((SELECT json_agg(json_build_object('actorId', m.actor_id, 'role', m.role) ORDER BY m.created_at)
                   FROM membership m WHERE m.user_id = s.user_id), '[]') AS memberships
       FROM session s JOIN user_account u ON u.id = s.user_id AND u.is_active
       WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND s.idle_expires_at > now() AND s.absolute_expires_at > now()`,
      [hash, TOUCH_AFTER_SECONDS],
      { prepared: true },
    );
    if (!row) return null;
    if (row.stale) {
      // Sliding idle expiry; not awaited: a failed touch must not fail the request.
      db.query(
        `UPDATE session SET last_seen_at = now(), idle_expires_at = LEAST(absolute_expires_at, now() + make_interval(secs => $2)) WHERE id = $1`,
        [row.id, SESSION_IDLE_SECONDS],
      ).catch(() => undefined);
    }
    return {
      viewer: Object.freeze({
        kind: 'user',
        userId: row.userId,
        sessionId: row.id,
        tokenId: null,
        memberships: Object.freeze(row.memberships.map((m) => Object.freeze(m))),
        scopes: null,
      }),
      owner: row.userId,
      expiresAt: row.expiresAt.getTime(),
    };
  });
  return viewer ?? anonymousViewer;
}

/** Resolves a bearer token to a viewer. A wrong, revoked or expired token is UNAUTHENTICATED, never anonymous. */
export async function viewerFromToken(db: Database, token: string): Promise<Viewer> {
  const hash = hashSecret(token);
  const viewer = await tokenCacheOf(db).viewer(hash, async () => {
    const [row] = await db.query<{
      id: string;
      actorId: string;
      scopes: TokenScope[];
      valid: boolean;
      stale: boolean;
      expiresAt: Date;
    }>(
      `SELECT t.id, t.actor_id AS "actorId", t.scopes::text[] AS scopes, t.expires_at AS "expiresAt",
         (t.revoked_at IS NULL AND t.expires_at > now()) AS valid,
         (t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => $2)) AS stale
       FROM api_token t WHERE t.secret_hash = $1`,
      [hash, TOUCH_AFTER_SECONDS],
      { prepared: true },
    );
    if (!row?.valid) return null;
    if (row.stale)
      db.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [row.id]).catch(() => undefined);
    const role: MembershipRole = row.scopes.includes('WRITE_ASSIGNMENTS') ? 'PARTNER' : 'VIEWER';
    return {
      viewer: Object.freeze({
        kind: 'token',
        userId: null,
        sessionId: null,
        tokenId: row.id,
        memberships: Object.freeze([Object.freeze({ actorId: row.actorId, role })]),
        scopes: Object.freeze(row.scopes),
      }),
      owner: row.id,
      expiresAt: row.expiresAt.getTime(),
    };
  });
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'the token is unknown, revoked or expired');
  return viewer;
}

export type SignInResult = { secret: string; userId: string; sessionId: string; expiresAt: Date };

/**
 * Checks a password and opens a session. Attempts are limited per account and per address;
 * an unknown email costs the same time as a wrong password.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; ipAddress: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const perAccount = await takeFromBucket(db, `sign-in:account:${email}`, SIGN_IN_PER_ACCOUNT, 1);
  const perAddress = await takeFromBucket(
    db,
    `sign-in:address:${input.ipAddress ?? 'unknown'}`,
    SIGN_IN_PER_ADDRESS,
    1,
  );
  if (!perAccount.allowed || !perAddress.allowed) {
    await db.auditEvent({ action: 'signIn', outcome: 'DENIED', details: { email, reason: 'rate limited' } });
    throw new AppError('RATE_LIMITED', 'too many sign-in attempts; wait a little and try again', {
      retryAfterSeconds: Math.max(perAccount.retryAfterSeconds, perAddress.retryAfterSeconds),
    });
  }
  const [user] = await db.query<{ id: string; passwordHash: string; isActive: boolean }>(
    'SELECT id, password_hash AS "passwordHash", is_active AS "isActive" FROM user_account WHERE email = $1',
    [email],
  );
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid || !user.isActive) {
    await db.auditEvent({
      action: 'signIn',
      outcome: 'FAILURE',
      userId: user?.id ?? null,
      details: { email },
    });
    throw new AppError('UNAUTHENTICATED', 'the email or password is not right');
  }
  const secret = randomBytes(32).toString('base64url');
  const session = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; expiresAt: Date }>(
      `INSERT INTO session (secret_hash, user_id, idle_expires_at, absolute_expires_at, ip_address, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), now() + make_interval(secs => $4), $5, $6)
       RETURNING id, absolute_expires_at AS "expiresAt"`,
      [
        hashSecret(secret),
        user.id,
        SESSION_IDLE_SECONDS,
        SESSION_ABSOLUTE_SECONDS,
        input.ipAddress,
        input.userAgent?.slice(0, 300) ?? null,
      ],
    );
    tx.audit({ action: 'signIn', entityType: 'Session', entityId: row.id, userId: user.id });
    return row;
  });
  return { secret, userId: user.id, sessionId: session.id, expiresAt: session.expiresAt };
}

/** Revokes a session: the very next request with its cookie is anonymous. */
export async function signOut(db: Database, sessionId: string): Promise<void> {
  const rows = await db.transaction(async (tx) => {
    const revoked = await tx.query<{ userId: string }>(
      'UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING user_id AS "userId"',
      [sessionId],
    );
    tx.audit({ action: 'signOut', entityType: 'Session', entityId: sessionId });
    return revoked;
  });
  // This process forgets at once; the others when PostgreSQL notifies them.
  for (const { userId } of rows) sessionCacheOf(db).forget(userId);
}
