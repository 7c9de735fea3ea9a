import type { Change } from '../../db/database';
import type { RevisionKind } from './revision.entity';

/** The records whose changes make up a plan's history. */
export const HISTORY_TYPES: ReadonlySet<string> = new Set([
  'ResponsePlan',
  'Phase',
  'Objective',
  'Task',
  'TaskAssignment',
  'PlanParticipant',
]);

/** Bookkeeping columns: in every snapshot, never a "changed field" of their own. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * Instants arrive as Date objects (RETURNING) or as PostgreSQL's JSON text with microseconds
 * (to_jsonb of the old row); one form makes an unchanged instant compare equal.
 */
const INSTANTS = new Set(['createdAt', 'updatedAt', 'respondBy', 'respondedAt']);

export type FieldChange = { before: unknown; after: unknown };

/** One revision row to write, before its plan is resolved in SQL. */
export type RevisionEntry = {
  entityType: string;
  entityId: string;
  kind: RevisionKind;
  fields: Record<string, FieldChange>;
  /** The record after the change (before it, for a deletion); set fields carried over in SQL. */
  snapshot: Record<string, unknown>;
  /** Known from the record itself; otherwise looked up from the entity in SQL. */
  planId: string | null;
  taskId: string | null;
};

function normal(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (INSTANTS.has(key)) {
    const at = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(at.getTime()) ? value : at.toISOString();
  }
  if (value instanceof Date) return value.toISOString();
  return value;
}

function normalRecord(record: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith('__')) out[key] = normal(key, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Pending = {
  entityType: string;
  entityId: string;
  created: boolean;
  deleted: boolean;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * A transaction's changes as revisions: one per record, in the order each record was first
 * touched. Several changes to one record (an update and the set changes that go with it) are one
 * revision; a record created and deleted in the same transaction leaves none, and an update that
 * changed nothing but the version leaves none either.
 */
export function revisionEntries(changes: readonly Change[]): RevisionEntry[] {
  const byRecord = new Map<string, Pending>();
  for (const change of changes) {
    if (!HISTORY_TYPES.has(change.entityType)) continue;
    const key = `${change.entityType}:${change.entityId}`;
    const before = normalRecord(change.before);
    const after = normalRecord(change.after);
    const pending = byRecord.get(key);
    if (!pending) {
      byRecord.set(key, {
        entityType: change.entityType,
        entityId: change.entityId,
        created: change.kind === 'create',
        deleted: change.kind === 'delete',
        before: change.kind === 'create' ? null : { ...before },
        after: change.kind === 'delete' ? null : { ...after },
      });
      continue;
    }
    // The earliest value of a field is its value before the transaction.
    if (pending.before && before) {
      for (const [field, value] of Object.entries(before))
        if (!(field in pending.before)) pending.before[field] = value;
    }
    if (change.kind === 'delete') {
      pending.deleted = true;
      pending.after = null;
    } else {
      pending.after = { ...(pending.after ?? {}), ...after };
    }
  }

  const entries: RevisionEntry[] = [];
  for (const p of byRecord.values()) {
    if (p.created && p.deleted) continue;
    const kind: RevisionKind = p.created ? 'CREATE' : p.deleted ? 'DELETE' : 'UPDATE';
    const fields: Record<string, FieldChange> = {};
    const keys = new Set([...Object.keys(p.before ?? {}), ...Object.keys(p.after ?? {})]);
    for (const field of keys) {
      if (BOOKKEEPING.has(field)) continue;
      const before = p.before?.[field] ?? null;
      const after = p.after?.[field] ?? null;
      if (!same(before, after)) fields[field] = { before, after };
    }
    if (kind === 'UPDATE' && !Object.keys(fields).length) continue;
    const snapshot = { ...(p.before ?? {}), ...(p.after ?? {}) };
    const planId = p.entityType === 'ResponsePlan' ? p.entityId : stringOrNull(snapshot.planId);
    entries.push({
      entityType: p.entityType,
      entityId: p.entityId,
      kind,
      fields,
      snapshot: kind === 'DELETE' ? { ...(p.before ?? {}) } : snapshot,
      planId,
      taskId: p.entityType === 'TaskAssignment' ? stringOrNull(snapshot.taskId) : null,
    });
  }
  return entries;
}

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** Fields that hold references, with the type of record they name. */
const REFERENCES: Record<string, string> = {
  planId: 'ResponsePlan',
  situationId: 'Situation',
  leadActorId: 'Actor',
  actorId: 'Actor',
  phaseId: 'Phase',
  objectiveId: 'Objective',
  mandatedTaskId: 'MandatedTask',
  taskId: 'Task',
  riskFactorIds: 'RiskFactor',
  dependsOnIds: 'Task',
};

/**
 * Changed fields as clients see them: references as global ids. The history keeps database ids,
 * which restoring and reading "as of" use directly.
 */
export function presentFields(
  fields: Record<string, FieldChange>,
  toGlobal: (type: string, id: string) => string,
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [field, change] of Object.entries(fields)) {
    const type = Object.hasOwn(REFERENCES, field) ? REFERENCES[field] : null;
    const present = (value: unknown): unknown => {
      if (!type || value === null) return value;
      if (Array.isArray(value)) return value.map(present);
      return typeof value === 'string' ? toGlobal(type, value) : value;
    };
    out[field] = { before: present(change.before), after: present(change.after) };
  }
  return out;
}
