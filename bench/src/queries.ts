import { parseGlobalId, toGlobalId } from '@concord/api/src/common/global-id.ts';
import type { Fixtures } from './datasets.ts';
import { FILTER_STATUS, NETWORK_KIND } from './datasets.ts';
import { headersFor } from './integrator.ts';
import type { ServerName } from './servers/process.ts';

/** One HTTP request, ready to be sent many times. */
export type BenchRequest = { url: string; body: string; headers: Record<string, string> };

/** What every response body looks like to the bench. */
export type Body = { data?: Record<string, unknown> | null; errors?: { message: string }[] };

export type Sent = { status: number; body: Body; bytes: number; headers: Headers };
export type Send = (request: BenchRequest) => Promise<Sent>;

export type QueryDef = {
  name: string;
  description: string;
  /** The request for one server. May ask the server first (the cursor of a first page is the server's own). */
  request(server: ServerName, baseUrl: string, fixtures: Fixtures, send: Send): Promise<BenchRequest>;
};

function graphql(
  server: ServerName,
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): BenchRequest {
  return {
    url: `${baseUrl}/graphql`,
    body: JSON.stringify({ query, variables }),
    headers: headersFor(server),
  };
}

function raw(baseUrl: string, path: string, variables: Record<string, unknown>): BenchRequest {
  return { url: `${baseUrl}/${path}`, body: JSON.stringify(variables), headers: headersFor('raw') };
}

// ---- plan pages: plans → tasks → assignments → actor ----

const concordPlanPage = (plans: number, tasks: number) => `query PlanPage {
  responsePlans(first: ${plans}, orderBy: {field: CREATED_AT, direction: ASC}) {
    edges { node { id title
      tasks(first: ${tasks}, orderBy: {field: CREATED_AT, direction: ASC}) {
        edges { node { id title status
          assignments(first: 10) {
            edges { node { id role status actor { id name } } }
          } } } } } } } }`;

const postgraphilePlanPage = (plans: number, tasks: number) => `query PlanPage {
  allResponsePlans(first: ${plans}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
    edges { node { rowId title
      tasksByPlanId(first: ${tasks}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
        edges { node { rowId title status
          taskAssignmentsByTaskId(first: 10, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
            edges { node { rowId role status actorByActorId { rowId name } } }
          } } } } } } } }`;

function planPage(name: string, description: string, plans: number, tasks: number): QueryDef {
  return {
    name,
    description,
    async request(server, baseUrl) {
      if (server === 'concord') return graphql(server, baseUrl, concordPlanPage(plans, tasks));
      if (server === 'postgraphile') return graphql(server, baseUrl, postgraphilePlanPage(plans, tasks));
      return raw(baseUrl, 'plan-page', { plans, tasks, assignments: 10 });
    },
  };
}

// ---- one plan's tasks, filtered by status, second page ----

const concordFilteredPage = `query FilteredTasks($planId: ID!, $statuses: [TaskStatus!], $after: String) {
  tasks(filter: {planId: $planId, statuses: $statuses}, first: 10, after: $after,
        orderBy: {field: CREATED_AT, direction: ASC}) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title status priority dueOn } } } }`;

const postgraphileFilteredPage = `query FilteredTasks($planId: UUID!, $status: TaskStatus, $after: Cursor) {
  allTasks(condition: {planId: $planId, status: $status}, first: 10, after: $after,
           orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { rowId title status priority dueOn } } } }`;

function filteredPageRequest(
  server: ServerName,
  baseUrl: string,
  fixtures: Fixtures,
  after: string | null,
): BenchRequest {
  if (server === 'concord') {
    const planId = toGlobalId('ResponsePlan', fixtures.filterPlanId);
    return graphql(server, baseUrl, concordFilteredPage, { planId, statuses: [FILTER_STATUS], after });
  }
  if (server === 'postgraphile') {
    return graphql(server, baseUrl, postgraphileFilteredPage, {
      planId: fixtures.filterPlanId,
      status: FILTER_STATUS,
      after,
    });
  }
  return raw(baseUrl, 'tasks-filtered-page', {
    planId: fixtures.filterPlanId,
    status: FILTER_STATUS,
    first: 10,
    after,
  });
}

const tasksFilteredPage: QueryDef = {
  name: 'tasks-filtered-page',
  description: 'one plan, status filter, first 10 after the first page, totalCount, pageInfo',
  async request(server, baseUrl, fixtures, send) {
    const first = await send(filteredPageRequest(server, baseUrl, fixtures, null));
    const connection = (first.body.data ? Object.values(first.body.data)[0] : null) as {
      pageInfo?: { endCursor?: unknown };
    } | null;
    const after = connection?.pageInfo?.endCursor;
    if (typeof after !== 'string') {
      throw new Error(
        `no first page to continue from: ${JSON.stringify(first.body.errors ?? first.body).slice(0, 300)}`,
      );
    }
    return filteredPageRequest(server, baseUrl, fixtures, after);
  },
};

