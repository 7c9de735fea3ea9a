import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { API_DIR, productionArgs, readyPort } from '../src/scripts/production-process';

/** Data of a GraphQL result: its shape is the query's, checked by the tests' assertions. */
// biome-ignore lint/suspicious/noExplicitAny: the shape of each result is the one its query asks for
export type Data = any;

export type Received = { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] };

/** One subscription over graphql-transport-ws, recording what it receives. */
export type LiveSubscription = {
  events: Data[];
  errors: Received['errors'][];
  /** Close code of the connection, when the server refused or closed it. */
  closed: { code: number; reason: string } | null;
  done: boolean;
  /** Waits for the n-th event (1-based) of this subscription. */
  nth(n: number, timeoutMs?: number): Promise<Data>;
  /** Waits until the subscription ends with an error or completes. */
  ended(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
};

export type Credentials = { cookie?: string; authorization?: string; origin?: string };

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A graphql-ws client of the API at `httpUrl` (…/graphql), as a person (cookie) or a token. */
export function liveClient(
  httpUrl: string,
  credentials: Credentials,
): { client: Client; closed: () => { code: number; reason: string } | null } {
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.origin) headers.origin = credentials.origin;
  class WithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let closed: { code: number; reason: string } | null = null;
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WithHeaders,
    connectionParams: credentials.authorization ? { authorization: credentials.authorization } : undefined,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed = { code: e.code, reason: String(e.reason) };
      },
    },
  });
  return { client, closed: () => closed };
}

export function subscribe(
  httpUrl: string,
  credentials: Credentials,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription {
  const { client, closed } = liveClient(httpUrl, credentials);
  const sub: LiveSubscription = {
    events: [],
    errors: [],
    get closed() {
      return closed();
    },
    done: false,
    async nth(n, timeoutMs = 5_000) {
      await until(
        () => sub.events.length >= n || sub.done,
        timeoutMs,
        `event ${n} (got ${sub.events.length})`,
      );
      if (sub.events.length < n)
        throw new Error(
          `subscription ended after ${sub.events.length} events: ${JSON.stringify(sub.errors)}`,
        );
      return sub.events[n - 1];
    },
    async ended(timeoutMs = 5_000) {
      await until(() => sub.done, timeoutMs, 'the subscription to end');
    },
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
  const unsubscribe = client.subscribe<Data>(
    { query, variables },
    {
      next: (value: Received) => {
        if (value.errors) sub.errors.push(value.errors);
        else sub.events.push(value.data);
      },
      error: (error: unknown) => {
        sub.errors.push(
          Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }],
        );
        sub.done = true;
      },
      complete: () => {
        sub.done = true;
      },
    },
  );
  return sub;
}

/** A real API process as `pnpm start` runs it (the build, dist/main.js), on a port of its own choosing. */
export type ApiProcess = {
  url: string;
  port: number;
  output: string[];
  /** Sends `signal` (SIGTERM) and waits for the exit; resolves with the exit code (or the signal that ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
};

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, productionArgs(), {
    cwd: API_DIR,
    env: { ...process.env, API_PORT: '0', SEED_DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API process did not start:\n${output.join('')}`)),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = readyPort(line);
      if (ready !== undefined) {
        clearTimeout(timer);
        resolvePort(ready);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | string | null>((r) =>
        child.once('exit', (code, signal) => r(code ?? signal)),
      );
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const outcome = await exited;
      clearTimeout(timer);
      return outcome;
    },
  };
}

/** Sends a GraphQL request over HTTP to any API process. */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Received> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Received;
}
