import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit buckets are counters that refill within seconds: losing them in a crash only hands
 * every caller a full bucket. Unlogged, a charge writes no WAL, so the per-request budget
 * statement costs a row update in shared buffers instead of a WAL flush.
 */
export class RateLimitUnlogged1795243000000 implements MigrationInterface {
  name = 'RateLimitUnlogged1795243000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_bucket" SET UNLOGGED`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_bucket" SET LOGGED`);
  }
}
