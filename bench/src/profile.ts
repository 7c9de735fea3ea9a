import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { checkQuery } from './check.ts';
import { DATASETS, loadFixtures, prepareDataset, startDatabase } from './datasets.ts';
import { CONCORD_LIMITS_ENV, ensureIntegratorToken } from './integrator.ts';
import { closedLoop } from './load.ts';
import { QUERIES } from './queries.ts';
import { BENCH_DIR, startServer } from './servers/process.ts';

/**
 * Where Concord's server spends its CPU on one query: the server runs with V8's sampling profiler
 * (`--cpu-prof`) under the closed-loop load, and the heaviest functions by self time are printed.
 * `pnpm --filter @concord/bench run profile -- --query plan-page-deep [--seconds 10] [--top 40] [--sql-chars 160]`
 * The .cpuprofile stays in the printed folder, for Chrome's DevTools.
 */
const argv = process.argv.slice(2);
while (argv[0] === '--') argv.shift();
const { values: args } = parseArgs({
  args: argv,
  options: {
    query: { type: 'string', default: 'plan-page-deep' },
    dataset: { type: 'string', default: 'S' },
    seconds: { type: 'string', default: '10' },
    top: { type: 'string', default: '40' },
    /** How much of each statement's text to print (the whole of it: 100000). */
    'sql-chars': { type: 'string', default: '160' },
  },
});

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function summarise(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const file = frame.url.replace(/^file:\/\//, '');
    const pkg =
      file.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)?.[1] ??
      (file.includes('/apps/api/') ? 'concord' : file ? 'node' : frame.functionName || '(vm)');
    const key = `${frame.functionName || '(anonymous)'}  ${pkg}:${file.split('/').at(-1)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  });
  const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  const sorted = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    'by package:',
    ...sorted(byPackage, 15).map(([k, v]) => `  ${pct(v)}  ${k}`),
    'by function (self time):',
    ...sorted(self, top).map(([k, v]) => `  ${pct(v)}  ${k}`),
  ];
}

async function setTrackPlanning(url: string, on: boolean) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(
      `ALTER DATABASE concord_bench ${on ? 'SET pg_stat_statements.track_planning = on' : 'RESET pg_stat_statements.track_planning'}`,
    );
  } finally {
    await client.end();
  }
}

async function main() {
  const spec = DATASETS[args.dataset!];
  const query = QUERIES.find((q) => q.name === args.query);
  if (!spec || !query) throw new Error('unknown dataset or query');
  const db = await startDatabase(join(BENCH_DIR, '.data', spec.name, 'pg'));
  const profileDir = mkdtempSync(join(tmpdir(), 'concord-profile-'));
  try {
    const dataset = await prepareDataset(db.adminUrl, 'concord_bench', spec, console.error);
    await ensureIntegratorToken(dataset.url);
    const fixtures = await loadFixtures(dataset.url);
    // Planning time too, for the server's connections of this run only (PostgreSQL re-plans a
    // prepared statement on every execution when its generic plan looks worse than custom ones).
    await setTrackPlanning(dataset.url, true);
    const server = await startServer(
      'concord',
      {
        DATABASE_URL: dataset.url,
        DB_POOL_MAX: '20',
        ...CONCORD_LIMITS_ENV,
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}`,
      },
      { pin: false },
    );
    try {
      const checked = (await checkQuery(query, [server], fixtures)).get('concord')!;
      if (!checked.request) throw new Error(`not profiled: ${checked.problem}`);
      await closedLoop(checked.request, 20, 3);
      const stats = new pg.Client(dataset.url);
      await stats.connect();
      await stats.query('SELECT bench.pg_stat_statements_reset()');
      const run = await closedLoop(checked.request, 20, Number(args.seconds));
      console.log(`${query.name}: ${run.rps.toFixed(0)} req/s under the profiler`);
      const { rows } = await stats.query(
        `SELECT calls, round(mean_exec_time::numeric, 3) AS "meanMs", round(total_exec_time::numeric) AS "totalMs",
           plans, round(mean_plan_time::numeric, 3) AS "planMs",
           left(regexp_replace(query, '\\s+', ' ', 'g'), $1) AS query
         FROM bench.pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
         ORDER BY total_exec_time DESC LIMIT 8`,
        [Number(args['sql-chars'])],
      );
      await stats.end();
      console.log('PostgreSQL, by execution time (pg_stat_statements):');
      for (const r of rows)
        console.log(
          `  ${r.calls} calls, ${r.meanMs} ms mean, ${r.totalMs} ms; planned ${r.plans} times, ${r.planMs} ms mean: ${r.query}`,
        );
    } finally {
      await server.stop();
      await setTrackPlanning(dataset.url, false);
    }
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${profileDir}`);
    const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
    console.log(summarise(profile, Number(args.top)).join('\n'));
    console.log(`profile: ${join(profileDir, file)}`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
