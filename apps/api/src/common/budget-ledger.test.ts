import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/api';
import { createDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { BudgetLedger } from './budget-ledger';
import { takeFromBucket } from './rate-limit';

/** Two ledgers on one database stand for two API processes. */
let db: Database;
let drop: () => Promise<void>;
const bucket = { capacity: 100, refillPerSecond: 0.001 };
const ledgers: BudgetLedger[] = [];
const ledger = () => {
  const made = new BudgetLedger(db, bucket, { flushIntervalMs: 60_000 });
  ledgers.push(made);
  return made;
};
const shared = async (key: string) =>
  (await db.query<{ tokens: number }>('SELECT tokens FROM rate_limit_bucket WHERE key = $1', [key]))[0]
    ?.tokens;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  const dataSource = createDataSource(database.url, { max: 4 });
  await dataSource.initialize();
  db = new Database(dataSource);
});
afterAll(async () => {
  for (const l of ledgers) await l.stop();
  await db.dataSource.destroy();
  await drop();
});

describe('query budgets shared by API processes', () => {
  it('charges a key’s first request in the database, later ones locally until the flush', async () => {
    const a = ledger();
    expect(await a.take('k1', 30)).toMatchObject({ allowed: true, remaining: 70 });
    expect(await shared('k1')).toBeCloseTo(70, 0);
    expect(await a.take('k1', 30)).toMatchObject({ allowed: true, remaining: 40 });
    expect(await shared('k1')).toBeCloseTo(70, 0);
    await a.flush();
    expect(await shared('k1')).toBeCloseTo(40, 0);
  });

  it('sees what another process spent after a flush, and refuses what is left short', async () => {
    const a = ledger();
    const b = ledger();
    await a.take('k2', 30);
    await a.take('k2', 30);
    // b's first request reads the shared level, which does not yet hold a's second charge.
    expect(await b.take('k2', 10)).toMatchObject({ allowed: true, remaining: 60 });
    await a.flush();
    await b.flush();
    expect(await shared('k2')).toBeCloseTo(30, 0);
    const refused = await b.take('k2', 40);
    expect(refused).toMatchObject({ allowed: false, remaining: 30 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    await b.flush();
    expect(await shared('k2')).toBeCloseTo(30, 0);
  });

  it('keeps a charge made while a flush is running, and records pending charges on stop', async () => {
    const a = ledger();
    await a.take('k3', 10);
    await a.take('k3', 10);
    const flushing = a.flush();
    await a.take('k3', 5);
    await flushing;
    expect(await shared('k3')).toBeCloseTo(80, 0);
    await a.stop();
    expect(await shared('k3')).toBeCloseTo(75, 0);
  });
});

describe('a token bucket taken from at once', () => {
  it('answers every first take of a new key, each taking its cost once', async () => {
    // Ten statements that all find no bucket: one creates it, the others must take from it.
    for (let round = 0; round < 5; round++) {
      const key = `burst-${round}`;
      const takes = await Promise.all(Array.from({ length: 10 }, () => takeFromBucket(db, key, bucket, 1)));
      expect(takes.every((t) => t.allowed)).toBe(true);
      expect(await shared(key)).toBeCloseTo(90, 0);
    }
  });
});
