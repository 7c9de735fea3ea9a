import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { seedDemoData } from '../src/db/seed';
import { createApiServer } from '../src/server';

/**
 * Concord on an external, older PostgreSQL through DATABASE_URL. Uses EXTERNAL_DATABASE_URL, or the
 * PostgreSQL server of the development machine on 127.0.0.1:5432 when one answers.
 */
const serverUrl = process.env.EXTERNAL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const available = await reachable();
if (!available)
  console.warn(`external PostgreSQL at ${serverUrl} does not answer: its test does not run here`);

describe.runIf(available)('on an external PostgreSQL', () => {
  const name = `concord_ext_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  let db: Database;
  let stop: () => Promise<void>;
  let url: string;
  let version = 0;

  beforeAll(async () => {
    admin = new pg.Client(serverUrl);
    await admin.connect();
    version = Number((await admin.query('SHOW server_version_num')).rows[0].server_version_num);
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    const dataSource = createDataSource(target.toString());
    await dataSource.initialize();
    await migrate(dataSource);
    db = new Database(dataSource);
    await seedDemoData(db);
    const server = await createApiServer({ db, log: () => {} });
    const port = await server.listen(0);
    url = `http://127.0.0.1:${port}/graphql`;
    stop = async () => {
      await server.stop();
      await dataSource.destroy();
    };
  });

  afterAll(async () => {
    await stop?.();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
  });

  it('migrates, seeds and answers the registry query', async () => {
    expect(version).toBeGreaterThanOrEqual(150000);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ actors(filter: {search: "UNMISS"}, first: 1) { edges { node { acronym mandates(first: 5) { edges { node { symbol } } } partners(first: 50) { totalCount } } } } }`,
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const unmiss = body.data.actors.edges[0].node;
    expect(unmiss.acronym).toBe('UNMISS');
    expect(unmiss.mandates.edges.map((e: any) => e.node.symbol)).toContain('S/RES/1996 (2011)');
    expect(unmiss.partners.totalCount).toBeGreaterThan(3);
  });

  it('keeps compare-and-set writes and the audit log working', async () => {
    const [actor] = await db.query<{ id: string }>(`SELECT id FROM actor WHERE acronym = 'IGAD'`);
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE actor SET description = 'checked' WHERE id = $1`, [actor.id]);
      tx.audit({ action: 'external.check', entityType: 'Actor', entityId: actor.id });
    });
    const rows = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [actor.id]);
    expect(rows.map((r) => r.action)).toContain('external.check');
  });
});
