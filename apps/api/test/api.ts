import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { Database } from '../src/db/database';
import { createApiServer } from '../src/server';

export type GraphQLResponse<T = any> = {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
  headers: Headers;
};

export type TestApi = {
  db: Database;
  /** Connection string of this file's own database. */
  databaseUrl: string;
  url: string;
  /** Sends a GraphQL request over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
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

export async function startTestApi(options: { production?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const dataSource = createDataSource(database.url, { max: 10 });
  await dataSource.initialize();
  const db = new Database(dataSource);
  const server = await createApiServer({ db, production: options.production, log: () => {} });
  const port = await server.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    db,
    databaseUrl: database.url,
    url,
    async gql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async close() {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
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
