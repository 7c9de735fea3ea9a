import type { Fixtures } from './datasets.ts';
import { send } from './load.ts';
import { canonicalJson } from './measure.ts';
import { type BenchRequest, normalise, problemOf, type QueryDef } from './queries.ts';
import type { RunningServer, ServerName } from './servers/process.ts';

/** A server's answer to one query, checked: the request to measure, or why it cannot be measured. */
export type Checked = {
  server: ServerName;
  request: BenchRequest | null;
  /** Canonical JSON of the normalised data. */
  data: string | null;
  bytes: number;
  /** What Concord charges the query against the caller's budget (X-RateLimit-Cost). */
  cost: number | null;
  problem: string | null;
};

/** The first place where two canonical JSON texts differ, with a little context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `…${a.slice(from, i + 60)}… vs …${b.slice(from, i + 60)}…`;
}

/**
 * Sends the query to every server, and accepts an answer only when it is HTTP 200, has no
 * `errors`, and its normalised data equals the reference server's (the hand-written SQL when it
 * answered, else the first server that did).
 */
export async function checkQuery(
  query: QueryDef,
  servers: RunningServer[],
  fixtures: Fixtures,
  reference: ServerName = 'raw',
): Promise<Map<ServerName, Checked>> {
  const results = new Map<ServerName, Checked>();
  for (const server of servers) {
    let checked: Checked = {
      server: server.name,
      request: null,
      data: null,
      bytes: 0,
      cost: null,
      problem: null,
    };
    try {
      const request = await query.request(server.name, server.url, fixtures, send);
      const response = await send(request);
      const problem = problemOf(response.status, response.body);
      const cost = Number(response.headers.get('x-ratelimit-cost') ?? Number.NaN);
      checked.cost = Number.isFinite(cost) ? cost : null;
      checked = problem
        ? { ...checked, problem }
        : { ...checked, request, data: canonicalJson(normalise(response.body.data)), bytes: response.bytes };
    } catch (error) {
      checked.problem = String((error as Error).message ?? error);
    }
    results.set(server.name, checked);
  }
  const answered = [...results.values()].filter((c) => c.data !== null);
  const ref = results.get(reference)?.data != null ? results.get(reference)! : answered[0];
  if (ref) {
    for (const checked of answered) {
      if (checked !== ref && checked.data !== ref.data) {
        checked.problem = `data differs from ${ref.server}: ${firstDifference(checked.data!, ref.data!)}`;
        checked.request = null;
      }
    }
  }
  return results;
}
