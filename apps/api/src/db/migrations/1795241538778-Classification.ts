import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Classification1795241538778 implements MigrationInterface {
  name = 'Classification1795241538778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."classification" AS ENUM('PUBLIC', 'PARTICIPANTS', 'RESTRICTED', 'CONFIDENTIAL')`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_plan" ADD "classification" "public"."classification" NOT NULL DEFAULT 'PARTICIPANTS'`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_assessment" ADD "classification" "public"."classification" NOT NULL DEFAULT 'RESTRICTED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD "classification" "public"."classification" NOT NULL DEFAULT 'PARTICIPANTS'`,
    );
    await queryRunner.query(`CREATE INDEX "mandate_created_idx" ON "mandate"  ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mandate_created_idx"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "classification"`);
    await queryRunner.query(`ALTER TABLE "risk_assessment" DROP COLUMN "classification"`);
    await queryRunner.query(`ALTER TABLE "response_plan" DROP COLUMN "classification"`);
    await queryRunner.query(`DROP TYPE "public"."classification"`);
  }
}
