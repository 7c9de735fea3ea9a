import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { admission } from './admission';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An app whose requests take `ms` each, behind admission; returns its URL and a log of starts. */
async function slowApp(options: { concurrency: number; queue: number }, ms: number) {
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const app = express();
  app.use(
    admission({ ...options, refuse: (res) => res.status(503).json({ refused: true }) }),
    async (req, res) => {
      running += 1;
      most = Math.max(most, running);
      started.push(Number(req.query.n));
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      res.json({ n: Number(req.query.n) });
    },
  );
  server = createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, started, most: () => most };
}

describe('admission', () => {
  it('runs at most `concurrency` requests at once and the others in arrival order', async () => {
    const app = await slowApp({ concurrency: 2, queue: 10 }, 50);
    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (n) => {
        await new Promise((resolve) => setTimeout(resolve, n * 5));
        return (await (await fetch(`${app.url}/?n=${n}`)).json()) as { n: number };
      }),
    );
    expect(responses.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(app.most()).toBe(2);
    expect(app.started).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('answers at once when the queue is full, and serves the next request normally', async () => {
    const app = await slowApp({ concurrency: 1, queue: 1 }, 100);
    const first = fetch(`${app.url}/?n=1`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = fetch(`${app.url}/?n=2`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const third = await fetch(`${app.url}/?n=3`);
    expect(third.status).toBe(503);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await fetch(`${app.url}/?n=4`)).status).toBe(200);
    expect(app.started).toEqual([1, 2, 4]);
  });

  it('gives the turn back when a waiting client leaves', async () => {
    const app = await slowApp({ concurrency: 1, queue: 5 }, 80);
    const first = fetch(`${app.url}/?n=1`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const leaving = new AbortController();
    const gone = fetch(`${app.url}/?n=2`, { signal: leaving.signal }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    leaving.abort();
    await gone;
    expect((await first).status).toBe(200);
    expect((await fetch(`${app.url}/?n=3`)).status).toBe(200);
    expect(app.started).toEqual([1, 3]);
  });
});
