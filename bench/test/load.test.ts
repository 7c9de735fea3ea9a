import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, openLoop, sequential } from '../src/load.ts';
import type { BenchRequest } from '../src/queries.ts';

/** A server that refuses every third request with 503 and drops every fifth connection's answer. */
let server: Server;
let request: BenchRequest;
beforeAll(async () => {
  let n = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      if (n % 5 === 0) return req.socket.destroy();
      res.statusCode = n % 3 === 0 ? 503 : 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  request = {
    url: `http://127.0.0.1:${port}/graphql`,
    body: '{}',
    headers: { 'content-type': 'application/json' },
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the loads tell why requests failed', () => {
  it('at a fixed rate', async () => {
    const run = await openLoop(request, 100, 1);
    expect(run.reasons['status 503']).toBeGreaterThan(0);
    // Dropped on connections just kept alive: an answer ends each one well under 0.1 s before.
    expect(run.reasons['error ECONNRESET on a connection idle 0.0 s']).toBeGreaterThan(0);
    expect(Object.values(run.reasons).reduce((a, b) => a + b, 0)).toBe(run.failures);
  });

  it('one request at a time', async () => {
    const run = await sequential(request, 0.5);
    expect(run.reasons['status 503']).toBeGreaterThan(0);
    expect(run.reasons['error ECONNRESET on a connection idle 0.0 s']).toBeGreaterThan(0);
    expect(Object.values(run.reasons).reduce((a, b) => a + b, 0)).toBe(run.failures);
  });

  it('in a closed loop', async () => {
    const run = await closedLoop(request, 2, 1);
    expect(run.reasons['status 503']).toBeGreaterThan(0);
    expect(run.failures).toBeGreaterThan(0);
  });
});

describe('the node:http loops keep connections alive as the server asks', () => {
  it('let a connection go before the idle time the server announces, instead of racing its close', async () => {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    // Announces `Keep-Alive: timeout=2`: the client lets an idle connection go after 1 s.
    server.keepAliveTimeout = 2_500;
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // Three requests 1.5 s apart: each finds its connection let go, none is refused.
      const run = await openLoop({ ...request, url: `http://127.0.0.1:${port}/graphql` }, 2 / 3, 4.5);
      expect(run.sent).toBe(3);
      expect(run.failures).toBe(0);
      expect(connections).toBe(3);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
