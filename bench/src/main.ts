import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkQuery } from './check.ts';
import { DATASETS, loadFixtures, prepareDataset, startDatabase } from './datasets.ts';
import { CONCORD_LIMITS_ENV, ensureIntegratorToken } from './integrator.ts';
import { closedLoop, openLoop, send, sequential } from './load.ts';
import { cpuSnapshot, cpusAllowed, postgresPids, postmasterPid, rssMb, sqlPerRequest } from './measure.ts';
import { QUERIES } from './queries.ts';
import {
  describeReasons,
  mergeReasons,
  printTable,
  type QueryResult,
  type RoundFigures,
  summarise,
  writeResults,
} from './report.ts';
import {
  BENCH_DIR,
  LOAD_CPU,
  pin,
  type RunningServer,
  SERVER_CPU,
  SERVER_NAMES,
  startServer,
} from './servers/process.ts';

// `pnpm bench -- --quick` passes its `--` along, after the one of the root script: both are dropped.
const argv = process.argv.slice(2);
while (argv[0] === '--') argv.shift();
const { values: args } = parseArgs({
  args: argv,
  options: {
    quick: { type: 'boolean', default: false },
    dataset: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    duration: { type: 'string' },
    fixed: { type: 'string' },
    'fixed-warmup': { type: 'string' },
    unloaded: { type: 'string' },
    connections: { type: 'string', default: '20' },
    pool: { type: 'string', default: '20' },
    queries: { type: 'string' },
    servers: { type: 'string' },
    out: { type: 'string', default: join(BENCH_DIR, 'results', 'latest.json') },
  },
});

const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
/** Seconds per phase. --quick: dataset S, short rounds, a few minutes in all. */
const settings = {
  dataset: args.dataset ?? (args.quick ? 'S' : 'M'),
  rounds: num(args.rounds, args.quick ? 3 : 5),
  warmup: num(args.warmup, args.quick ? 1 : 3),
  duration: num(args.duration, args.quick ? 2 : 10),
  fixed: num(args.fixed, args.quick ? 2 : 10),
  /**
   * At the fixed rate, unmeasured, right before the measured window: each server has been idle
   * while the others were loaded, and the first second after an idle spell is its own story (pool
   * connections reopened, heap limits shrunk while idle and grown again in old-generation
   * collections: up to 280 ms for Concord after 40 s idle), not the steady tail this figure is about.
   */
  fixedWarmup: num(args['fixed-warmup'], args.quick ? 1 : 5),
  unloaded: num(args.unloaded, args.quick ? 1 : 3),
  connections: Number(args.connections),
  pool: Number(args.pool),
  /** A closed-loop window lasts until about this many requests complete… */
  minRequests: args.quick ? 40 : 200,
  /** …but no longer than this many seconds. */
  maxWindow: args.quick ? 10 : 60,
};
const log = (line: string) => console.error(`[bench] ${line}`);

