import type { Database } from '../database';

/** Loads the demo data; idempotent. (Filled in by the seed module.) */
export async function seedDemoData(_db: Database): Promise<Record<string, number>> {
  return {};
}
