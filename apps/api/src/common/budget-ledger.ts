import type { Queryable } from '../db/database';
import { type Bucket, chargeBuckets, takeFromBucket } from './rate-limit';

export type Taken = { allowed: boolean; remaining: number; retryAfterSeconds: number };

type Entry = {
  /** This process's view of the shared bucket, refilled locally since `at`. */
  tokens: number;
  at: number;
  /** Charged here, not yet applied to the shared bucket. */
  pending: number;
  lastUsed: number;
};

/**
 * Query budgets (points per token, user or address) without a database statement per request.
 * The buckets live in PostgreSQL, shared by every API process; each process keeps a view of the
 * buckets it has seen, charges requests against that view, and every `flushIntervalMs` applies
 * what it charged to the shared buckets in one statement, taking their new level back (so the
 * spending of the other processes is seen too). A key's first request in a process is charged in
 * the database directly, so a spent budget is refused everywhere at once. Processes together can
 * overspend by at most what they charge within one interval; the shared bucket then goes below
 * zero and refills from there.
 */
export class BudgetLedger {
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly bucket: Bucket,
    private readonly options: {
      flushIntervalMs?: number;
      idleMs?: number;
      log?: (message: string, details?: Record<string, unknown>) => void;
    } = {},
  ) {
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 250);
    this.timer.unref();
  }

  async take(key: string, cost: number): Promise<Taken> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (!entry) {
      const taken = await takeFromBucket(this.db, key, this.bucket, cost);
      this.entries.set(key, { tokens: taken.tokens, at: Date.now(), pending: 0, lastUsed: now });
      return taken;
    }
    entry.lastUsed = now;
    this.refill(entry, now);
    if (entry.tokens >= cost) {
      entry.tokens -= cost;
      entry.pending += cost;
      return { allowed: true, remaining: Math.floor(entry.tokens), retryAfterSeconds: 0 };
    }
    const missing = cost - entry.tokens;
    return {
      allowed: false,
      remaining: Math.max(0, Math.floor(entry.tokens)),
      retryAfterSeconds: Math.ceil(missing / this.bucket.refillPerSecond),
    };
  }

  /** Applies the pending charges to the shared buckets and refreshes the views (one statement). */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private refill(entry: Entry, now: number) {
    const elapsed = (now - entry.at) / 1000;
    entry.tokens = Math.min(this.bucket.capacity, entry.tokens + elapsed * this.bucket.refillPerSecond);
    entry.at = now;
  }

  private async flushNow(): Promise<void> {
    const now = Date.now();
    const idleMs = this.options.idleMs ?? 30_000;
    const sent = new Map<string, number>();
    for (const [key, entry] of this.entries) {
      // Keys in use are refreshed even without charges, to see what other processes spent.
      if (entry.pending > 0 || now - entry.lastUsed < idleMs) sent.set(key, entry.pending);
      else this.entries.delete(key);
    }
    if (!sent.size) return;
    let levels: Map<string, number>;
    try {
      levels = await chargeBuckets(this.db, this.bucket, sent);
    } catch (error) {
      // Kept pending; the next flush tries again.
      this.options.log?.('could not record query budgets; retrying', { error: String(error) });
      return;
    }
    const at = Date.now();
    for (const [key, charged] of sent) {
      const entry = this.entries.get(key);
      const level = levels.get(key);
      if (!entry || level === undefined) continue;
      // Charges made while the statement ran are still pending and come off the shared level.
      entry.pending -= charged;
      entry.tokens = level - entry.pending;
      entry.at = at;
    }
  }
}
