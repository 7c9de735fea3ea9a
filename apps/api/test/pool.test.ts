import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { createTestDatabase } from './api';

/**
 * The pool keeps `min` connections open once opened and lets the others go after `idleTimeoutMs`
 * (config: DB_POOL_MIN, every connection by default). What matters is that the backends stay: a
 * backend opened again when load comes back starts with cold caches.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function backendsAfterIdle(options: { min?: number }) {
  const dataSource = createDataSource(database.url, { max: 6, idleTimeoutMs: 200, ...options });
  await dataSource.initialize();
  try {
    const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    // Six statements at once open six connections.
    const pids = await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)'),
      ),
    );
    expect(new Set(pids.map((r) => r.rows[0].pid)).size).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 700));
    return pool.totalCount;
  } finally {
    await dataSource.destroy();
  }
}

describe('the database pool', () => {
  it('keeps min connections open past the idle timeout', async () => {
    expect(await backendsAfterIdle({ min: 4 })).toBe(4);
    expect(await backendsAfterIdle({ min: 6 })).toBe(6);
  });

  it('closes idle connections when no min is set', async () => {
    expect(await backendsAfterIdle({})).toBe(0);
  });
});
