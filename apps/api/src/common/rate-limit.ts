import type { Queryable } from '../db/database';

export type Bucket = { capacity: number; refillPerSecond: number };

/**
 * Takes `cost` from a token bucket in PostgreSQL (shared by every API process) in one statement.
 * Returns whether it was allowed and what remains; a refused take leaves the bucket as it was.
 *
 * The bucket is read locked (FOR UPDATE waits for a concurrent take and reads what it left; from
 * the statement's snapshot, concurrent takes each subtracted from the same tokens and all but one
 * were lost). Two first takes of one key at once: neither finds a bucket, one inserts it,
 * the other's insert meets that row and has no `current` tokens to judge by (its update set tokens
 * to NULL: a not-null violation the caller saw as a malformed value). Its update is skipped
 * instead, it returns no row, and the take is made again, by a statement that sees the bucket.
 */
export async function takeFromBucket(
  db: Queryable,
  key: string,
  bucket: Bucket,
  cost: number,
  again = true,
): Promise<{ allowed: boolean; remaining: number; retryAfterSeconds: number; tokens: number }> {
  const [row] = await db.query<{ tokens: number; allowed: boolean }>(
    `WITH current AS (
       SELECT LEAST($2::float8, b.tokens + EXTRACT(EPOCH FROM (now() - b.updated_at)) * $4::float8) AS tokens
       FROM rate_limit_bucket b WHERE b.key = $1 FOR UPDATE
     )
     INSERT INTO rate_limit_bucket AS b (key, tokens, updated_at)
     VALUES ($1, $2::float8 - $3::float8, now())
     ON CONFLICT (key) DO UPDATE SET
       tokens = CASE WHEN (SELECT tokens FROM current) >= $3::float8 THEN (SELECT tokens FROM current) - $3::float8 ELSE (SELECT tokens FROM current) END,
       updated_at = now()
     WHERE EXISTS (SELECT 1 FROM current)
     RETURNING b.tokens, (xmax = 0 OR (SELECT tokens FROM current) >= $3::float8) AS allowed`,
    [key, bucket.capacity, cost, bucket.refillPerSecond],
    { prepared: true },
  );
  if (!row) {
    if (again) return takeFromBucket(db, key, bucket, cost, false);
    throw new Error(`the rate-limit bucket ${key} could not be read`);
  }
  const allowed = row.allowed && row.tokens >= 0;
  const missing = Math.max(0, cost - row.tokens);
  return {
    allowed,
    remaining: Math.max(0, Math.floor(row.tokens)),
    retryAfterSeconds: allowed ? 0 : Math.ceil(missing / bucket.refillPerSecond),
    tokens: row.tokens,
  };
}

/**
 * Applies charges made elsewhere (an API process's local ledger) to the shared buckets in one
 * statement, unconditionally: a bucket may go below zero when processes overspent together, and
 * refills from there. Returns each bucket's tokens after the charge.
 */
export async function chargeBuckets(
  db: Queryable,
  bucket: Bucket,
  charges: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; tokens: number }>(
    `INSERT INTO rate_limit_bucket AS b (key, tokens, updated_at)
     SELECT c.key, $3::float8 - c.cost, now() FROM unnest($1::text[], $2::float8[]) AS c(key, cost)
     ON CONFLICT (key) DO UPDATE SET
       tokens = LEAST($3::float8, b.tokens + EXTRACT(EPOCH FROM (now() - b.updated_at)) * $4::float8)
                - ($3::float8 - EXCLUDED.tokens),
       updated_at = now()
     RETURNING b.key, b.tokens`,
    [[...charges.keys()], [...charges.values()], bucket.capacity, bucket.refillPerSecond],
    { prepared: true },
  );
  return new Map(rows.map((r) => [r.key, r.tokens]));
}
