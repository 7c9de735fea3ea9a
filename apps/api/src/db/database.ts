import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, toAppError } from '../common/errors';
import { requestScope } from '../common/viewer';

/**
 * `prepared`: the statement is one of a fixed set of texts (values only in parameters) run on hot
 * paths, so each connection parses and plans it once, by name, instead of on every call.
 */
export type QueryOptions = { prepared?: boolean };

/** Anything that runs a statement: the pool, or a client inside a transaction. */
export type Queryable = {
  query<T extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
};

/** Statement names by text; the set of prepared texts is small, the cap only guards against misuse. */
const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 5_000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= MAX_STATEMENT_NAMES) statementNames.clear();
    name = `q_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/** The pg query config: named (prepared once per connection) when asked. */
const queryConfig = (text: string, params: unknown[] | undefined, options: QueryOptions | undefined) =>
  options?.prepared ? { name: statementName(text), text, values: params } : { text, values: params };

/** One changed record, captured by the write helpers for the audit log and plan history. */
export type Change = {
  entityType: string;
  entityId: string;
  kind: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A transaction: runs statements and collects the changes made through it. */
export type Transaction = Queryable & {
  record(change: Change): void;
  /** Extra audit rows (security events) written with the same commit. */
  audit(event: AuditEntry): void;
};

export type AuditEntry = {
  action: string;
  outcome?: 'SUCCESS' | 'FAILURE' | 'DENIED';
  entityType?: string | null;
  entityId?: string | null;
  userId?: string | null;
  details?: Record<string, unknown> | null;
};

/** The columns of an entity as TypeORM knows them, for hand-written SQL. */
export type EntityColumns = {
  /** The entity class name, e.g. ResponsePlan. */
  name: string;
  table: string;
  /** `alias.col AS "prop"` for every column. */
  select(alias: string): string;
  /** property name → column name. */
  column: Record<string, string>;
};

/** Changed fields only, as { field: { before, after } }. */
function diff(change: Change): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]);
  for (const key of keys) {
    if (
      key === 'version' ||
      key === 'updatedAt' ||
      key === 'createdAt' ||
      key === 'id' ||
      key.startsWith('__')
    )
      continue;
    const before = change.before?.[key] ?? null;
    const after = change.after?.[key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) out[key] = { before, after };
  }
  return out;
}

/** Fields whose content must never reach the audit log: secrets anywhere, and what assessments say. */
const secretFields = new Set(['passwordHash', 'secretHash']);
const contentFields: Record<string, ReadonlySet<string>> = {
  RiskAssessment: new Set(['summary']),
  RiskFactorScore: new Set(['rationale']),
  Observation: new Set(['title', 'description', 'source']),
};
const isRedacted = (entityType: string, field: string) =>
  secretFields.has(field) || (contentFields[entityType]?.has(field) ?? false);

/**
 * The application's door to PostgreSQL. Reads and writes go straight through the pg pool that
 * TypeORM opened (hot paths skip entity hydration); TypeORM keeps the schema, metadata and migrations.
 */
export class Database implements Queryable {
  readonly pool: Pool;
  private readonly columnsCache = new Map<unknown, EntityColumns>();
  /** Called inside each transaction, before COMMIT, with what it changed (history, notifications). */
  readonly beforeCommit: ((tx: Queryable, changes: readonly Change[]) => Promise<void>)[] = [];

  constructor(readonly dataSource: DataSource) {
    // biome-ignore lint/suspicious/noExplicitAny: the driver's pool is not in TypeORM's public types
    this.pool = (dataSource.driver as any).master as Pool;
  }

  async query<T extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<T[]> {
    const result = await this.pool.query<T>(queryConfig(text, params, options));
    return result.rows;
  }

  /**
   * Runs `work` in one transaction; any error rolls everything back. Every change made through
   * the write helpers is written to the audit log in the same transaction, so nothing is
   * committed without its record.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toAppError(error) ?? new AppError('SERVICE_UNAVAILABLE', 'the database is unavailable');
    }
    const changes: Change[] = [];
    const events: AuditEntry[] = [];
    const tx: Transaction = {
      query: async <R extends QueryResultRow>(text: string, params?: unknown[], options?: QueryOptions) =>
        (await client.query<R>(queryConfig(text, params, options))).rows,
      record: (change) => changes.push(change),
      audit: (event) => events.push(event),
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      for (const hook of this.beforeCommit) await hook(tx, changes);
      await this.writeAudit(tx, changes, events);
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

  /** Writes audit rows for a security event outside any change (sign-in failures, denials). */
  async auditEvent(event: AuditEntry): Promise<void> {
    await this.writeAudit(this, [], [event]);
  }

  private async writeAudit(tx: Queryable, changes: readonly Change[], events: readonly AuditEntry[]) {
    if (!changes.length && !events.length) return;
    const scope = requestScope.getStore();
    const viewer = scope?.viewer;
    const rows = [
      ...changes.map((change) => {
        const fields = diff(change);
        for (const key of Object.keys(fields)) {
          if (isRedacted(change.entityType, key)) fields[key] = { before: '[redacted]', after: '[redacted]' };
        }
        return {
          action: scope?.operation ?? `${change.entityType}.${change.kind}`,
          outcome: 'SUCCESS',
          entityType: change.entityType,
          entityId: change.entityId,
          userId: viewer?.userId ?? null,
          changes: { kind: change.kind, fields },
          details: null as Record<string, unknown> | null,
        };
      }),
      ...events.map((event) => ({
        action: event.action,
        outcome: event.outcome ?? 'SUCCESS',
        entityType: event.entityType ?? null,
        entityId: event.entityId ?? null,
        userId: event.userId ?? viewer?.userId ?? null,
        changes: null,
        details: event.details ?? null,
      })),
    ];
    await tx.query(
      `INSERT INTO audit_event (action, outcome, entity_type, entity_id, user_id, actor_id, session_id, token_id, request_id, ip_address, changes, details)
       SELECT r.action, r.outcome, r.entity_type, r.entity_id, r.user_id, $2, $3, $4, $5, $6, r.changes, r.details
       FROM jsonb_to_recordset($1::jsonb) AS r(action text, outcome text, entity_type text, entity_id uuid, user_id uuid, changes jsonb, details jsonb)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            action: r.action,
            outcome: r.outcome,
            entity_type: r.entityType,
            entity_id: r.entityId,
            user_id: r.userId,
            changes: r.changes,
            details: r.details,
          })),
        ),
        viewer?.memberships[0]?.actorId ?? null,
        viewer?.sessionId ?? null,
        viewer?.tokenId ?? null,
        scope?.requestId ?? null,
        scope?.ipAddress ?? null,
      ],
    );
  }

  columns(entity: EntityTarget<ObjectLiteral>): EntityColumns {
    let cached = this.columnsCache.get(entity);
    if (!cached) {
      const metadata = this.dataSource.getMetadata(entity);
      const column: Record<string, string> = {};
      for (const c of metadata.columns) column[c.propertyName] = c.databaseName;
      const pairs = Object.entries(column);
      cached = {
        name: metadata.name,
        table: metadata.tableName,
        column,
        select: (alias) => pairs.map(([prop, col]) => `${alias}.${col} AS "${prop}"`).join(', '),
      };
      this.columnsCache.set(entity, cached);
    }
    return cached;
  }
}
