import type { CapabilityKind, MandatedTaskKind, PartnershipKind, PartnershipStatus } from '@concord/shared';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { CapabilityPledge } from '../src/modules/capabilities/capability-pledge.entity';
import { Mandate } from '../src/modules/mandates/mandate.entity';
import { MandatedTask } from '../src/modules/mandates/mandated-task.entity';
import { Partnership } from '../src/modules/partnerships/partnership.entity';
import type { Made } from './factories';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

async function make(
  db: Database,
  entity: Function,
  type: string,
  values: Record<string, unknown>,
): Promise<Made> {
  const row = await insertRow<{ id: string; version: number }>(db, db.columns(entity), values);
  return { id: row.id, version: row.version, gid: toGlobalId(type, row.id) };
}

/** A partnership `source KIND target`; endpoints are uuids (Made.id). */
export function makePartnership(
  db: Database,
  values: {
    sourceId: string;
    targetId: string;
    kind?: PartnershipKind;
    status?: PartnershipStatus;
    validFrom?: string | null;
    validTo?: string | null;
    instrument?: string | null;
  },
): Promise<Made> {
  return make(db, Partnership, 'Partnership', { kind: 'SUPPORTS', ...values });
}

export function makeMandate(
  db: Database,
  values: {
    authorizingActorId: string;
    missionActorId: string;
    symbol?: string;
    title?: string;
    adoptedOn?: string;
    expiresOn?: string | null;
    chapterVii?: boolean;
    troopCeiling?: number | null;
    policeCeiling?: number | null;
    renewsMandateId?: string | null;
  },
): Promise<Made & { symbol: string }> {
  const symbol = values.symbol ?? unique('S/RES');
  return make(db, Mandate, 'Mandate', {
    title: unique('Mandate'),
    adoptedOn: '2011-07-08',
    ...values,
    symbol,
  }).then((made) => ({ ...made, symbol }));
}

export function makeMandatedTask(
  db: Database,
  values: {
    mandateId: string;
    kind?: MandatedTaskKind;
    priority?: number;
    paragraphRef?: string;
    description?: string;
  },
): Promise<Made> {
  return make(db, MandatedTask, 'MandatedTask', {
    kind: 'PROTECTION_OF_CIVILIANS',
    paragraphRef: unique('OP'),
    description: 'Protect civilians under threat of physical violence',
    ...values,
  });
}

export function makePledge(
  db: Database,
  values: {
    actorId: string;
    capability?: CapabilityKind;
    quantity?: number;
    readinessDays?: number;
    validUntil?: string | null;
  },
): Promise<Made> {
  return make(db, CapabilityPledge, 'CapabilityPledge', {
    capability: 'FORMED_POLICE_UNIT',
    quantity: 1,
    readinessDays: 90,
    ...values,
  });
}

/**
 * Runs `work` and counts the statements sent through `db.query` meanwhile (every read of the API
 * goes there), to show that a nested read costs the same number of statements for more rows.
 */
export async function countStatements<T>(
  db: Database,
  work: () => Promise<T>,
): Promise<{ statements: number; result: T }> {
  let statements = 0;
  const original = db.query;
  db.query = ((text: string, params?: unknown[]) => {
    statements++;
    return original.call(db, text, params);
  }) as Database['query'];
  try {
    const result = await work();
    return { statements, result };
  } finally {
    db.query = original;
  }
}
