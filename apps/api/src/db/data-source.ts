import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming';

// Dates stay calendar strings (YYYY-MM-DD): no time zone can shift them; bigint counts become numbers.
pg.types.setTypeParser(1082, (value) => value);
pg.types.setTypeParser(20, (value) => Number(value));

export type PoolOptions = {
  max?: number;
  /**
   * Connections kept open once opened; the others close after `idleTimeoutMs` unused. Reopening one
   * when load comes back costs a new backend whose caches are cold: on a CPU shared with the API,
   * ≈ 80–130 ms during which requests queue.
   */
  min?: number;
  idleTimeoutMs?: number;
  /** How long a request may wait for a free connection before SERVICE_UNAVAILABLE. */
  acquireTimeoutMs?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
};

/** The data source: entities, explicit migrations, never `synchronize`. */
export function createDataSource(url: string, pool: PoolOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: ['error', 'migration'],
    extra: {
      max: pool.max ?? 20,
      min: pool.min ?? 0,
      idleTimeoutMillis: pool.idleTimeoutMs ?? 10_000,
      connectionTimeoutMillis: pool.acquireTimeoutMs ?? 5_000,
      statement_timeout: pool.statementTimeoutMs ?? 15_000,
      lock_timeout: pool.lockTimeoutMs ?? 5_000,
      idle_in_transaction_session_timeout: pool.idleInTransactionTimeoutMs ?? 30_000,
      application_name: 'concord-api',
    },
  });
}
