import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { toGlobalId as gid } from '@concord/api/src/common/global-id.ts';
import pg from 'pg';
import { announceReady, envInt } from './process.ts';

/**
 * The lower bound: each query answered by a few hand-written, batched, prepared statements (`= ANY($1)`
 * and LATERAL for per-parent pages), JSON.stringify, plain node:http. It returns the same JSON as
 * Concord's API (edges, nodes, global ids), so that responses and byte counts compare.
 */

// biome-ignore lint/suspicious/noExplicitAny: rows of hand-written statements, shaped by the SQL itself
type Row = Record<string, any>;
type Handler = (vars: Row) => Promise<unknown>;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: envInt('DB_POOL_MAX', 20) });
// Named statements, prepared once per connection and planned by PostgreSQL's plan cache, as Concord's
// and PostGraphile's are: an unnamed statement is parsed and planned on every call, which costs
// PostgreSQL about as much CPU as the rest of a one-row lookup.
const names = new Map<string, string>();
const q = async (text: string, params: unknown[]) => {
  let name = names.get(text);
  if (!name) {
    name = `raw_${names.size}`;
    names.set(text, name);
  }
  return (await pool.query({ name, text, values: params })).rows as Row[];
};

const cursor = (sort: string, id: string) => Buffer.from(JSON.stringify([sort, id])).toString('base64url');
const edges = (nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });

function group(rows: Row[], key: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

async function planPage(vars: Row) {
  const plans = await q('SELECT id, title FROM response_plan ORDER BY created_at, id LIMIT $1', [vars.plans]);
  const tasks = await q(
    `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
       SELECT t.id, t.title, t.status, t.plan_id FROM task t WHERE t.plan_id = k.id
       ORDER BY t.created_at, t.id LIMIT $2) x`,
    [plans.map((p) => p.id), vars.tasks],
  );
  const assignments = await q(
    `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
       SELECT a.id, a.role, a.status, a.task_id, a.actor_id FROM task_assignment a WHERE a.task_id = k.id
       ORDER BY a.created_at, a.id LIMIT $2) x`,
    [tasks.map((t) => t.id), vars.assignments],
  );
  const actors = await q('SELECT id, name FROM actor WHERE id = ANY($1::uuid[])', [
    [...new Set(assignments.map((a) => a.actor_id))],
  ]);
  const actorById = new Map(actors.map((a) => [a.id, { id: gid('Actor', a.id), name: a.name }]));
  const assignmentsByTask = group(assignments, 'task_id');
  const tasksByPlan = group(tasks, 'plan_id');
  return {
    responsePlans: edges(
      plans.map((p) => ({
        id: gid('ResponsePlan', p.id),
        title: p.title,
        tasks: edges(
          (tasksByPlan.get(p.id) ?? []).map((t) => ({
            id: gid('Task', t.id),
            title: t.title,
            status: t.status,
            assignments: edges(
              (assignmentsByTask.get(t.id) ?? []).map((a) => ({
                id: gid('TaskAssignment', a.id),
                role: a.role,
                status: a.status,
                actor: actorById.get(a.actor_id) ?? null,
              })),
            ),
          })),
        ),
      })),
    ),
  };
}

async function tasksFilteredPage(vars: Row) {
  const after = vars.after ? JSON.parse(Buffer.from(vars.after, 'base64url').toString('utf8')) : null;
  const params: unknown[] = [vars.planId, vars.status, vars.first + 1];
  if (after) params.push(after[0], after[1]);
  const [rows, [{ n }]] = await Promise.all([
    q(
      `SELECT id, title, status, priority, due_on::text AS due_on, created_at::text AS sort FROM task
       WHERE plan_id = $1 AND status = $2 ${after ? 'AND (created_at, id) > ($4::timestamptz, $5::uuid)' : ''}
       ORDER BY created_at, id LIMIT $3`,
      params,
    ),
    q('SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND status = $2', [vars.planId, vars.status]),
  ]);
  const more = rows.length > vars.first;
  const page = (more ? rows.slice(0, vars.first) : rows).map((t) => ({
    cursor: cursor(t.sort, t.id),
    node: { id: gid('Task', t.id), title: t.title, status: t.status, priority: t.priority, dueOn: t.due_on },
  }));
  return {
    tasks: {
      totalCount: n,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: after !== null,
        startCursor: page[0]?.cursor ?? null,
        endCursor: page.at(-1)?.cursor ?? null,
      },
      edges: page,
    },
  };
}

