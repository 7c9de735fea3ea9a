import { mkdir, rename, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Checked } from './check.ts';
import type { FailureReasons } from './load.ts';
import { median } from './measure.ts';
import type { QueryDef } from './queries.ts';
import { PINNING, SERVER_NAMES, type ServerName } from './servers/process.ts';

/** One server's figures in one round. */
export type Figures = {
  rps: number;
  /** Requests completed in the measured closed-loop window. */
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  failures: number;
  unloadedP50Ms: number;
  serverCpuMsPerReq: number;
  pgCpuMsPerReq: number;
  rssMb: number;
  fixedRate: number;
  fixedP99Ms: number;
  fixedFailures: number;
  /** Why the failed requests of the round failed (all three loads). */
  failureReasons: FailureReasons;
};
export type RoundFigures = Map<ServerName, Figures>;

export type QueryResult = {
  query: QueryDef;
  checked: Map<ServerName, Checked>;
  sql: Map<ServerName, number>;
  rounds: RoundFigures[];
};

/** Per server: medians over rounds, plus what does not change between rounds. */
export type ServerSummary = Omit<Figures, 'failures' | 'fixedFailures' | 'failureReasons'> & {
  sqlPerRequest: number;
  bytesPerRequest: number;
  failures: number;
  failureReasons?: FailureReasons;
  roundsRps: number[];
  /** p99 at the fixed rate of each round: how much of the median is the machine's noise. */
  roundsFixedP99Ms: number[];
};

/** Failure reasons added up, e.g. over rounds or over the loads of one round. */
export function mergeReasons(all: readonly FailureReasons[]): FailureReasons {
  const merged: FailureReasons = {};
  for (const reasons of all)
    for (const [reason, n] of Object.entries(reasons)) merged[reason] = (merged[reason] ?? 0) + n;
  return merged;
}

/** `status 503 ×2, error ECONNRESET ×5` */
export function describeReasons(reasons: FailureReasons): string {
  return Object.entries(reasons)
    .map(([reason, n]) => `${reason} ×${n}`)
    .join(', ');
}

export type QuerySummary = {
  name: string;
  description: string;
  servers: Record<ServerName, ServerSummary | null>;
  /** Why a server has no figures for this query. */
  notMeasured: Partial<Record<ServerName, string>>;
  /** Concord req/s ÷ PostGraphile req/s, the median of the per-round ratios. */
  ratioVsPostgraphile: number | null;
  ratioVsRaw: number | null;
  /** The cost Concord charges this query (its published limit for one query is in meta). */
  concordCost: number | null;
};

export type Summary = { meta: Record<string, unknown>; queries: QuerySummary[] };

const round3 = (n: number) => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null);

function ratio(result: QueryResult, over: ServerName): number | null {
  const ratios = result.rounds
    .map((r) => (r.get('concord')?.rps ?? Number.NaN) / (r.get(over)?.rps ?? Number.NaN))
    .filter(Number.isFinite);
  return ratios.length ? median(ratios) : null;
}