// ---- actors → partners → assignments → task → plan ----

const concordNetwork = `query ActorNetwork($kinds: [ActorKind!]) {
  actors(filter: {kinds: $kinds}, first: 10, orderBy: {field: NAME, direction: ASC}) {
    edges { node { id name
      partners(first: 10) {
        edges { node { id name
          assignments(first: 3) {
            edges { node { id status task { id title plan { id title } } } }
          } } } } } } } }`;

const postgraphileNetwork = `query ActorNetwork($kind: ActorKind) {
  allActors(condition: {kind: $kind}, first: 10, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    edges { node { rowId name
      partners(first: 10) {
        edges { node { rowId name
          taskAssignmentsByActorId(first: 3, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
            edges { node { rowId status taskByTaskId { rowId title responsePlanByPlanId { rowId title } } } }
          } } } } } } } }`;

const actorNetwork: QueryDef = {
  name: 'actor-network',
  description: `actors of kind ${NETWORK_KIND} (10) → partners (10) → assignments (3) → task → plan`,
  async request(server, baseUrl) {
    if (server === 'concord') return graphql(server, baseUrl, concordNetwork, { kinds: [NETWORK_KIND] });
    if (server === 'postgraphile')
      return graphql(server, baseUrl, postgraphileNetwork, { kind: NETWORK_KIND });
    return raw(baseUrl, 'actor-network', { kind: NETWORK_KIND, actors: 10, partners: 10, assignments: 3 });
  },
};

// ---- one task and its plan ----

const taskById: QueryDef = {
  name: 'task-by-id',
  description: 'one task with its plan',
  async request(server, baseUrl, fixtures) {
    if (server === 'concord') {
      return graphql(
        server,
        baseUrl,
        'query TaskById($id: ID!) { task(id: $id) { id title status plan { id title } } }',
        {
          id: toGlobalId('Task', fixtures.taskId),
        },
      );
    }
    if (server === 'postgraphile') {
      return graphql(
        server,
        baseUrl,
        'query TaskById($id: UUID!) { taskByRowId(rowId: $id) { rowId title status responsePlanByPlanId { rowId title } } }',
        { id: fixtures.taskId },
      );
    }
    return raw(baseUrl, 'task-by-id', { id: fixtures.taskId });
  },
};

export const QUERIES: QueryDef[] = [
  planPage('plan-page-deep', '20 plans → 50 tasks each → assignments → actor name', 20, 50),
  planPage('plan-page-small', '5 plans → 10 tasks each → assignments → actor name', 5, 10),
  tasksFilteredPage,
  actorNetwork,
  taskById,
];

// ---- normalising responses so that the three servers compare equal ----

/** PostGraphile's automatic names → the names Concord's API uses for the same things. */
const RENAMES: Record<string, string> = {
  allResponsePlans: 'responsePlans',
  tasksByPlanId: 'tasks',
  taskAssignmentsByTaskId: 'assignments',
  taskAssignmentsByActorId: 'assignments',
  actorByActorId: 'actor',
  taskByTaskId: 'task',
  responsePlanByPlanId: 'plan',
  allTasks: 'tasks',
  allActors: 'actors',
  taskByRowId: 'task',
  rowId: 'id',
};

/** Concord's global ids name a type and a uuid; PostGraphile's rowId is the uuid itself. */
function plainId(value: unknown): unknown {
  if (typeof value !== 'string' || /^[0-9a-f-]{36}$/.test(value)) return value;
  return parseGlobalId(value)?.id ?? value;
}

/**
 * The data of a response in one canonical form: connections become arrays of nodes, ids become
 * uuids, names become Concord's, and what is each server's own (cursors) is dropped.
 */
export function normalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value === null || typeof value !== 'object') return key === 'id' ? plainId(value) : value;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.edges) && !('totalCount' in object) && !('pageInfo' in object)) {
    return object.edges.map((edge) => normalise((edge as { node: unknown }).node));
  }
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(object)) {
    // Cursors are each server's own; hasPreviousPage after a cursor is optional in Relay's spec
    // (PostGraphile says false, Concord true), so neither counts.
    if (name === 'cursor' || name === 'startCursor' || name === 'endCursor' || name === 'hasPreviousPage')
      continue;
    if (name === 'edges') {
      out.nodes = (child as { node: unknown }[]).map((edge) => normalise(edge.node));
      continue;
    }
    const canonical = RENAMES[name] ?? name;
    out[canonical] = normalise(child, canonical);
  }
  return out;
}

/** Why a response cannot be measured, or null when it is a proper answer. */
export function problemOf(status: number, body: Body): string | null {
  if (status !== 200) return `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (body.errors?.length)
    return `errors: ${body.errors
      .map((e) => e.message)
      .join('; ')
      .slice(0, 300)}`;
  if (!body.data) return 'no data';
  return null;
}
