import { createDataSource } from '@concord/api/src/db/data-source.ts';
import { migrate } from '@concord/api/src/db/migrate.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@concord/embedded-db';
import pg from 'pg';

/** How big a generated dataset is. Everything else about it follows from these numbers. */
export type DatasetSpec = {
  name: string;
  actors: number;
  partnerships: number;
  situations: number;
  plans: number;
  tasksPerPlan: number;
};

export const DATASETS: Record<string, DatasetSpec> = {
  // For the equivalence test: enough rows for every query to return something in every level.
  tiny: { name: 'tiny', actors: 120, partnerships: 600, situations: 6, plans: 24, tasksPerPlan: 30 },
  // Same shape, more rows per parent: SQL statements per request must not change between the two.
  'tiny-wide': {
    name: 'tiny-wide',
    actors: 300,
    partnerships: 1500,
    situations: 10,
    plans: 40,
    tasksPerPlan: 100,
  },
  S: { name: 'S', actors: 2_000, partnerships: 10_000, situations: 50, plans: 200, tasksPerPlan: 100 },
  M: { name: 'M', actors: 20_000, partnerships: 100_000, situations: 500, plans: 2_000, tasksPerPlan: 100 },
};

/** Bumped whenever the generator changes, so that a kept database is generated again. */
const GENERATOR_VERSION = 4;

/** The status the filtered-page query asks for; the generator gives it to ≈ 40 % of the tasks. */
export const FILTER_STATUS = 'IN_PROGRESS';
/**
 * The organisation of the bench's integrator token. It takes part in every plan, so that the token
 * reads the same rows as PostGraphile and the hand-written SQL (which have no access rules), while
 * Concord still applies its read rules to every statement.
 */
export const INTEGRATOR_ACTOR = 1;
/** The actor kind the actor-network query starts from. */
export const NETWORK_KIND = 'MEMBER_STATE';

/**
 * The generated rows, set-based and deterministic: ids are md5 of a name and a number, times are a
 * fixed start plus a number of seconds, and every random() follows a setseed in the same statement
 * sequence. Statuses vary within a plan, so that filters select part of a plan, not all or nothing.
 */
