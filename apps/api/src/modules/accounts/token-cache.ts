import type { Viewer } from '../../common/viewer';
import type { Database } from '../../db/database';

/** Notified (by a trigger on api_token) with a token's id when it is revoked or otherwise changed. */
export const TOKENS_CHANNEL = 'concord_tokens';

type Entry = { viewer: Viewer; tokenId: string; expiresAt: number; verifiedAt: number };

/**
 * Integrator tokens this API process has verified, so that a token's requests need no statement
 * to authenticate. Entries are trusted only while the process is listening on TOKENS_CHANNEL
 * (`follow`); a notified token is forgotten, every entry is dropped whenever listening (re)starts,
 * and an entry is verified again after `ttlMs` in any case. A revocation is therefore refused on
 * the next request in the process that made it, and in the others as soon as PostgreSQL's
 * notification reaches them (milliseconds).
 */
export class TokenCache {
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

  /** A verified viewer for this secret hash, or undefined when it must be read from the database. */
  get(hash: string): Viewer | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const now = Date.now();
    if (!this.listening() || entry.expiresAt <= now || now - entry.verifiedAt > this.ttlMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.viewer;
  }

  /** Where a verification starts: pass it to `set` once the database has answered. */
  mark(): number {
    return this.generation;
  }

  set(hash: string, viewer: Viewer, expiresAt: number, mark: number): void {
    if (mark !== this.generation || !this.listening() || !viewer.tokenId) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { viewer, tokenId: viewer.tokenId, expiresAt, verifiedAt: Date.now() });
  }

  forget(tokenId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (entry.tokenId === tokenId) this.entries.delete(hash);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, TokenCache>();

/** The token cache of a database's API process (one per Database instance). */
export function tokenCacheOf(db: Database): TokenCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TokenCache();
    caches.set(db, cache);
  }
  return cache;
}
