import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, toAppError } from '../common/errors';

/** Anything that runs a statement: the pool, or a client inside a transaction. */
export type Queryable = {
  query<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
};

/** The columns of an entity as TypeORM knows them, for hand-written SQL. */
export type EntityColumns = {
  table: string;
  /** `alias.col AS "prop"` for every column. */
  select(alias: string): string;
  /** property name → column name. */
  column: Record<string, string>;
};

/**
 * The application's door to PostgreSQL. Reads and writes go straight through the pg pool that
 * TypeORM opened (hot paths skip entity hydration); TypeORM keeps the schema, metadata and migrations.
 */
export class Database implements Queryable {
  readonly pool: Pool;
  private readonly columnsCache = new Map<unknown, EntityColumns>();

  constructor(readonly dataSource: DataSource) {
    // biome-ignore lint/suspicious/noExplicitAny: the driver's pool is not in TypeORM's public types
    this.pool = (dataSource.driver as any).master as Pool;
  }

  async query<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<T[]> {
    const result = await this.pool.query<T>(text, params as unknown[]);
    return result.rows;
  }

  /** Runs `work` in one transaction; any error rolls everything back. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toAppError(error) ?? new AppError('SERVICE_UNAVAILABLE', 'the database is unavailable');
    }
    const tx: Queryable = {
      query: async <R extends QueryResultRow>(text: string, params?: unknown[]) =>
        (await client.query<R>(text, params as unknown[])).rows,
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  columns(entity: EntityTarget<ObjectLiteral>): EntityColumns {
    let cached = this.columnsCache.get(entity);
    if (!cached) {
      const metadata = this.dataSource.getMetadata(entity);
      const column: Record<string, string> = {};
      for (const c of metadata.columns) column[c.propertyName] = c.databaseName;
      const pairs = Object.entries(column);
      cached = {
        table: metadata.tableName,
        column,
        select: (alias) => pairs.map(([prop, col]) => `${alias}.${col} AS "${prop}"`).join(', '),
      };
      this.columnsCache.set(entity, cached);
    }
    return cached;
  }
}
