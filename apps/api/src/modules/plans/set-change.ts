import type { Transaction } from '../../db/database';

/**
 * Records, for the audit log, a change to a set a record owns through a link table (an objective's
 * risk factors, a task's prerequisites): the link rows have no version or identity of their own.
 */
export function recordSetChange(
  tx: Transaction,
  entity: { type: string; id: string },
  field: string,
  before: readonly string[],
  after: readonly string[],
): void {
  const old = [...before].sort();
  const now = [...new Set(after)].sort();
  if (old.length === now.length && old.every((value, i) => value === now[i])) return;
  tx.record({
    entityType: entity.type,
    entityId: entity.id,
    kind: 'update',
    before: { [field]: old },
    after: { [field]: now },
  });
}
