import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '@concord/api/src/node-flags.ts';

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
 * Starts one server in its own process: the same Node binary as this one (the project's pinned
 * Node), the same flags for every server (the API's production heap settings), pinned to the server CPU unless `pin` is false. The child prints `{"ready": port}` when listening.
 */
export async function startServer(
  name: ServerName,
  env: Record<string, string>,
  options: { timeoutMs?: number; pin?: boolean } = {},
): Promise<RunningServer> {
  const entry = join(BENCH_DIR, 'src', 'servers', `${name}.ts`);
  const node = [process.execPath, ...API_NODE_FLAGS, '--import', 'tsx', entry];
  const pinned = (options.pin ?? true) && canPin();
  const [command, ...args] = pinned ? ['taskset', '-c', String(SERVER_CPU), ...node] : node;
  const child = spawn(command, args, {
    cwd: BENCH_DIR,
    env: { ...process.env, NODE_ENV: 'production', ...env },
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
      try {
        const message = JSON.parse(line);
        if (typeof message.ready === 'number') {
          clearTimeout(timer);
          resolve(message.ready);
        }
      } catch {
        // not our line
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
