import type { Viewer } from '../../common/viewer';
import type { Database } from '../../db/database';

/** Notified (by a trigger on api_token) with a token's id when it is revoked or otherwise changed. */
export const TOKENS_CHANNEL = 'concord_tokens';
/**
 * Notified (by triggers on session, user_account and membership) with a user's id when one of
 * their sessions is revoked or cut short, the account is deactivated or their memberships change.
 */
export const SESSIONS_CHANNEL = 'concord_sessions';

type Entry = { viewer: Viewer; owner: string; expiresAt: number; verifiedAt: number };

/**
 * Credentials (integrator tokens, session cookies) this API process has verified, so that their
 * requests need no statement to authenticate. Each entry has an owner (the token, the user), and a
 * notification on the owner's channel forgets all its entries. Entries are trusted only while the
 * process is listening (`follow`); every entry is dropped whenever listening (re)starts, and an
 * entry is verified again after `ttlMs` in any case. A revocation is therefore refused on the next
 * request in the process that made it, and in the others as soon as PostgreSQL's notification
 * reaches them (milliseconds).
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private listening: () => boolean = () => false;
  /** Bumped by every forget/clear: a verification that started before one is not stored. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** Trusts entries while `listening()` is true; called when listening starts (or starts again). */
  follow(listening: () => boolean): void {
    this.listening = listening;
    this.clear();
  }

  /**
   * The viewer of a credential (by its secret's hash): from memory, or from `verify`, which reads
   * the database and gives the viewer (frozen: the requests the cache answers share it), its owner
   * and when it expires, or null for a credential that is not valid (nothing is kept then).
   */
  async viewer(
    hash: string,
    verify: () => Promise<{ viewer: Viewer; owner: string; expiresAt: number } | null>,
  ): Promise<Viewer | null> {
    const cached = this.get(hash);
    if (cached) return cached;
    const mark = this.generation;
    const verified = await verify();
    if (!verified) return null;
    this.set(hash, verified.viewer, verified.owner, verified.expiresAt, mark);
    return verified.viewer;
  }

  private get(hash: string): Viewer | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const now = Date.now();
    if (!this.listening() || entry.expiresAt <= now || now - entry.verifiedAt > this.ttlMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.viewer;
  }

  /** Keeps a verified viewer unless a forget/clear happened since `mark` (the verification's start). */
  private set(hash: string, viewer: Viewer, owner: string, expiresAt: number, mark: number): void {
    if (mark !== this.generation || !this.listening()) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { viewer, owner, expiresAt, verifiedAt: Date.now() });
  }

  forget(owner: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (entry.owner === owner) this.entries.delete(hash);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, { tokens: CredentialCache; sessions: CredentialCache }>();

function cachesOf(db: Database) {
  let known = caches.get(db);
  if (!known) {
    known = { tokens: new CredentialCache(), sessions: new CredentialCache() };
    caches.set(db, known);
  }
  return known;
}

/** The verified integrator tokens of a database's API process (one per Database instance); owner: the token id. */
export const tokenCacheOf = (db: Database): CredentialCache => cachesOf(db).tokens;

/** The verified sessions of a database's API process; owner: the user id. */
export const sessionCacheOf = (db: Database): CredentialCache => cachesOf(db).sessions;
