import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * change_log keeps a retention period of changes (CHANGE_LOG_RETENTION_DAYS); its one-row horizon
 * says how far it has been pruned, so that a subscriber resuming from before it is told to reload.
 */
export class ChangeLogRetention1795247000000 implements MigrationInterface {
  name = 'ChangeLogRetention1795247000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "change_log_horizon" ("id" boolean NOT NULL DEFAULT true, "pruned_through" bigint NOT NULL DEFAULT '0', CONSTRAINT "change_log_horizon_one_row" CHECK ("id"), CONSTRAINT "PK_28f85926df91ed9a861afb10b22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "change_log_horizon" DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "change_log_horizon"`);
  }
}
