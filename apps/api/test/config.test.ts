import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../src/common/limits';
import { loadConfig } from '../src/config';

describe('the settings read at start-up', () => {
  it('take the published query limits from the environment', () => {
    const config = loadConfig({
      LIMIT_MAX_DEPTH: '6',
      LIMIT_MAX_ALIASES: '7',
      LIMIT_MAX_TOKENS: '800',
      LIMIT_MAX_COST: '900',
      LIMIT_BUDGET_CAPACITY: '10000',
      LIMIT_BUDGET_REFILL_PER_SECOND: '100',
    });
    expect(config.limits).toEqual({
      maxDepth: 6,
      maxAliases: 7,
      maxTokens: 800,
      maxCost: 900,
      budget: { capacity: 10_000, refillPerSecond: 100 },
    });
  });

  it('keep every database connection opened unless DB_POOL_MIN says fewer, never more than DB_POOL_MAX', () => {
    expect(loadConfig({}).pool).toMatchObject({ max: 20, min: 20 });
    expect(loadConfig({ DB_POOL_MAX: '12' }).pool).toMatchObject({ max: 12, min: 12 });
    expect(loadConfig({ DB_POOL_MAX: '12', DB_POOL_MIN: '4' }).pool).toMatchObject({ max: 12, min: 4 });
    expect(loadConfig({ DB_POOL_MAX: '12', DB_POOL_MIN: '40' }).pool).toMatchObject({ max: 12, min: 12 });
    expect(() => loadConfig({ DB_POOL_MIN: 'some' })).toThrow(/DB_POOL_MIN must be a whole number/);
  });

  it('keep the published defaults when none is set', () => {
    expect(loadConfig({}).limits).toEqual(defaultLimits);
  });

  it('refuse a limit that is not a whole number, naming it', () => {
    expect(() => loadConfig({ LIMIT_MAX_COST: 'lots' })).toThrow(/LIMIT_MAX_COST must be a whole number/);
    expect(() => loadConfig({ LIMIT_MAX_DEPTH: '-1' })).toThrow(/LIMIT_MAX_DEPTH/);
    expect(() => loadConfig({ LIMIT_MAX_TOKENS: '1e3' })).toThrow(/LIMIT_MAX_TOKENS/);
    expect(() => loadConfig({ LIMIT_BUDGET_CAPACITY: '99999999999999999999' })).toThrow(
      /LIMIT_BUDGET_CAPACITY/,
    );
  });

  it('refuse a limit of 0, which would refuse every query', () => {
    expect(() => loadConfig({ LIMIT_MAX_COST: '0' })).toThrow(
      /LIMIT_MAX_COST must be a whole number of at least 1/,
    );
    expect(() => loadConfig({ LIMIT_MAX_DEPTH: '0' })).toThrow(/LIMIT_MAX_DEPTH/);
  });

  it('read the change log retention as a duration, 30 days when none is set', () => {
    expect(loadConfig({}).changeLogRetentionSeconds).toBe(30 * 86_400);
    expect(loadConfig({ CHANGE_LOG_RETENTION: '45s' }).changeLogRetentionSeconds).toBe(45);
    expect(loadConfig({ CHANGE_LOG_RETENTION: '90m' }).changeLogRetentionSeconds).toBe(5_400);
    expect(loadConfig({ CHANGE_LOG_RETENTION: '12h' }).changeLogRetentionSeconds).toBe(43_200);
    expect(loadConfig({ CHANGE_LOG_RETENTION: '7d' }).changeLogRetentionSeconds).toBe(604_800);
    for (const value of ['30', '0d', '-1d', '1.5d', '2w', 'forever', '1000000000d'])
      expect(() => loadConfig({ CHANGE_LOG_RETENTION: value }), value).toThrow(
        /CHANGE_LOG_RETENTION must be a duration such as 45s, 90m, 12h or 30d/,
      );
  });
});
