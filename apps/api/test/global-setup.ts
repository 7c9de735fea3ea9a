import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@concord/embedded-db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../src/db/data-source';
import { migrate } from '../src/db/migrate';

export const TEMPLATE = 'concord_template';

/**
 * One throw-away PostgreSQL for the whole run. Migrations run once into a template database;
 * each test file clones it (CREATE DATABASE … TEMPLATE), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'concord-test-'));
  const db = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    ephemeral: true,
    fast: true,
    database: TEMPLATE,
  });
  const dataSource = createDataSource(db.url);
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await dataSource.destroy();
  const admin = new pg.Client(db.adminUrl);
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE} WITH ALLOW_CONNECTIONS false`);
  await admin.end();

  project.provide('adminUrl', db.adminUrl);
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
  }
}