function generationSql(s: DatasetSpec): string[] {
  const tasks = s.plans * s.tasksPerPlan;
  const t0 = `timestamptz '2024-01-01 00:00:00+00'`;
  return [
    `SELECT setseed(0.4242)`,
    `INSERT INTO actor (id, created_at, updated_at, name, acronym, kind, country_code, region)
     SELECT md5('actor:' || i)::uuid, ${t0} + i * interval '1 second', ${t0} + i * interval '1 second',
            'Actor ' || substr(md5('name:' || i), 1, 10), 'A' || i,
            (enum_range(NULL::actor_kind))[1 + (i % 12)],
            chr(65 + (i % 26)) || chr(65 + ((i / 26) % 26)),
            (ARRAY['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'])[1 + (i % 5)]
     FROM generate_series(1, ${s.actors}) AS i`,
    `INSERT INTO situation (id, created_at, updated_at, name, country_code, status)
     SELECT md5('situation:' || i)::uuid, ${t0} + i * interval '1 second', ${t0} + i * interval '1 second',
            'Situation ' || i, chr(65 + (i % 26)) || chr(65 + ((i / 26) % 26)),
            (enum_range(NULL::situation_status))[1 + (i % 4)]
     FROM generate_series(1, ${s.situations}) AS i`,
    `INSERT INTO response_plan (id, created_at, updated_at, title, situation_id, lead_actor_id, status)
     SELECT md5('plan:' || i)::uuid, ${t0} + i * interval '1 minute', ${t0} + i * interval '1 minute',
            'Plan ' || substr(md5('title:' || i), 1, 12),
            md5('situation:' || (1 + (i % ${s.situations})))::uuid,
            md5('actor:' || (1 + ((i * 7) % ${s.actors})))::uuid,
            (enum_range(NULL::plan_status))[1 + (i % 7)]
     FROM generate_series(1, ${s.plans}) AS i`,
    `INSERT INTO plan_participant (id, created_at, updated_at, plan_id, actor_id, role)
     SELECT md5('participant:' || i || ':' || r)::uuid, ${t0}, ${t0}, md5('plan:' || i)::uuid,
            md5('actor:' || CASE WHEN r = 'LEAD' THEN 1 + ((i * 7) % ${s.actors}) ELSE ${INTEGRATOR_ACTOR} END)::uuid,
            r::participant_role
     FROM generate_series(1, ${s.plans}) AS i, unnest(ARRAY['LEAD', 'CONTRIBUTOR']) AS r
     ON CONFLICT DO NOTHING`,
    // Tasks of different plans interleave in time, as they would when plans are worked on together.
    `INSERT INTO task (id, created_at, updated_at, plan_id, title, priority, status, due_on)
     SELECT md5('task:' || i)::uuid, ${t0} + i * interval '1 second', ${t0} + i * interval '1 second',
            md5('plan:' || (1 + (i % ${s.plans})))::uuid,
            'Task ' || substr(md5('task-title:' || i), 1, 16),
            (enum_range(NULL::task_priority))[1 + (i % 4)],
            CASE WHEN r < 0.4 THEN '${FILTER_STATUS}'::task_status
                 ELSE (enum_range(NULL::task_status))[1 + floor(random() * 10)::int] END,
            date '2025-01-01' + (i % 365)
     FROM (SELECT i, random() AS r FROM generate_series(1, ${tasks}) AS i) g`,
    // Two assignments per task: a lead and a supporting actor, never the same actor twice.
    `INSERT INTO task_assignment (id, created_at, updated_at, task_id, actor_id, role, status, reason)
     SELECT md5('assignment:' || t || ':' || j)::uuid,
            ${t0} + (t * 2 + j) * interval '1 second', ${t0} + (t * 2 + j) * interval '1 second',
            md5('task:' || t)::uuid,
            md5('actor:' || (1 + ((a + j * (1 + (t % (${s.actors} - 1)))) % ${s.actors})))::uuid,
            CASE WHEN j = 0 THEN 'LEAD'::assignment_role
                 ELSE (ARRAY['SUPPORT', 'CONSULTED', 'INFORMED'])[1 + (t % 3)]::assignment_role END,
            st::assignment_status,
            CASE WHEN st IN ('DECLINED', 'COUNTER_PROPOSED') THEN 'Not enough capacity this quarter' END
     FROM (SELECT t, j, a,
                  (ARRAY['PROPOSED', 'ACCEPTED', 'ACCEPTED', 'DECLINED', 'COUNTER_PROPOSED', 'WITHDRAWN'])
                    [1 + floor(random() * 6)::int] AS st
           FROM (SELECT t, floor(random() * ${s.actors})::int AS a FROM generate_series(1, ${tasks}) AS t) per_task,
                generate_series(0, 1) AS j
           ORDER BY t, j) g`,
    `INSERT INTO partnership (id, created_at, updated_at, source_id, target_id, kind, status, valid_from)
     SELECT md5('partnership:' || i)::uuid, ${t0} + i * interval '1 second', ${t0} + i * interval '1 second',
            md5('actor:' || (1 + src))::uuid,
            md5('actor:' || (1 + ((src + 1 + off) % ${s.actors})))::uuid,
            (enum_range(NULL::partnership_kind))[1 + (i % 12)],
            (ARRAY['ACTIVE', 'ACTIVE', 'ACTIVE', 'PROPOSED', 'SUSPENDED', 'EXPIRED'])[1 + (i % 6)]::partnership_status,
            date '2020-01-01' + (i % 1000)
     FROM (SELECT i, floor(random() * ${s.actors})::int AS src, floor(random() * (${s.actors} - 1))::int AS off
           FROM generate_series(1, ${s.partnerships}) AS i) g`,
  ];
}

/**
 * What only the benchmark adds to the database, outside Concord's schema: pg_stat_statements in its
 * own schema (PostGraphile publishes only `public` and `bench_pg`), the dataset marker, and the
 * partners function PostGraphile needs to answer "an actor's partners in both directions", which its
 * automatic schema has no relation for (the usual PostGraphile way: a computed column function).
 */
