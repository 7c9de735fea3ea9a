import { Agent, request as httpRequest } from 'node:http';
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
    seconds: elapsed,
  };
}

export type OpenLoopResult = {
  rate: number;
  sent: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
};

/**
 * A fixed arrival rate, whatever the server does (open loop). Each request's latency counts from
 * the moment it was due, not from when it could be sent, so a server that falls behind shows it in
 * its p99 (autocannon's overallRate paces a closed loop and hides that: coordinated omission).
 */
export function openLoop(req: BenchRequest, rate: number, seconds: number): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  const answered = new Uint8Array(total);
  const url = new URL(req.url);
  const body = Buffer.from(req.body);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  let sent = 0;
  let failures = 0;
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
          latencies.push(now - dueAt(i));
        }
      }
      const sorted = latencies.sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ rate, sent, p50Ms: at(0.5), p99Ms: at(0.99), failures });
    };
    // A server far slower than the rate would keep the run going for long: give up on the rest.
    const deadline = setTimeout(finish, (seconds * 4 + 30) * 1000);
    const settle = (index: number, ok: boolean) => {
      if (finished) return;
      answered[index] = 1;
      latencies.push(performance.now() - dueAt(index));
      if (!ok) failures++;
      if (latencies.length === total) finish();
    };
    const fire = (index: number) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => settle(index, response.statusCode === 200));
        },
      );
      request.on('error', () => settle(index, false));
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
): Promise<{ p50Ms: number; requests: number; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(req.url);
  const body = Buffer.from(req.body);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode === 200));
        },
      );
      request.on('error', () => resolve(false));
      request.end(body);
    });
    latencies.push(performance.now() - started);
    if (!ok) failures++;
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN,
    requests: latencies.length,
    failures,
  };
}
