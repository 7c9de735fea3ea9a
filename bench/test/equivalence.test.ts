import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedDatabase } from '@concord/embedded-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checked, checkQuery } from '../src/check.ts';
import { DATASETS, type Fixtures, loadFixtures, prepareDataset, startDatabase } from '../src/datasets.ts';
import { CONCORD_LIMITS_ENV, ensureIntegratorToken } from '../src/integrator.ts';
import { send } from '../src/load.ts';
import { sqlPerRequest } from '../src/measure.ts';
import { QUERIES } from '../src/queries.ts';
import { type RunningServer, startServer } from '../src/servers/process.ts';

type Side = { url: string; fixtures: Fixtures; servers: RunningServer[] };

let dir: string;
let db: EmbeddedDatabase;
let tiny: Side;
let wide: Side;

async function side(
  name: 'tiny' | 'tiny-wide',
  servers: ('concord' | 'postgraphile' | 'raw')[],
): Promise<Side> {
  const dataset = await prepareDataset(db.adminUrl, `bench_${name.replace('-', '_')}`, DATASETS[name]);
  await ensureIntegratorToken(dataset.url);
  const env = { DATABASE_URL: dataset.url, DB_POOL_MAX: '4' };
  const started = await Promise.all(
    servers.map((s) =>
      startServer(s, s === 'concord' ? { ...env, ...CONCORD_LIMITS_ENV } : env, { pin: false }),
    ),
  );
  return { url: dataset.url, fixtures: await loadFixtures(dataset.url), servers: started };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-bench-'));
  db = await startDatabase(join(dir, 'pg'), { ephemeral: true });
  [tiny, wide] = await Promise.all([
    side('tiny', ['concord', 'postgraphile', 'raw']),
    side('tiny-wide', ['concord']),
  ]);
});

afterAll(async () => {
  await Promise.all([...(tiny?.servers ?? []), ...(wide?.servers ?? [])].map((s) => s.stop()));
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
});

const answer = (checked: Map<string, Checked>, server: string) => {
  const c = checked.get(server)!;
  return { server, problem: c.problem };
};

describe.each(QUERIES)('$name', (query) => {
  it('gets the same, non-empty data from Concord, PostGraphile and the hand-written SQL', async () => {
    const checked = await checkQuery(query, tiny.servers, tiny.fixtures);
    expect(['concord', 'postgraphile', 'raw'].map((s) => answer(checked, s))).toEqual(
      ['concord', 'postgraphile', 'raw'].map((server) => ({ server, problem: null })),
    );
    // Every level of the query has rows: a match of empty answers would prove nothing.
    const data = JSON.parse(checked.get('raw')!.data!);
    expect(JSON.stringify(data)).not.toMatch(/\[\]|null/);
  });

  it("keeps Concord's SQL statements per request the same on a dataset with more rows per parent", async () => {
    const [small] = [
      ...(await checkQuery(query, tiny.servers.slice(0, 1), tiny.fixtures, 'concord')).values(),
    ];
    const [large] = [...(await checkQuery(query, wide.servers, wide.fixtures, 'concord')).values()];
    expect([small.problem, large.problem]).toEqual([null, null]);
    const counts = [
      await sqlPerRequest(tiny.url, send, small.request!),
      await sqlPerRequest(wide.url, send, large.request!),
    ];
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});
