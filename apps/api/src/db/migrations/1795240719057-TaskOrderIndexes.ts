import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task lists ordered by due date keep undated tasks last (COALESCE to 'infinity') so that keyset
 * cursors never compare with NULL; these expression indexes serve that order. Objective → tasks
 * pages in creation order.
 */
export class TaskOrderIndexes1795240719057 implements MigrationInterface {
  name = 'TaskOrderIndexes1795240719057';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_objective_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_objective_idx" ON "task"  ("objective_id", "created_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."task_plan_due_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_plan_due_idx" ON "task" ("plan_id", (COALESCE("due_on", 'infinity'::date)), "id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."task_due_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_due_idx" ON "task" ((COALESCE("due_on", 'infinity'::date)), "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_due_idx"`);
    await queryRunner.query(`CREATE INDEX "task_due_idx" ON "task" ("due_on", "id")`);
    await queryRunner.query(`DROP INDEX "public"."task_plan_due_idx"`);
    await queryRunner.query(`CREATE INDEX "task_plan_due_idx" ON "task" ("plan_id", "due_on", "id")`);
    await queryRunner.query(`DROP INDEX "public"."task_objective_idx"`);
    await queryRunner.query(`CREATE INDEX "task_objective_idx" ON "task" USING btree ("objective_id") `);
  }
}
