import type { ActorKind } from '@concord/shared';
import { toGlobalId } from '../src/common/ids';
import { insertRow } from '../src/common/writes';
import type { Database } from '../src/db/database';
import { Actor } from '../src/modules/actors/actor.entity';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export type Made = { id: string; gid: string; version: number };

/** Inserts rows directly, so each test builds exactly the data it needs. */
export async function makeActor(
  db: Database,
  values: Partial<{
    name: string;
    acronym: string | null;
    kind: ActorKind;
    parentId: string | null;
    region: string | null;
    countryCode: string | null;
  }> = {},
): Promise<Made & { name: string }> {
  const row = await insertRow<{ id: string; name: string; version: number }>(db, db.columns(Actor), {
    name: unique('Actor'),
    kind: 'REGIONAL_ORGANIZATION',
    ...values,
  });
  return { ...row, gid: toGlobalId('Actor', row.id) };
}
