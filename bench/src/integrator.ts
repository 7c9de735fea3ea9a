import { createHash } from 'node:crypto';
import { hashSecret } from '@concord/api/src/modules/accounts/session.service.ts';
import pg from 'pg';
import { INTEGRATOR_ACTOR } from './datasets.ts';
import type { ServerName } from './servers/process.ts';

/**
 * Concord is measured as an integrator calls it: with a bearer token, through the token lookup,
 * the guard, the cost limit and the per-token budget. This file is the one place that knows how:
 * the token's secret, the row that makes it valid, and the headers of every request.
 */
const INTEGRATOR_TOKEN = `cnc_${createHash('sha256').update('concord-bench-integrator').digest('base64url')}`;

/** Headers of every request the bench sends to `server`. */
export function headersFor(server: ServerName): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (server === 'concord') headers.authorization = `Bearer ${INTEGRATOR_TOKEN}`;
  return headers;
}

/** Makes the bench's integrator token valid: read-only (READ_GRAPH), bound to INTEGRATOR_ACTOR's organisation. */
export async function ensureIntegratorToken(url: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(
      `INSERT INTO api_token (id, name, prefix, secret_hash, actor_id, scopes, expires_at)
       VALUES (md5('bench-token')::uuid, 'Benchmark integrator', $1, $2, md5('actor:' || $3)::uuid,
               '{READ_GRAPH}', now() + interval '10 years')
       ON CONFLICT (id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, prefix = EXCLUDED.prefix,
         expires_at = EXCLUDED.expires_at, revoked_at = NULL`,
      [INTEGRATOR_TOKEN.slice(0, 12), hashSecret(INTEGRATOR_TOKEN), INTEGRATOR_ACTOR],
    );
  } finally {
    await client.end();
  }
}

/**
 * Concord's published limits, except the per-token points budget, which a load test must lift or
 * it measures refusals: the budget is still charged on every request. The cost each query
 * is charged is reported from the X-RateLimit-Cost header; a query above the published highest cost
 * is refused (QUERY_TOO_COMPLEX) and reported as not measured.
 */
export const CONCORD_LIMITS_ENV = {
  LIMIT_BUDGET_CAPACITY: String(1e15),
  LIMIT_BUDGET_REFILL_PER_SECOND: String(1e12),
};