export function summarise(results: QueryResult[], settings: Record<string, unknown>): Summary {
  const queries = results.map((result): QuerySummary => {
    const servers = {} as Record<ServerName, ServerSummary | null>;
    const notMeasured: Partial<Record<ServerName, string>> = {};
    for (const name of SERVER_NAMES) {
      const checked = result.checked.get(name);
      const rounds = result.rounds.map((r) => r.get(name)).filter((f): f is Figures => !!f);
      if (!checked?.request || !rounds.length) {
        servers[name] = null;
        notMeasured[name] = checked?.problem ?? (checked ? 'answer checked; no rounds run' : 'not run');
        continue;
      }
      const med = (key: Exclude<keyof Figures, 'failureReasons'>) => median(rounds.map((f) => f[key]));
      servers[name] = {
        rps: med('rps'),
        requests: med('requests'),
        p50Ms: med('p50Ms'),
        p90Ms: med('p90Ms'),
        p99Ms: med('p99Ms'),
        unloadedP50Ms: med('unloadedP50Ms'),
        fixedRate: med('fixedRate'),
        fixedP99Ms: med('fixedP99Ms'),
        serverCpuMsPerReq: med('serverCpuMsPerReq'),
        pgCpuMsPerReq: med('pgCpuMsPerReq'),
        rssMb: med('rssMb'),
        sqlPerRequest: result.sql.get(name) ?? Number.NaN,
        bytesPerRequest: checked.bytes,
        failures: rounds.reduce((n, f) => n + f.failures + f.fixedFailures, 0),
        ...(rounds.some((f) => f.failures + f.fixedFailures)
          ? { failureReasons: mergeReasons(rounds.map((f) => f.failureReasons)) }
          : {}),
        roundsRps: rounds.map((f) => f.rps),
        roundsFixedP99Ms: rounds.map((f) => f.fixedP99Ms),
      };
    }
    return {
      name: result.query.name,
      description: result.query.description,
      servers,
      notMeasured,
      ratioVsPostgraphile: ratio(result, 'postgraphile'),
      ratioVsRaw: ratio(result, 'raw'),
      concordCost: result.checked.get('concord')?.cost ?? null,
    };
  });
  return {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      pinned: PINNING ? 'load generator on CPU 0; servers and PostgreSQL on CPU 1' : 'no (fewer than 2 CPUs)',
      loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
      ...settings,
    },
    queries,
  };
}

function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n >= 1000 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);
}

/** The table on stdout: one line per query and server. */
export function printTable(summary: Summary): void {
  const header = [
    'query',
    'server',
    'req/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'p99 fixed',
    'at req/s',
    'p50 1conn',
    'srv CPU ms/req',
    'PG CPU ms/req',
    'SQL/req',
    'KB/req',
    'RSS MB',
    '÷ PostGraphile',
    '÷ raw',
  ];
  const rows: string[][] = [header];
  for (const q of summary.queries) {
    for (const name of SERVER_NAMES) {
      const s = q.servers[name];
      const concord = name === 'concord';
      rows.push(
        s
          ? [
              q.name,
              name,
              fmt(s.rps, 0),
              fmt(s.p50Ms),
              fmt(s.p90Ms),
              fmt(s.p99Ms),
              fmt(s.fixedP99Ms),
              fmt(s.fixedRate, 0),
              fmt(s.unloadedP50Ms, 2),
              fmt(s.serverCpuMsPerReq, 2),
              fmt(s.pgCpuMsPerReq, 2),
              fmt(s.sqlPerRequest, 0),
              fmt(s.bytesPerRequest / 1024),
              fmt(s.rssMb, 0),
              concord ? fmt(q.ratioVsPostgraphile, 2) : '',
              concord ? fmt(q.ratioVsRaw, 2) : '',
            ]
          : [q.name, name, `not measured: ${(q.notMeasured[name] ?? '').slice(0, 90)}`],
      );
    }
  }
  const widths = header.map((_, i) =>
    Math.max(...rows.filter((r) => r.length > 3).map((r) => (r[i] ?? '').length)),
  );
  const line = (r: string[]) =>
    r.length > 3
      ? r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
      : r.join('  ');
  console.log(
    `\nConcord vs PostGraphile 5 vs hand-written SQL — dataset ${summary.meta.dataset}, ` +
      `${summary.meta.rounds} rounds, medians (${summary.meta.connections} connections; ` +
      `p99 fixed: open loop at half PostGraphile's req/s)\n`,
  );
  for (const r of rows) console.log(line(r));
  console.log('');
}

export async function writeResults(path: string, summary: Summary): Promise<void> {
  const json = JSON.stringify(
    summary,
    (_key, value) => (typeof value === 'number' ? round3(value) : value),
    2,
  );
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, `${json}\n`);
  await rename(`${path}.tmp`, path);
}
