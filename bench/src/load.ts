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
  const latencies = new Float64Array(total);
  const url = new URL(req.url);
  const body = Buffer.from(req.body);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  let sent = 0;
  let done = 0;
  let failures = 0;

  return new Promise((resolve) => {
    const start = performance.now();
    const finish = () => {
      agent.destroy();
      const sorted = latencies.slice(0, done).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ rate, sent, p50Ms: at(0.5), p99Ms: at(0.99), failures });
    };
    const fire = (index: number, due: number) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (response) => {
          if (response.statusCode !== 200) failures++;
          response.resume();
          response.on('end', () => {
            latencies[index] = performance.now() - due;
            if (++done === total) finish();
          });
        },
      );
      request.on('error', () => {
        failures++;
        latencies[index] = performance.now() - due;
        if (++done === total) finish();
      });
      request.end(body);
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      while (sent < due) {
        fire(sent, start + (sent / rate) * 1000);
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}
