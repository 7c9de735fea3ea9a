import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each assignment carries its task's plan, so that the read rules check an assignment's plan in
 * one index probe (response_plan) instead of two (task, then response_plan). The database keeps
 * it: set from the task on insert or when the task changes, followed when a task changes plan.
 * No foreign key of its own: the assignment goes with its task.
 */
export class AssignmentPlan1795246000000 implements MigrationInterface {
  name = 'AssignmentPlan1795246000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The backfill reads every assignment: longer than a request may take on a large database.
    await queryRunner.query('SET LOCAL statement_timeout = 0');
    await queryRunner.query(`ALTER TABLE "task_assignment" ADD "plan_id" uuid`);
    await queryRunner.query(
      `UPDATE "task_assignment" ta SET plan_id = t.plan_id FROM "task" t WHERE t.id = ta.task_id`,
    );
    await queryRunner.query(`ALTER TABLE "task_assignment" ALTER "plan_id" SET NOT NULL`);
    await queryRunner.query(`CREATE FUNCTION concord_assignment_plan() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT t.plan_id INTO NEW.plan_id FROM task t WHERE t.id = NEW.task_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER task_assignment_plan BEFORE INSERT OR UPDATE OF task_id, plan_id
      ON "task_assignment" FOR EACH ROW EXECUTE FUNCTION concord_assignment_plan()`);
    await queryRunner.query(`CREATE FUNCTION concord_task_plan_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE task_assignment SET plan_id = NEW.plan_id WHERE task_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER task_plan_moved AFTER UPDATE OF plan_id ON "task" FOR EACH ROW
      WHEN (OLD.plan_id IS DISTINCT FROM NEW.plan_id) EXECUTE FUNCTION concord_task_plan_moved()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER task_plan_moved ON "task"`);
    await queryRunner.query(`DROP FUNCTION concord_task_plan_moved()`);
    await queryRunner.query(`DROP TRIGGER task_assignment_plan ON "task_assignment"`);
    await queryRunner.query(`DROP FUNCTION concord_assignment_plan()`);
    await queryRunner.query(`ALTER TABLE "task_assignment" DROP COLUMN "plan_id"`);
  }
}