async function actorNetwork(vars: Row) {
  const actors = await q('SELECT id, name FROM actor WHERE kind = $1 ORDER BY name, id LIMIT $2', [
    vars.kind,
    vars.actors,
  ]);
  const partners = await q(
    `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
       SELECT p.id, p.name, k.id AS parent FROM (
         SELECT e.id AS edge_id, e.target_id AS partner_id FROM partnership e WHERE e.source_id = k.id
         UNION ALL
         SELECT e.id, e.source_id FROM partnership e WHERE e.target_id = k.id
       ) e JOIN actor p ON p.id = e.partner_id
       ORDER BY p.name, e.edge_id LIMIT $2) x`,
    [actors.map((a) => a.id), vars.partners],
  );
  const assignments = await q(
    `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
       SELECT a.id, a.status, a.actor_id, t.id AS task_id, t.title AS task_title, p.id AS plan_id, p.title AS plan_title
       FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN response_plan p ON p.id = t.plan_id
       WHERE a.actor_id = k.id ORDER BY a.created_at, a.id LIMIT $2) x`,
    [[...new Set(partners.map((p) => p.id))], vars.assignments],
  );
  const assignmentsByActor = group(assignments, 'actor_id');
  const partnersByActor = group(partners, 'parent');
  return {
    actors: edges(
      actors.map((a) => ({
        id: gid('Actor', a.id),
        name: a.name,
        partners: edges(
          (partnersByActor.get(a.id) ?? []).map((p) => ({
            id: gid('Actor', p.id),
            name: p.name,
            assignments: edges(
              (assignmentsByActor.get(p.id) ?? []).map((s) => ({
                id: gid('TaskAssignment', s.id),
                status: s.status,
                task: {
                  id: gid('Task', s.task_id),
                  title: s.task_title,
                  plan: { id: gid('ResponsePlan', s.plan_id), title: s.plan_title },
                },
              })),
            ),
          })),
        ),
      })),
    ),
  };
}

async function taskById(vars: Row) {
  const [t] = await q(
    `SELECT t.id, t.title, t.status, p.id AS plan_id, p.title AS plan_title
     FROM task t JOIN response_plan p ON p.id = t.plan_id WHERE t.id = $1`,
    [vars.id],
  );
  return {
    task: t
      ? {
          id: gid('Task', t.id),
          title: t.title,
          status: t.status,
          plan: { id: gid('ResponsePlan', t.plan_id), title: t.plan_title },
        }
      : null,
  };
}

const handlers: Record<string, Handler> = {
  '/plan-page': planPage,
  '/tasks-filtered-page': tasksFilteredPage,
  '/actor-network': actorNetwork,
  '/task-by-id': taskById,
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const handler = req.method === 'POST' ? handlers[req.url ?? ''] : undefined;
  let status = 200;
  let body: string;
  if (!handler) {
    status = 404;
    body = JSON.stringify({ errors: [{ message: 'no such query' }] });
  } else {
    try {
      body = JSON.stringify({ data: await handler(JSON.parse((await readBody(req)) || '{}')) });
    } catch (error) {
      status = 500;
      body = JSON.stringify({ errors: [{ message: String(error) }] });
    }
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const server = createServer((req, res) => void handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announceReady(typeof address === 'object' && address ? address.port : 0, async () => {
    server.close();
    await pool.end();
  });
});
