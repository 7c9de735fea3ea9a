import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * `count` distinct ports free now: all held open together, then released (asked one after the
 * other, the system may hand out the same port twice).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => {
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            resolve(typeof address === 'object' && address ? address.port : 0);
          });
        }),
    ),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${output()}`);
}

function start(command: string[], env: Record<string, string>) {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  return { child, output: () => log };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 10_000).unref();
  });
}

export type RunningSystem = {
  webUrl: string;
  apiUrl: string;
  /** The API's recent log lines (JSON, one a line). */
  apiOutput(): string;
  close(): Promise<void>;
};

/**
 * The whole system as `pnpm start` runs it — the real API with its own embedded PostgreSQL seeded with
 * the demo data, and the built web workspace — on free ports and a throw-away data directory.
 * `apiEnv` adds to the API's settings.
 */
export async function startSystem(apiEnv: Record<string, string> = {}): Promise<RunningSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), 'concord-e2e-'));
  const [apiPort, webPort] = await freePorts(2);
  const api = start(['pnpm', '--filter', '@concord/api', 'start'], {
    API_PORT: String(apiPort),
    CONCORD_DATA_DIR: join(dataDir, 'postgres'),
    // The editor's live updates open a WebSocket to the API from the web origin, with the session cookie.
    ALLOWED_ORIGINS: `http://127.0.0.1:${webPort},http://localhost:${webPort}`,
    ...apiEnv,
  });
  const children: ChildProcess[] = [api.child];
  const close = async () => {
    for (const child of [...children].reverse()) await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/health/ready`, api.child, api.output, 120_000);
    const web = start(['pnpm', '--filter', '@concord/web', 'start'], {
      WEB_PORT: String(webPort),
      API_URL: `http://127.0.0.1:${apiPort}/graphql`,
      PUBLIC_API_URL: `http://127.0.0.1:${apiPort}/graphql`,
    });
    children.push(web.child);
    await waitFor(`http://127.0.0.1:${webPort}/actors`, web.child, web.output, 120_000);
  } catch (error) {
    // A system that did not start leaves nothing running behind it.
    await close();
    throw error;
  }
  return {
    webUrl: `http://127.0.0.1:${webPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}/graphql`,
    apiOutput: api.output,
    close,
  };
}
