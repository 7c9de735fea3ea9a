import { randomBytes } from 'node:crypto';
import type { MembershipRole } from '@concord/shared';
import pg from 'pg';
import { inject } from 'vitest';
import type { Limits } from '../src/common/limits';
import { createDataSource } from '../src/db/data-source';
import { Database } from '../src/db/database';
import { hashPassword } from '../src/modules/accounts/password';
import { hashSecret, SESSION_COOKIE } from '../src/modules/accounts/session.service';
import { createApiServer } from '../src/server';

export type GraphQLResponse<T = any> = {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
  headers: Headers;
};

export type TestApi = {
  db: Database;
  /** Session cookie of an administrator, sent by default by `gql`. */
  adminCookie: string;
  /** Connection string of this file's own database. */
  databaseUrl: string;
  url: string;
  /**
   * Sends a GraphQL request over real HTTP, as the administrator unless `headers` say otherwise
   * (pass `{ cookie: '' }` to be anonymous, or another session cookie / Authorization header).
   */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
};

/** A fresh database cloned from the migrated template, and a real API server on a free port. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE concord_template`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Creates a user with one membership and an open session; returns the Cookie header value. */
export async function signedInAs(
  db: Database,
  role: MembershipRole,
  actorId?: string,
): Promise<{ cookie: string; userId: string; actorId: string }> {
  const suffix = randomBytes(4).toString('hex');
  const [actor] = actorId
    ? [{ id: actorId }]
    : await db.query<{ id: string }>(
        `INSERT INTO actor (name, kind) VALUES ($1, 'UN_SECRETARIAT_ENTITY') RETURNING id`,
        [`Test organisation ${suffix}`],
      );
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO user_account (email, display_name, password_hash) VALUES ($1, $2, 'not-a-password') RETURNING id`,
    [`${role.toLowerCase()}-${suffix}@concord.test`, `Test ${role} ${suffix}`],
  );
  await db.query('INSERT INTO membership (user_id, actor_id, role) VALUES ($1, $2, $3)', [
    user.id,
    actor.id,
    role,
  ]);
  const secret = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO session (secret_hash, user_id, idle_expires_at, absolute_expires_at) VALUES ($1, $2, now() + interval '1 hour', now() + interval '1 day')`,
    [hashSecret(secret), user.id],
  );
  return { cookie: `${SESSION_COOKIE}=${secret}`, userId: user.id, actorId: actor.id };
}

export async function startTestApi(
  options: { production?: boolean; limits?: Limits; trustProxy?: string | number } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const dataSource = createDataSource(database.url, { max: 10 });
  await dataSource.initialize();
  const db = new Database(dataSource);
  const admin = await signedInAs(db, 'ADMIN');
  const server = await createApiServer({
    db,
    production: options.production,
    limits: options.limits,
    trustProxy: options.trustProxy,
    log: () => {},
    // Budgets are recorded when the server stops, not in the background: tests that count the
    // statements of a request see only that request's.
    budgetFlushIntervalMs: 3_600_000,
  });
  const port = await server.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  // The administrator's first request reads its budget into the process (one statement, once).
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return {
    db,
    adminCookie: admin.cookie,
    databaseUrl: database.url,
    url,
    async gql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(headers?.authorization ? {} : { cookie: admin.cookie }),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: GraphQLResponse['errors'] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async close() {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** A user who signs in with `password`, member of the organisation `actorId` in `role`; returns the user's id. */
export async function makeUserWithPassword(
  db: Database,
  user: { email: string; password: string; role: MembershipRole; actorId: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO user_account (email, display_name, password_hash) VALUES ($1, $1, $2) RETURNING id`,
    [user.email, await hashPassword(user.password)],
  );
  await db.query('INSERT INTO membership (user_id, actor_id, role) VALUES ($1, $2, $3)', [
    row.id,
    user.actorId,
    user.role,
  ]);
  return row.id;
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}

/** The error code of a response that must have failed. */
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** Runs `work` and returns every statement sent through `db.query` meanwhile (text and parameters). */
export async function statementsOf<T>(
  db: Database,
  work: () => Promise<T>,
): Promise<{ texts: string[]; statements: { text: string; params: unknown[] }[]; result: T }> {
  const statements: { text: string; params: unknown[] }[] = [];
  const original = db.query;
  db.query = ((text: string, params?: unknown[], options?: object) => {
    statements.push({ text, params: params ?? [] });
    return original.call(db, text, params, options as never);
  }) as Database['query'];
  try {
    const result = await work();
    return { texts: statements.map((s) => s.text), statements, result };
  } finally {
    db.query = original;
  }
}