const BENCH_OBJECTS = [
  `CREATE SCHEMA IF NOT EXISTS bench`,
  `CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench`,
  `CREATE TABLE IF NOT EXISTS bench.dataset (name text PRIMARY KEY, spec jsonb NOT NULL, generator int NOT NULL)`,
  `CREATE SCHEMA IF NOT EXISTS bench_pg`,
  `CREATE OR REPLACE FUNCTION bench_pg.actor_partners(a public.actor) RETURNS SETOF public.actor
     LANGUAGE sql STABLE AS $$
       SELECT p.* FROM (
         SELECT e.id AS edge_id, e.target_id AS partner_id FROM public.partnership e WHERE e.source_id = a.id
         UNION ALL
         SELECT e.id, e.source_id FROM public.partnership e WHERE e.target_id = a.id
       ) e JOIN public.actor p ON p.id = e.partner_id
       ORDER BY p.name, e.edge_id
     $$`,
];

export type PreparedDataset = { spec: DatasetSpec; url: string; generated: boolean; seconds: number };

/**
 * Makes `database` hold the dataset: runs Concord's real migrations, and generates the rows unless
 * the same dataset, by the same generator, on the same migrations, is already there.
 */
export async function prepareDataset(
  adminUrl: string,
  database: string,
  spec: DatasetSpec,
  log: (line: string) => void = () => {},
): Promise<PreparedDataset> {
  const started = performance.now();
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${database}`);

  const dataSource = createDataSource(url, { max: 2 });
  await dataSource.initialize();
  let applied: string[];
  try {
    applied = await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const client = new pg.Client(url);
  await client.connect();
  try {
    for (const statement of BENCH_OBJECTS) await client.query(statement);
    // jsonb keeps its own key order, so the spec is compared as jsonb, not as text.
    const marker = await client.query(
      'SELECT 1 FROM bench.dataset WHERE name = $1 AND spec = $2::jsonb AND generator = $3',
      [spec.name, JSON.stringify(spec), GENERATOR_VERSION],
    );
    const current = applied.length === 0 && marker.rowCount === 1;
    if (current) return { spec, url, generated: false, seconds: (performance.now() - started) / 1000 };

    log(
      `generating dataset ${spec.name} in ${database}${applied.length ? ` (migrations applied: ${applied.join(', ')})` : ''}`,
    );
    await client.query('BEGIN');
    await client.query(
      'TRUNCATE task_assignment, task, plan_participant, response_plan, situation, partnership, actor, bench.dataset CASCADE',
    );
    for (const statement of generationSql(spec)) await client.query(statement);
    await client.query('INSERT INTO bench.dataset (name, spec, generator) VALUES ($1, $2, $3)', [
      spec.name,
      JSON.stringify(spec),
      GENERATOR_VERSION,
    ]);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE)');
    return { spec, url, generated: true, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Ids the queries need, chosen the same way for every server. */
export type Fixtures = {
  /** The plan with the most tasks of FILTER_STATUS (its second page is then full). */
  filterPlanId: string;
  /** A task in the middle of the table. */
  taskId: string;
};

export async function loadFixtures(url: string): Promise<Fixtures> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const plan = await client.query(
      `SELECT plan_id FROM task WHERE status = $1 GROUP BY plan_id ORDER BY count(*) DESC, plan_id LIMIT 1`,
      [FILTER_STATUS],
    );
    const task = await client.query(
      `SELECT id FROM task ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM task) LIMIT 1`,
    );
    return { filterPlanId: plan.rows[0].plan_id, taskId: task.rows[0].id };
  } finally {
    await client.end();
  }
}

/** One PostgreSQL for the whole run, its data kept per dataset under bench/.data so a dataset is reused. */
export async function startDatabase(
  dataDir: string,
  options: { ephemeral?: boolean } = {},
): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir, ephemeral: options.ephemeral, fast: options.ephemeral });
}
