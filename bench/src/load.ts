import { Agent, type ClientRequest, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import autocannon from 'autocannon';
import type { BenchRequest, Body, Send } from './queries.ts';

/** One request, its status, parsed body and body size. */
export const send: Send = async (req) => {
  const response = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body });
  const text = await response.text();
  let body: Body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body, bytes: Buffer.byteLength(text), headers: response.headers };
};

/** Why requests failed, by reason (`status 503`, `error ECONNRESET`, `timeout`, `unanswered`). */
export type FailureReasons = Record<string, number>;

function tally(reasons: FailureReasons, reason: string): void {
  reasons[reason] = (reasons[reason] ?? 0) + 1;
}

/** A response's reason to fail, or null when it is a success. */
function failureOf(status: number | undefined): string | null {
  return status === 200 ? null : `status ${status}`;
}

/** When each kept-alive socket of the node:http loops last delivered a whole answer. */
const lastAnswered = new WeakMap<Socket, number>();

/** Marks the request's socket as having just delivered an answer; the answer's reason to fail. */
function answerFailure(request: ClientRequest, status: number | undefined): string | null {
  if (request.socket) lastAnswered.set(request.socket, performance.now());
  return failureOf(status);
}

/**
 * A request error's reason, with the connection it was sent on: a new one, or one kept alive and
 * idle for how long. An error on a connection idle for about the server's keep-alive timeout is
 * the client's race with the server closing it, not a fault of the server under load.
 */
function requestFailure(request: ClientRequest, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? error.message;
  const since = request.socket ? lastAnswered.get(request.socket) : undefined;
  if (!request.reusedSocket || since === undefined) return `error ${code} on a new connection`;
  return `error ${code} on a connection idle ${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export type ClosedLoopResult = {
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  requests: number;
  /** Requests sent, answered or not: those still in flight at the end were abandoned, not cancelled. */
  sent: number;
  /** Responses that were not 2xx, and connection errors or timeouts: a run with any is not valid. */
  failures: number;
  reasons: FailureReasons;
  seconds: number;
};

/**
 * Maximum throughput: `connections` connections, each sending its next request as soon as the
 * previous answer arrives (autocannon). Latency here is service time under saturation.
 */
export async function closedLoop(
  req: BenchRequest,
  connections: number,
  seconds: number,
): Promise<ClosedLoopResult> {
  const started = performance.now();
  const result = await autocannon({
    url: req.url,
    method: 'POST',
    headers: req.headers,
    body: req.body,
    connections,
    duration: seconds,
    timeout: 30,
  });
  const elapsed = (performance.now() - started) / 1000;
  return {
    rps: result.requests.total / elapsed,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    sent: (result.requests as { sent?: number }).sent ?? result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    reasons: closedLoopReasons(result),
    seconds: elapsed,
  };
}

function closedLoopReasons(result: autocannon.Result): FailureReasons {
  const reasons: FailureReasons = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith('2')) reasons[`status ${code}`] = (stats as { count: number }).count;
  if (result.errors - result.timeouts > 0) reasons.error = result.errors - result.timeouts;
  if (result.timeouts) reasons.timeout = result.timeouts;
  return reasons;
}

/**
 * A keep-alive agent that lets an idle connection go before the server does, as the server's
 * `Keep-Alive: timeout=N` asks (Node's agent closes it one second early). Node applies the hint only
 * to an agent with a timeout of its own; without one, a connection idle as long as the server's
 * timeout (Node 24 servers close at N + 1 s) can be reused just as the server closes it: ECONNRESET.
 */
function keptAlive(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, timeout: 60_000 });
}

export type OpenLoopResult = {
  rate: number;
  sent: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  reasons: FailureReasons;
};

/**
 * A fixed arrival rate, whatever the server does (open loop). Each request's latency counts from
 * the moment it was due, not from when it could be sent, so a server that falls behind shows it in
 * its p99 (autocannon's overallRate paces a closed loop and hides that: coordinated omission).
 */
export function openLoop(req: BenchRequest, rate: number, seconds: number): Promise<OpenLoopResult> {
  const agent = keptAlive(256);
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  const answered = new Uint8Array(total);
  const url = new URL(req.url);
  const body = Buffer.from(req.body);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  let sent = 0;
  let failures = 0;
  const reasons: FailureReasons = {};
  let finished = false;

  return new Promise((resolve) => {
    const start = performance.now();
    const dueAt = (index: number) => start + (index / rate) * 1000;
    const finish = () => {
      finished = true;
      clearTimeout(deadline);
      agent.destroy();
      // Requests still unanswered count as failures, with the latency they have reached so far.
      const now = performance.now();
      for (let i = 0; i < sent; i++) {
        if (!answered[i]) {
          failures++;
          tally(reasons, 'unanswered');
          latencies.push(now - dueAt(i));
        }
      }
      const sorted = latencies.sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ rate, sent, p50Ms: at(0.5), p99Ms: at(0.99), failures, reasons });
    };
    // A server far slower than the rate would keep the run going for long: give up on the rest.
    const deadline = setTimeout(finish, (seconds * 4 + 30) * 1000);
    const settle = (index: number, failure: string | null) => {
      if (finished) return;
      answered[index] = 1;
      latencies.push(performance.now() - dueAt(index));
      if (failure) {
        failures++;
        tally(reasons, failure);
      }
      if (latencies.length === total) finish();
    };
    const fire = (index: number) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => settle(index, answerFailure(request, response.statusCode)));
        },
      );
      request.on('error', (error) => settle(index, requestFailure(request, error)));
      request.end(body);
    };
    const tick = () => {
      if (finished) return;
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

/**
 * Unloaded latency: one connection, each request sent when the previous answer has arrived,
 * timed to the microsecond (autocannon rounds to whole milliseconds).
 */
export async function sequential(
  req: BenchRequest,
  seconds: number,
): Promise<{ p50Ms: number; requests: number; failures: number; reasons: FailureReasons }> {
  const agent = keptAlive(1);
  const url = new URL(req.url);
  const body = Buffer.from(req.body);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  const latencies: number[] = [];
  let failures = 0;
  const reasons: FailureReasons = {};
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const failure = await new Promise<string | null>((resolve) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => resolve(answerFailure(request, response.statusCode)));
        },
      );
      request.on('error', (error) => resolve(requestFailure(request, error)));
      request.end(body);
    });
    latencies.push(performance.now() - started);
    if (failure) {
      failures++;
      tally(reasons, failure);
    }
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN,
    requests: latencies.length,
    failures,
    reasons,
  };
}
