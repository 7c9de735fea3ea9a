import type { DataSource } from 'typeorm';

/** An arbitrary, fixed key: only one process migrates at a time, the others wait and then find nothing to do. */
const MIGRATION_LOCK = 4_242_001;

/** Applies pending migrations under an advisory lock, so that several API processes can start together. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