async function main() {
  const spec = DATASETS[settings.dataset];
  if (!spec)
    throw new Error(`unknown dataset ${settings.dataset}; one of ${Object.keys(DATASETS).join(', ')}`);
  const queries = args.queries ? QUERIES.filter((q) => args.queries!.split(',').includes(q.name)) : QUERIES;
  const serverNames = args.servers
    ? SERVER_NAMES.filter((s) => args.servers!.split(',').includes(s))
    : SERVER_NAMES;
  pin(process.pid, LOAD_CPU);

  const dataDir = join(BENCH_DIR, '.data', spec.name, 'pg');
  log(`PostgreSQL in ${dataDir}`);
  const db = await startDatabase(dataDir);
  const servers: RunningServer[] = [];
  try {
    const postmaster = postmasterPid(dataDir);
    for (const pid of postgresPids(postmaster)) pin(pid, SERVER_CPU);
    const dataset = await prepareDataset(db.adminUrl, 'concord_bench', spec, log);
    log(
      `dataset ${spec.name} ${dataset.generated ? 'generated' : 'reused'} in ${dataset.seconds.toFixed(1)} s`,
    );
    await ensureIntegratorToken(dataset.url);
    const fixtures = await loadFixtures(dataset.url);

    const env = { DATABASE_URL: dataset.url, DB_POOL_MAX: String(settings.pool) };
    for (const name of serverNames) {
      servers.push(await startServer(name, name === 'concord' ? { ...env, ...CONCORD_LIMITS_ENV } : env));
    }
    log(
      `servers: ${servers.map((s) => `${s.name} ${s.url} (pid ${s.pid}, CPU ${cpusAllowed(s.pid)})`).join(', ')}`,
    );
    log(`PostgreSQL on CPU ${cpusAllowed(postmaster)}, load generator on CPU ${cpusAllowed(process.pid)}`);

    const results: QueryResult[] = [];
    for (const query of queries) {
      const checked = await checkQuery(query, servers, fixtures);
      const result: QueryResult = { query, checked, sql: new Map(), rounds: [] };
      for (const c of checked.values()) {
        if (c.problem) log(`${query.name} / ${c.server}: not measured: ${c.problem}`);
        else {
          for (let i = 0; i < 5; i++) await send(c.request!);
          result.sql.set(c.server, await sqlPerRequest(dataset.url, send, c.request!));
        }
      }
      results.push(result);
      const counts = [...result.sql].map(([name, n]) => `${name} ${n}`).join(', ');
      log(`${query.name}: answers checked; SQL statements per request: ${counts || 'none measured'}`);
    }

    for (let round = 0; round < settings.rounds; round++) {
      for (const [index, result] of results.entries()) {
        const ready = servers.filter((s) => result.checked.get(s.name)?.request);
        const shift = (round + index) % Math.max(1, ready.length);
        const order = [...ready.slice(shift), ...ready.slice(0, shift)];
        const figures: RoundFigures = new Map();
        for (const server of order) figures.set(server.name, await saturate(server, result, postmaster));
        const pgRps = figures.get('postgraphile')?.rps;
        if (pgRps) {
          const rate = Math.max(1, Math.round(pgRps / 2));
          for (const server of order) {
            await drained(server.pid, postmaster);
            const request = result.checked.get(server.name)!.request!;
            const warm = await openLoop(request, rate, settings.fixedWarmup);
            const fixed = await openLoop(request, rate, settings.fixed);
            const f = figures.get(server.name)!;
            Object.assign(f, {
              fixedRate: rate,
              fixedP99Ms: fixed.p99Ms,
              // What fails while warming up fails all the same.
              fixedFailures: warm.failures + fixed.failures,
              failureReasons: mergeReasons([f.failureReasons, warm.reasons, fixed.reasons]),
            });
          }
        }
        result.rounds.push(figures);
        for (const [name, f] of figures) {
          if (f.requests < settings.connections)
            log(
              `${result.query.name} / ${name}: only ${f.requests} requests completed; its figures are rough`,
            );
          if (f.failures || f.fixedFailures)
            log(
              `${result.query.name} / ${name}: ${f.failures + f.fixedFailures} failed requests (${describeReasons(f.failureReasons)})`,
            );
        }
        log(
          `round ${round + 1}/${settings.rounds} ${result.query.name} (${Math.round(performance.now() / 1000)} s): ` +
            order.map((s) => `${s.name} ${figures.get(s.name)!.rps.toFixed(0)} req/s`).join(', '),
        );
      }
    }

    const summary = summarise(results, settings);
    printTable(summary);
    await writeResults(args.out!, summary);
    log(`results written to ${args.out}`);
  } finally {
    for (const server of servers) await server.stop();
    await db.stop();
  }
}

/**
 * Waits until the server and PostgreSQL have finished what the load left in flight: three quiet
 * 100 ms intervals in a row (one alone may only mean that another process had the CPU).
 */
async function drained(serverPid: number, postmaster: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  let last = cpuSnapshot(serverPid, postmaster);
  let quiet = 0;
  while (performance.now() < deadline && quiet < 3) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuSnapshot(serverPid, postmaster);
    quiet = now.server - last.server < 3 && now.postgres - last.postgres < 3 ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * Warm-up, then the closed loop with CPU counted around it, then the unloaded latency. Slow
 * queries get longer windows, so that every connection completes several requests; CPU is read
 * once the requests abandoned at the end of the window have finished, and divided by all sent.
 */
async function saturate(server: RunningServer, result: QueryResult, postmaster: number) {
  const request = result.checked.get(server.name)!.request!;
  const { connections } = settings;
  let warm = await closedLoop(request, connections, settings.warmup);
  if (warm.requests < connections) {
    const longer = Math.min(settings.maxWindow, (2 * connections) / Math.max(warm.rps, 0.5));
    warm = await closedLoop(request, connections, Math.max(settings.warmup, longer));
  }
  const window = Math.min(
    settings.maxWindow,
    Math.max(settings.duration, settings.minRequests / Math.max(warm.rps, 0.1)),
  );
  await drained(server.pid, postmaster);
  const before = cpuSnapshot(server.pid, postmaster);
  const run = await closedLoop(request, connections, window);
  await drained(server.pid, postmaster);
  const after = cpuSnapshot(server.pid, postmaster);
  const rss = rssMb(server.pid);
  const unloaded = settings.unloaded > 0 ? await sequential(request, settings.unloaded) : null;
  const perRequest = (ms: number) => (run.sent ? ms / run.sent : Number.NaN);
  return {
    rps: run.rps,
    requests: run.requests,
    p50Ms: run.p50Ms,
    p90Ms: run.p90Ms,
    p99Ms: run.p99Ms,
    failures: run.failures + (unloaded?.failures ?? 0),
    failureReasons: mergeReasons([run.reasons, unloaded?.reasons ?? {}]),
    unloadedP50Ms: unloaded?.p50Ms ?? Number.NaN,
    serverCpuMsPerReq: perRequest(after.server - before.server),
    pgCpuMsPerReq: perRequest(after.postgres - before.postgres),
    rssMb: rss,
    fixedRate: Number.NaN,
    fixedP99Ms: Number.NaN,
    fixedFailures: 0,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
