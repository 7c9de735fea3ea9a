import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchRequest, Send } from './queries.ts';

const TICK_MS = 1000 / Number(safe(() => execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100);

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  const text = safe(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!text) return null;
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

// utime, stime, cutime, cstime are fields 14–17 of /proc/<pid>/stat, i.e. 11–14 after the name.

/** CPU time of a process, all its threads, in ms (10 ms ticks). */
function cpuMs(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : 0;
}

function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === parent) pids.push(Number(entry));
  }
  return pids;
}

/** The postmaster's pid, from the first line of postmaster.pid in its data directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

export function postgresPids(postmaster: number): number[] {
  return [postmaster, ...childrenOf(postmaster)];
}

/** CPU time a single-threaded process has run, in ms, to the nanosecond (scheduler statistics). */
function runMs(pid: number): number {
  const text = safe(() => readFileSync(`/proc/${pid}/schedstat`, 'utf8'));
  return text ? Number(text.split(' ')[0]) / 1e6 : cpuMs(pid);
}

/**
 * CPU ms of a server process (all threads), and of PostgreSQL: every live backend and helper
 * (one thread each, read to the nanosecond: ~20 processes rounded to 10 ms ticks would blur short
 * runs), the postmaster, and, through its cutime/cstime, the backends that exited meanwhile.
 * Children are read before the postmaster, so a backend reaped in between counts twice, not never.
 */
export function cpuSnapshot(serverPid: number, postmaster: number): { server: number; postgres: number } {
  let postgres = 0;
  for (const pid of childrenOf(postmaster)) postgres += runMs(pid);
  const f = statFields(postmaster);
  const reaped = f ? (Number(f[13]) + Number(f[14])) * TICK_MS : 0;
  postgres += runMs(postmaster) + reaped;
  return { server: cpuMs(serverPid), postgres };
}

/** The CPUs a process may run on, as the kernel lists them (e.g. "1"). */
export function cpusAllowed(pid: number): string {
  const text = safe(() => readFileSync(`/proc/${pid}/status`, 'utf8')) ?? '';
  return /Cpus_allowed_list:\s+(\S+)/.exec(text)?.[1] ?? '?';
}

/** Resident set size of a process, in MB. */
export function rssMb(pid: number): number {
  const text = safe(() => readFileSync(`/proc/${pid}/status`, 'utf8')) ?? '';
  const match = /VmRSS:\s+(\d+) kB/.exec(text);
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * SQL statements one request causes: pg_stat_statements is reset, the request sent, and the calls
 * summed over this database, leaving out the statements that read or reset the counters.
 */
export async function sqlPerRequest(databaseUrl: string, send: Send, req: BenchRequest): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    // The least of three single-request counts: a server's background statements (Concord records
    // query budgets every 250 ms) may land in one window; they are not the request's.
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await client.query('SELECT bench.pg_stat_statements_reset()');
      await send(req);
      const { rows } = await client.query(
        `SELECT coalesce(sum(calls), 0)::int AS n FROM bench.pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      counts.push(rows[0].n);
    }
    return Math.min(...counts);
  } finally {
    await client.end();
  }
}

/** JSON with keys sorted at every level, so that equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
