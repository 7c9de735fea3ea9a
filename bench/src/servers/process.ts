import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '@concord/api/src/node-flags.ts';
import { API_DIR, productionArgs, readyPort } from '@concord/api/src/scripts/production-process.ts';

export type ServerName = 'concord' | 'postgraphile' | 'raw';
export const SERVER_NAMES: ServerName[] = ['concord', 'postgraphile', 'raw'];

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The load generator runs on CPU 0; every server and every PostgreSQL process on CPU 1. */
export const LOAD_CPU = 0;
export const SERVER_CPU = 1;

/**
 * Whether processes are pinned. Counted from the machine's CPUs, not this process's affinity
 * (availableParallelism), which is 1 as soon as the bench has pinned itself.
 */
export const PINNING = cpus().length >= 2 && process.platform === 'linux';
const canPin = () => PINNING;

/** Pins a process and all its threads (and so everything it forks from now on) to one CPU. */
export function pin(pid: number, cpu: number): void {
  if (!canPin()) return;
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

export type RunningServer = {
  name: ServerName;
  pid: number;
  /** Base URL, no trailing slash. */
  url: string;
  stop(): Promise<void>;
};

/**
 * How each server runs: Concord as it runs in production (`pnpm start` in apps/api): its compiled
 * build, `dist/main.js`, built here first, without the job queue, on a port of its own choosing;
 * PostGraphile and the raw-SQL server from their TypeScript sources, which Node runs as they are
 * (type stripping) — no TypeScript loader in any server's process.
 */
function command(name: ServerName): { args: string[]; cwd: string; env: Record<string, string> } {
  if (name !== 'concord')
    return {
      args: [...API_NODE_FLAGS, join(BENCH_DIR, 'src', 'servers', `${name}.ts`)],
      cwd: BENCH_DIR,
      env: {},
    };
  return {
    args: productionArgs(),
    cwd: API_DIR,
    env: { API_PORT: '0', JOBS_ENABLED: 'false', SEED_DEMO_DATA: 'false' },
  };
}

/** The port a server announces: `{"ready": port}` (bench servers) or the API's "ready" log line. */
function announcedPort(line: string): number | undefined {
  try {
    const message = JSON.parse(line);
    if (typeof message.ready === 'number') return message.ready;
  } catch {
    // not our line
  }
  return readyPort(line);
}

/**
 * Starts one server in its own process: the same Node binary as this one (the project's pinned
 * Node), the same flags for every server (the API's production heap settings), pinned to the server
 * CPU unless `pin` is false.
 */
export async function startServer(
  name: ServerName,
  env: Record<string, string>,
  options: { timeoutMs?: number; pin?: boolean } = {},
): Promise<RunningServer> {
  const how = command(name);
  const node = [process.execPath, ...how.args];
  const pinned = (options.pin ?? true) && canPin();
  const [program, ...args] = pinned ? ['taskset', '-c', String(SERVER_CPU), ...node] : node;
  const child = spawn(program, args, {
    cwd: how.cwd,
    env: { ...process.env, NODE_ENV: 'production', ...how.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in time: ${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const port = announcedPort(line);
      if (port !== undefined) {
        clearTimeout(timer);
        resolve(port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready: ${stderr}`));
    });
  });
  return { name, pid: child.pid!, url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** For the server entries: announce the port, and leave on SIGTERM. */
export function announceReady(port: number, close: () => Promise<unknown>): void {
  process.stdout.write(`${JSON.stringify({ ready: port })}\n`);
  process.once('SIGTERM', () => {
    close().finally(() => process.exit(0));
  });
}

export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
